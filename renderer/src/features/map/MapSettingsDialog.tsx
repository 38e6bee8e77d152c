import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { DEFAULT_MAP_SETTINGS, type MapSettings } from '../../../../shared/contract/map.contract';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { MapFormDialog } from './MapFormDialog';
import { formatCoordinate } from './map-store';

const FORM = ['tileUrl', 'attribution', 'centerLat', 'centerLng', 'zoom'] as const;

function tileUrlOk(url: string): boolean {
  return (
    url === '' ||
    (/^https:\/\/[^\s/]+\/\S*$/.test(url) && ['{z}', '{x}', '{y}'].every((part) => url.includes(part)))
  );
}

/** This device's tile address, attribution and start view (the current view can be taken as is). */
export function MapSettingsDialog({
  settings,
  currentView,
  onClose,
  onSaved,
}: {
  settings: MapSettings;
  currentView: () => { lat: number; lng: number; zoom: number } | null;
  onClose(): void;
  onSaved(settings: MapSettings): void;
}) {
  const t = useT();
  const [tileUrl, setTileUrl] = useState(settings.tileUrl);
  const [attribution, setAttribution] = useState(settings.attribution);
  const [center, setCenter] = useState({
    lat: settings.centerLat,
    lng: settings.centerLng,
    zoom: settings.zoom,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const url = tileUrl.trim();
    if (!tileUrlOk(url)) {
      setErrors({ tileUrl: t('map.validation.tileUrl') });
      return;
    }
    setBusy(true);
    const result = await call(
      'map.settings.update',
      {
        tileUrl: url,
        attribution: attribution.trim(),
        centerLat: center.lat,
        centerLng: center.lng,
        zoom: Math.min(19, Math.max(1, Math.round(center.zoom))),
      },
      { form: FORM },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('map.settings.saved'), 'success');
    onSaved(result.data);
    onClose();
  };

  return (
    <MapFormDialog
      title={t('map.settings.title')}
      testId="map-settings"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('map.settings.tileUrl')}
        value={tileUrl}
        onChange={(event) => setTileUrl(event.target.value)}
        error={Boolean(errors.tileUrl)}
        helperText={errors.tileUrl ?? t('map.settings.tileUrlHint')}
        autoFocus
        placeholder={DEFAULT_MAP_SETTINGS.tileUrl}
        slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'map-settings-tile-url' } }}
      />
      <Stack direction="row" spacing={1}>
        <Button
          size="small"
          onClick={() => {
            setTileUrl(DEFAULT_MAP_SETTINGS.tileUrl);
            setAttribution(DEFAULT_MAP_SETTINGS.attribution);
          }}
          data-testid="map-settings-osm"
        >
          {t('map.settings.resetOsm')}
        </Button>
        <Button size="small" onClick={() => setTileUrl('')} data-testid="map-settings-no-tiles">
          {t('map.settings.noTiles')}
        </Button>
      </Stack>
      <TextField
        label={t('map.settings.attribution')}
        value={attribution}
        onChange={(event) => setAttribution(event.target.value)}
        error={Boolean(errors.attribution)}
        helperText={errors.attribution}
        slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'map-settings-attribution' } }}
      />
      <Typography variant="body2" color="text.secondary" data-testid="map-settings-center">
        {t('map.settings.center', {
          lat: formatCoordinate(center.lat),
          lng: formatCoordinate(center.lng),
          zoom: center.zoom,
        })}
      </Typography>
      <Button
        variant="outlined"
        onClick={() => {
          const view = currentView();
          if (view) setCenter(view);
        }}
        data-testid="map-settings-use-view"
      >
        {t('map.settings.useView')}
      </Button>
    </MapFormDialog>
  );
}
