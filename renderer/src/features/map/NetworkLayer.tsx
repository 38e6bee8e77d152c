import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { Marker, Polyline, Popup } from 'react-leaflet';
import type { MapPoint, MapPointKind, MapRoute } from '../../../../shared/contract/map.contract';
import { useT } from '../../app/i18n/use-t';
import { pointIcon, ROUTE_STYLES } from './map-icons';
import type { LatLng } from './map-store';

/** Network points with their own shapes (ports used/total in the popup) and cable routes as lines. */
export function NetworkLayer({
  points,
  routes,
  hiddenKinds,
  showRoutes,
  canManage,
  onPointClick,
  onRouteClick,
  onEditPoint,
  onEditRoute,
}: {
  points: readonly MapPoint[];
  routes: readonly MapRoute[];
  hiddenKinds: readonly MapPointKind[];
  showRoutes: boolean;
  canManage: boolean;
  /** Returns true when the click was used by the map's mode (a route vertex, a new point…); no popup then. */
  onPointClick(point: MapPoint, at: LatLng): boolean;
  onRouteClick(at: LatLng): boolean;
  onEditPoint(point: MapPoint): void;
  onEditRoute(route: MapRoute): void;
}) {
  const t = useT();
  return (
    <>
      {showRoutes
        ? routes.map((route) => (
            <Polyline
              key={route.id}
              positions={route.path}
              pathOptions={ROUTE_STYLES[route.kind]}
              eventHandlers={{
                click: (event) => {
                  if (onRouteClick([event.latlng.lat, event.latlng.lng])) event.target.closePopup();
                },
              }}
            >
              <Popup>
                <Box data-testid={`map-route-popup-${route.id}`} sx={{ minWidth: 180 }}>
                  <Typography variant="subtitle2">{route.name}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t(`map.routeKind.${route.kind}`)} ·{' '}
                    {t('map.route.length', { meters: route.lengthMeters })}
                  </Typography>
                  {route.notes ? <Typography variant="body2">{route.notes}</Typography> : null}
                  {canManage ? (
                    <Button
                      size="small"
                      sx={{ mt: 1 }}
                      onClick={() => onEditRoute(route)}
                      data-testid={`map-route-edit-${route.id}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </Box>
              </Popup>
            </Polyline>
          ))
        : null}
      {points
        .filter((point) => !hiddenKinds.includes(point.kind))
        .map((point) => {
          const full = point.portsTotal > 0 && point.portsUsed >= point.portsTotal;
          return (
            <Marker
              key={point.id}
              position={[point.latitude, point.longitude]}
              icon={pointIcon(point.id, point.kind, full)}
              title={`${t(`map.kind.${point.kind}`)} ${point.name}`}
              alt={point.name}
              eventHandlers={{
                click: (event) => {
                  if (onPointClick(point, [event.latlng.lat, event.latlng.lng])) event.target.closePopup();
                },
              }}
            >
              <Popup>
                <Box data-testid={`map-point-popup-${point.name}`} sx={{ minWidth: 180 }}>
                  <Typography variant="subtitle2">
                    {t(`map.kind.${point.kind}`)} · {point.name}
                  </Typography>
                  <Typography
                    variant="body2"
                    color={full ? 'error' : 'text.secondary'}
                    data-testid="map-point-ports"
                  >
                    {t('map.point.ports', { used: point.portsUsed, total: point.portsTotal })}
                    {full ? ` · ${t('map.point.full')}` : ''}
                  </Typography>
                  {point.routerName ? (
                    <Typography variant="body2" color="text.secondary">
                      {t('map.point.router')}: {point.routerName}
                    </Typography>
                  ) : null}
                  {point.parentName ? (
                    <Typography variant="body2" color="text.secondary">
                      {t('map.point.parent')}: {point.parentName}
                    </Typography>
                  ) : null}
                  {point.notes ? <Typography variant="body2">{point.notes}</Typography> : null}
                  {canManage ? (
                    <Button
                      size="small"
                      sx={{ mt: 1 }}
                      onClick={() => onEditPoint(point)}
                      data-testid={`map-point-edit-${point.name}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ) : null}
                </Box>
              </Popup>
            </Marker>
          );
        })}
    </>
  );
}
