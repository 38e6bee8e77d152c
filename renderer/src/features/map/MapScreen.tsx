import 'leaflet/dist/leaflet.css';
import AddLocationAltIcon from '@mui/icons-material/AddLocationAlt';
import PanToolIcon from '@mui/icons-material/PanTool';
import PolylineIcon from '@mui/icons-material/Polyline';
import RefreshIcon from '@mui/icons-material/Refresh';
import RoomPreferencesIcon from '@mui/icons-material/RoomPreferences';
import SettingsIcon from '@mui/icons-material/Settings';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, Marker, Polyline, TileLayer, useMapEvents } from 'react-leaflet';
import type { CustomerMarker, MapPoint, MapRoute } from '../../../../shared/contract/map.contract';
import { LoadingState } from '../../app/components/LoadingState';
import { PageHeader } from '../../app/components/PageHeader';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { AddCustomerDialog } from './AddCustomerDialog';
import { CustomerLayer, type PendingMove } from './CustomerLayer';
import { CustomerPanel } from './CustomerPanel';
import { MapLegend } from './MapLegend';
import { MapSettingsDialog } from './MapSettingsDialog';
import { NetworkLayer } from './NetworkLayer';
import { PointDialog } from './PointDialog';
import { RouteDialog } from './RouteDialog';
import { VERTEX_ICON } from './map-icons';
import { formatCoordinate, useMapStore, type LatLng, type MapMode } from './map-store';

type OpenDialog =
  | { kind: 'addCustomer'; at: LatLng }
  | { kind: 'point'; point: MapPoint | null; at: LatLng | null }
  | { kind: 'route'; route: MapRoute | null; path: LatLng[] }
  | { kind: 'settings' };

/** Hands map clicks to the screen (what a click does depends on the mode). */
function ClickCatcher({ onClick }: { onClick(at: LatLng): void }) {
  useMapEvents({ click: (event) => onClick([event.latlng.lat, event.latlng.lng]) });
  return null;
}

/**
 * The network map: customers coloured by state, network points and cable routes. Markers are drawn
 * without image files, so the map works with no tiles and no internet.
 */
export function MapScreen() {
  const t = useT();
  const canSeeNetwork = useCan('network.view');
  const canManageNetwork = useCan('network.manage');
  const canManageCustomers = useCan('customers.manage');
  const canChangeSettings = useCan('settings.manage');
  const mode = useMapStore((state) => state.mode);
  const draft = useMapStore((state) => state.draft);
  const hiddenStates = useMapStore((state) => state.hiddenStates);
  const hiddenKinds = useMapStore((state) => state.hiddenKinds);
  const showRoutes = useMapStore((state) => state.showRoutes);
  const selectedId = useMapStore((state) => state.selectedCustomerId);
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 300);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [pending, setPending] = useState<PendingMove | null>(null);
  const [savedMoves, setSavedMoves] = useState<Record<string, LatLng>>({});
  const [tooMany, setTooMany] = useState(false);
  const [tilesFailed, setTilesFailed] = useState(false);
  const mapRef = useRef<L.Map | null>(null);

  const settings = useLoader('map-settings', async () => {
    const result = await call('map.settings.get', {});
    return result.ok ? result.data : null;
  });
  const overview = useLoader(`map-overview/${search}`, async () => {
    const result = await call('map.overview', search ? { query: search } : {});
    return result.ok ? result.data : null;
  });
  const points = useLoader(`map-points/${canSeeNetwork}`, async () => {
    if (!canSeeNetwork) return [];
    const result = await call('map.points.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });
  const routes = useLoader(`map-routes/${canSeeNetwork}`, async () => {
    if (!canSeeNetwork) return [];
    const result = await call('map.routes.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });
  const routers = useLoader(`map-routers/${canManageNetwork}`, async () => {
    if (!canManageNetwork) return [];
    const result = await call('network.routers.list', {}, { quiet: true });
    return result.ok ? result.data : null;
  });

  const markers = useMemo(
    () =>
      (overview.data?.customers ?? [])
        .filter((marker) => !hiddenStates.includes(marker.state))
        .map((marker) => {
          const moved = savedMoves[marker.id];
          return moved ? { ...marker, lat: moved[0], lng: moved[1] } : marker;
        }),
    [overview.data, hiddenStates, savedMoves],
  );
  const selected = overview.data?.customers.find((marker) => marker.id === selectedId) ?? null;

  const setMode = (next: MapMode) => useMapStore.getState().setMode(next);
  const reloadNetwork = () => {
    points.reload();
    routes.reload();
  };

  // Escape leaves a mode, or undoes a dragged marker not saved yet. Open dialogs handle their own.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || dialog) return;
      if (useMapStore.getState().mode !== 'browse') useMapStore.getState().setMode('browse');
      else setPending(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [dialog]);

  const onMapClick = (at: LatLng) => {
    if (mode === 'addCustomer') setDialog({ kind: 'addCustomer', at });
    else if (mode === 'addPoint') setDialog({ kind: 'point', point: null, at });
    else if (mode === 'drawRoute') useMapStore.getState().addVertex(at);
  };

  /** A click on a line or point while adding something counts as a click on the map there. */
  const onRouteClick = (at: LatLng): boolean => {
    if (mode === 'browse') return false;
    onMapClick(at);
    return true;
  };

  const onPointClick = (point: MapPoint, at: LatLng): boolean => {
    // A route drawn through a point snaps to it.
    if (mode === 'drawRoute') {
      useMapStore.getState().addVertex([point.latitude, point.longitude]);
      return true;
    }
    return onRouteClick(at);
  };

  const onSelectCustomer = (marker: CustomerMarker) => {
    if (mode === 'drawRoute') {
      useMapStore.getState().addVertex([marker.lat, marker.lng]);
      return;
    }
    useMapStore.getState().selectCustomer(marker.id);
  };

  const saveMove = async () => {
    if (!pending) return;
    const { marker, to } = pending;
    const result = await call('map.customers.setLocation', {
      customerId: marker.id,
      latitude: to[0],
      longitude: to[1],
    });
    if (!result.ok) return;
    setSavedMoves((moves) => ({ ...moves, [marker.id]: to }));
    setPending(null);
    notify(t('map.move.saved', { name: marker.name }), 'success');
  };

  const onTooMany = useCallback((value: boolean) => setTooMany(value), []);

  if (!settings.data) {
    return (
      <Box>
        <PageHeader title={t('map.title')} subtitle={t('map.subtitle')} />
        {settings.loading ? <LoadingState label={t('map.loading')} /> : null}
      </Box>
    );
  }
  const mapSettings = settings.data;

  return (
    <Box data-testid="map-screen">
      <PageHeader
        title={t('map.title')}
        subtitle={t('map.subtitle')}
        actions={
          <>
            <Button
              startIcon={<RefreshIcon />}
              onClick={() => {
                overview.reload();
                reloadNetwork();
              }}
              data-testid="map-refresh"
            >
              {t('map.refresh')}
            </Button>
            {canChangeSettings ? (
              <Button
                startIcon={<SettingsIcon />}
                onClick={() => setDialog({ kind: 'settings' })}
                data-testid="map-settings-open"
              >
                {t('map.settings')}
              </Button>
            ) : null}
          </>
        }
      />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', mb: 1 }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode}
          onChange={(_event, next: MapMode | null) => setMode(next ?? 'browse')}
          aria-label={t('map.title')}
        >
          <ToggleButton value="browse" data-testid="map-mode-browse">
            <PanToolIcon fontSize="small" sx={{ mr: 0.5 }} />
            {t('map.mode.browse')}
          </ToggleButton>
          {canManageCustomers ? (
            <ToggleButton value="addCustomer" data-testid="map-mode-addCustomer">
              <AddLocationAltIcon fontSize="small" sx={{ mr: 0.5 }} />
              {t('map.mode.addCustomer')}
            </ToggleButton>
          ) : null}
          {canManageNetwork ? (
            <ToggleButton value="addPoint" data-testid="map-mode-addPoint">
              <RoomPreferencesIcon fontSize="small" sx={{ mr: 0.5 }} />
              {t('map.mode.addPoint')}
            </ToggleButton>
          ) : null}
          {canManageNetwork ? (
            <ToggleButton value="drawRoute" data-testid="map-mode-drawRoute">
              <PolylineIcon fontSize="small" sx={{ mr: 0.5 }} />
              {t('map.mode.drawRoute')}
            </ToggleButton>
          ) : null}
        </ToggleButtonGroup>
        <TextField
          size="small"
          type="search"
          placeholder={t('map.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          sx={{ width: 280, ml: 'auto' }}
          slotProps={{ htmlInput: { 'aria-label': t('map.search'), 'data-testid': 'map-search' } }}
        />
      </Box>
      {overview.loading ? <LinearProgress sx={{ mb: 0.5 }} /> : <Box sx={{ height: 4, mb: 0.5 }} />}
      <Box sx={{ display: 'flex', gap: 2, flexDirection: { xs: 'column', md: 'row' } }}>
        <Box
          data-testid="map-container"
          data-mode={mode}
          sx={{
            position: 'relative',
            flex: 1,
            minWidth: 0,
            height: 'calc(100vh - 300px)',
            minHeight: 420,
            borderRadius: 2,
            overflow: 'hidden',
            border: 1,
            borderColor: 'divider',
            '& .leaflet-container': {
              height: '100%',
              width: '100%',
              background: mapSettings.tileUrl ? '#e5e7eb' : '#f1f5f9',
              cursor: mode === 'browse' ? undefined : 'crosshair',
              fontFamily: 'inherit',
            },
            '& .gerai-map-marker': { background: 'transparent', border: 0 },
          }}
        >
          <MapContainer
            ref={mapRef}
            center={[mapSettings.centerLat, mapSettings.centerLng]}
            zoom={mapSettings.zoom}
            zoomControl
            attributionControl
          >
            {mapSettings.tileUrl ? (
              <TileLayer
                key={mapSettings.tileUrl}
                url={mapSettings.tileUrl}
                attribution={mapSettings.attribution}
                maxZoom={19}
                eventHandlers={{
                  tileerror: () => setTilesFailed(true),
                  tileload: () => setTilesFailed(false),
                }}
              />
            ) : null}
            <ClickCatcher onClick={onMapClick} />
            <NetworkLayer
              points={points.data ?? []}
              routes={routes.data ?? []}
              hiddenKinds={hiddenKinds}
              showRoutes={showRoutes}
              canManage={canManageNetwork && mode === 'browse'}
              onPointClick={onPointClick}
              onRouteClick={onRouteClick}
              onEditPoint={(point) => setDialog({ kind: 'point', point, at: null })}
              onEditRoute={(route) => setDialog({ kind: 'route', route, path: route.path })}
            />
            <CustomerLayer
              markers={markers}
              selectedId={selectedId}
              pending={pending}
              draggable={canManageCustomers && mode === 'browse' && !pending}
              onSelect={onSelectCustomer}
              onMoved={(marker, to) => setPending({ marker, to })}
              onTooMany={onTooMany}
            />
            {draft.length > 0 ? (
              <>
                <Polyline positions={draft} pathOptions={{ color: '#0369a1', dashArray: '6 6', weight: 3 }} />
                {draft.map((vertex, index) => (
                  <Marker
                    key={`${index}-${vertex[0]}-${vertex[1]}`}
                    position={vertex}
                    icon={VERTEX_ICON}
                    interactive={false}
                  />
                ))}
              </>
            ) : null}
          </MapContainer>
          <MapLegend overview={overview.data} showNetwork={canSeeNetwork} />
          <Box
            sx={{
              position: 'absolute',
              top: 10,
              left: 56,
              right: 10,
              zIndex: 1000,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              gap: 1,
              pointerEvents: 'none',
              '& > *': { pointerEvents: 'auto' },
            }}
          >
            {!mapSettings.tileUrl ? (
              <Alert
                severity="info"
                variant="outlined"
                sx={{ bgcolor: 'background.paper', py: 0 }}
                data-testid="map-no-tiles"
              >
                {t('map.noTiles')}
              </Alert>
            ) : tilesFailed ? (
              <Alert
                severity="warning"
                variant="outlined"
                sx={{ bgcolor: 'background.paper', py: 0 }}
                data-testid="map-tiles-offline"
              >
                {t('map.tilesOffline')}
              </Alert>
            ) : null}
            {tooMany && canManageCustomers ? (
              <Alert severity="info" variant="outlined" sx={{ bgcolor: 'background.paper', py: 0 }}>
                {t('map.tooMany')}
              </Alert>
            ) : null}
            {mode !== 'browse' ? (
              <Paper
                elevation={3}
                sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
                data-testid="map-mode-hint"
              >
                <Typography variant="body2">{t(`map.mode.hint.${mode}`, { count: draft.length })}</Typography>
                {mode === 'drawRoute' ? (
                  <>
                    <Button
                      size="small"
                      onClick={() => useMapStore.getState().undoVertex()}
                      disabled={draft.length === 0}
                      data-testid="map-route-undo"
                    >
                      {t('map.route.undoVertex')}
                    </Button>
                    <Button
                      size="small"
                      variant="contained"
                      disabled={draft.length < 2}
                      onClick={() => setDialog({ kind: 'route', route: null, path: draft })}
                      data-testid="map-route-finish"
                    >
                      {t('map.route.finish', { count: draft.length })}
                    </Button>
                  </>
                ) : null}
                <Button size="small" onClick={() => setMode('browse')} data-testid="map-mode-cancel">
                  {t('map.cancelMode')}
                </Button>
              </Paper>
            ) : null}
            {pending ? (
              <Paper
                elevation={4}
                sx={{ px: 2, py: 1, display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}
                data-testid="map-move-confirm"
              >
                <Box>
                  <Typography variant="subtitle2">
                    {t('map.move.title', { name: pending.marker.name })}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t('map.move.body', {
                      lat: formatCoordinate(pending.to[0]),
                      lng: formatCoordinate(pending.to[1]),
                    })}
                  </Typography>
                </Box>
                <Button onClick={() => setPending(null)} data-testid="map-move-undo">
                  {t('map.move.undo')}
                </Button>
                <Button
                  variant="contained"
                  onClick={() => void saveMove()}
                  autoFocus
                  data-testid="map-move-save"
                >
                  {t('map.move.save')}
                </Button>
              </Paper>
            ) : null}
          </Box>
        </Box>
        {selectedId ? (
          <CustomerPanel
            key={selectedId}
            customerId={selectedId}
            state={selected?.state ?? null}
            onClose={() => useMapStore.getState().selectCustomer(null)}
            onChanged={overview.reload}
          />
        ) : null}
      </Box>
      {dialog?.kind === 'addCustomer' ? (
        <AddCustomerDialog
          at={dialog.at}
          onClose={() => setDialog(null)}
          onCreated={(id) => {
            setDialog(null);
            setMode('browse');
            useMapStore.getState().selectCustomer(id);
            overview.reload();
          }}
        />
      ) : null}
      {dialog?.kind === 'point' ? (
        <PointDialog
          point={dialog.point}
          at={dialog.at}
          points={points.data ?? []}
          routers={routers.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={() => {
            if (!dialog.point) setMode('browse');
            reloadNetwork();
          }}
        />
      ) : null}
      {dialog?.kind === 'route' ? (
        <RouteDialog
          route={dialog.route}
          path={dialog.path}
          points={points.data ?? []}
          onClose={() => setDialog(null)}
          onSaved={() => {
            if (!dialog.route) setMode('browse');
            reloadNetwork();
          }}
        />
      ) : null}
      {dialog?.kind === 'settings' ? (
        <MapSettingsDialog
          settings={mapSettings}
          currentView={() => {
            const map = mapRef.current;
            if (!map) return null;
            const center = map.getCenter();
            return { lat: center.lat, lng: center.lng, zoom: map.getZoom() };
          }}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setTilesFailed(false);
            settings.reload();
          }}
        />
      ) : null}
    </Box>
  );
}
