import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import {
  MAP_ROUTE_KINDS,
  type MapPoint,
  type MapRoute,
  type MapRouteKind,
} from '../../../../shared/contract/map.contract';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { required, validate } from '../../app/validation';
import { MapFormDialog } from './MapFormDialog';
import type { LatLng } from './map-store';

const FORM = ['name', 'kind', 'fromPointId', 'toPointId', 'path', 'notes'] as const;

/** The point nearest to a vertex within ~30 m, to suggest a route's ends. */
function nearestPoint(points: readonly MapPoint[], at: LatLng | undefined): string {
  if (!at) return '';
  let best: { id: string; distance: number } | null = null;
  for (const point of points) {
    const distance = Math.hypot(
      point.latitude - at[0],
      (point.longitude - at[1]) * Math.cos((at[0] * Math.PI) / 180),
    );
    if (distance < 0.0003 && (!best || distance < best.distance)) best = { id: point.id, distance };
  }
  return best?.id ?? '';
}

/** Saves a drawn route (`path`) or edits/removes an existing one. */
export function RouteDialog({
  route,
  path,
  points,
  onClose,
  onSaved,
}: {
  route: MapRoute | null;
  path: LatLng[];
  points: readonly MapPoint[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [name, setName] = useState(route?.name ?? '');
  const [kind, setKind] = useState<MapRouteKind>(route?.kind ?? 'fiber');
  const [fromPointId, setFromPointId] = useState(
    route ? (route.fromPointId ?? '') : nearestPoint(points, path[0]),
  );
  const [toPointId, setToPointId] = useState(
    route ? (route.toPointId ?? '') : nearestPoint(points, path.at(-1)),
  );
  const [notes, setNotes] = useState(route?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { name: [name, required] });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const fields = {
      name: name.trim(),
      kind,
      fromPointId: fromPointId || null,
      toPointId: toPointId || null,
      notes: notes.trim(),
    };
    const result = route
      ? await call('map.routes.update', { id: route.id, ...fields }, { form: FORM })
      : await call('map.routes.create', { ...fields, path }, { form: FORM });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('map.route.saved', { name: result.data.name }), 'success');
    onSaved();
    onClose();
  };

  const remove = async () => {
    if (!route) return;
    const result = await call('map.routes.remove', { id: route.id });
    if (!result.ok) return;
    notify(t('map.route.removed', { name: route.name }), 'success');
    onSaved();
    onClose();
  };

  const pointOptions = points.map((point) => (
    <MenuItem key={point.id} value={point.id}>
      {t(`map.kind.${point.kind}`)} · {point.name}
    </MenuItem>
  ));

  return (
    <MapFormDialog
      title={route ? t('map.route.editTitle', { name: route.name }) : t('map.route.createTitle')}
      testId="map-route"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      remove={
        route
          ? {
              label: t('map.route.remove'),
              title: t('map.route.removeTitle', { name: route.name }),
              body: t('map.route.removeBody'),
              onRemove: remove,
            }
          : undefined
      }
    >
      <Typography variant="body2" color="text.secondary">
        {t('map.route.vertices', { count: route ? route.path.length : path.length })}
        {route ? ` · ${t('map.route.length', { meters: route.lengthMeters })}` : ''}
      </Typography>
      {errors.path ? (
        <Typography variant="body2" color="error">
          {errors.path}
        </Typography>
      ) : null}
      <TextField
        label={t('map.route.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'map-route-name' } }}
      />
      <TextField
        select
        label={t('map.route.kind')}
        value={kind}
        onChange={(event) => setKind(MAP_ROUTE_KINDS.find((k) => k === event.target.value) ?? 'fiber')}
        slotProps={{ htmlInput: { 'data-testid': 'map-route-kind' } }}
      >
        {MAP_ROUTE_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`map.routeKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('map.route.from')}
        value={fromPointId}
        onChange={(event) => setFromPointId(event.target.value)}
        error={Boolean(errors.fromPointId)}
        helperText={errors.fromPointId}
        slotProps={{ htmlInput: { 'data-testid': 'map-route-from' } }}
      >
        <MenuItem value="">{t('map.route.none')}</MenuItem>
        {pointOptions}
      </TextField>
      <TextField
        select
        label={t('map.route.to')}
        value={toPointId}
        onChange={(event) => setToPointId(event.target.value)}
        error={Boolean(errors.toPointId)}
        helperText={errors.toPointId}
        slotProps={{ htmlInput: { 'data-testid': 'map-route-to' } }}
      >
        <MenuItem value="">{t('map.route.none')}</MenuItem>
        {pointOptions}
      </TextField>
      <TextField
        label={t('map.route.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'map-route-notes' } }}
      />
    </MapFormDialog>
  );
}
