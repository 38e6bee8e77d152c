import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { Router } from '../../../../shared/contract/index';
import { MAP_POINT_KINDS, type MapPoint, type MapPointKind } from '../../../../shared/contract/map.contract';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { required, validate } from '../../app/validation';
import { MapFormDialog } from './MapFormDialog';
import { formatCoordinate, type LatLng } from './map-store';

const FORM = [
  'kind',
  'name',
  'latitude',
  'longitude',
  'portsTotal',
  'routerId',
  'parentId',
  'notes',
] as const;

/** Below a point: the point itself and every point whose parent chain reaches it (not valid parents). */
function descendants(points: readonly MapPoint[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const point of points) {
      if (point.parentId && out.has(point.parentId) && !out.has(point.id)) {
        out.add(point.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Creates a network point where the map was clicked, or edits/removes one. */
export function PointDialog({
  point,
  at,
  points,
  routers,
  onClose,
  onSaved,
}: {
  point: MapPoint | null;
  at: LatLng | null;
  points: readonly MapPoint[];
  routers: readonly Router[];
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [kind, setKind] = useState<MapPointKind>(point?.kind ?? 'odp');
  const [name, setName] = useState(point?.name ?? '');
  const [latitude, setLatitude] = useState(formatCoordinate(point?.latitude ?? at?.[0] ?? 0));
  const [longitude, setLongitude] = useState(formatCoordinate(point?.longitude ?? at?.[1] ?? 0));
  const [portsTotal, setPortsTotal] = useState(String(point?.portsTotal ?? 8));
  const [routerId, setRouterId] = useState(point?.routerId ?? '');
  const [parentId, setParentId] = useState(point?.parentId ?? '');
  const [notes, setNotes] = useState(point?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const excluded = point ? descendants(points, point.id) : new Set<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { name: [name, required] });
    const lat = Number(latitude);
    const lng = Number(longitude);
    const ports = Number(portsTotal);
    if (latitude.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90)
      found.latitude = t('validation.required');
    if (longitude.trim() === '' || !Number.isFinite(lng) || lng < -180 || lng > 180)
      found.longitude = t('validation.required');
    if (!Number.isInteger(ports) || ports < 0) found.portsTotal = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const fields = {
      kind,
      name: name.trim(),
      latitude: lat,
      longitude: lng,
      portsTotal: ports,
      routerId: routerId || null,
      parentId: parentId || null,
      notes: notes.trim(),
    };
    const result = point
      ? await call('map.points.update', { id: point.id, ...fields }, { form: FORM })
      : await call('map.points.create', fields, { form: FORM });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('map.point.saved', { name: result.data.name }), 'success');
    onSaved();
    onClose();
  };

  const remove = async () => {
    if (!point) return;
    const result = await call('map.points.remove', { id: point.id });
    if (!result.ok) return;
    notify(t('map.point.removed', { name: point.name }), 'success');
    onSaved();
    onClose();
  };

  return (
    <MapFormDialog
      title={point ? t('map.point.editTitle', { name: point.name }) : t('map.point.createTitle')}
      testId="map-point"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
      remove={
        point
          ? {
              label: t('map.point.remove'),
              title: t('map.point.removeTitle', { name: point.name }),
              body: t('map.point.removeBody'),
              onRemove: remove,
            }
          : undefined
      }
    >
      <TextField
        select
        label={t('map.point.kind')}
        value={kind}
        onChange={(event) => setKind(MAP_POINT_KINDS.find((k) => k === event.target.value) ?? 'odp')}
        slotProps={{ htmlInput: { 'data-testid': 'map-point-kind' } }}
      >
        {MAP_POINT_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`map.kind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('map.point.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'map-point-name' } }}
      />
      <TextField
        label={t('map.point.portsTotal')}
        value={portsTotal}
        onChange={(event) => setPortsTotal(event.target.value.replace(/\D/g, ''))}
        error={Boolean(errors.portsTotal)}
        helperText={
          errors.portsTotal ??
          (point
            ? t('map.point.ports', { used: point.portsUsed, total: point.portsTotal })
            : t('map.point.portsHint'))
        }
        inputMode="numeric"
        slotProps={{ htmlInput: { maxLength: 5, 'data-testid': 'map-point-ports' } }}
      />
      <Stack direction="row" spacing={1}>
        <TextField
          label={t('map.point.latitude')}
          value={latitude}
          onChange={(event) => setLatitude(event.target.value)}
          error={Boolean(errors.latitude)}
          helperText={errors.latitude}
          slotProps={{ htmlInput: { 'data-testid': 'map-point-latitude' } }}
        />
        <TextField
          label={t('map.point.longitude')}
          value={longitude}
          onChange={(event) => setLongitude(event.target.value)}
          error={Boolean(errors.longitude)}
          helperText={errors.longitude}
          slotProps={{ htmlInput: { 'data-testid': 'map-point-longitude' } }}
        />
      </Stack>
      <TextField
        select
        label={t('map.point.router')}
        value={routerId}
        onChange={(event) => setRouterId(event.target.value)}
        error={Boolean(errors.routerId)}
        helperText={errors.routerId}
        slotProps={{ htmlInput: { 'data-testid': 'map-point-router' } }}
      >
        <MenuItem value="">{t('map.point.noRouter')}</MenuItem>
        {routers.map((router) => (
          <MenuItem key={router.id} value={router.id}>
            {router.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('map.point.parent')}
        value={parentId}
        onChange={(event) => setParentId(event.target.value)}
        error={Boolean(errors.parentId)}
        helperText={errors.parentId}
        slotProps={{ htmlInput: { 'data-testid': 'map-point-parent' } }}
      >
        <MenuItem value="">{t('map.point.noParent')}</MenuItem>
        {points
          .filter((candidate) => !excluded.has(candidate.id))
          .map((candidate) => (
            <MenuItem key={candidate.id} value={candidate.id}>
              {t(`map.kind.${candidate.kind}`)} · {candidate.name}
            </MenuItem>
          ))}
      </TextField>
      <TextField
        label={t('map.point.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'map-point-notes' } }}
      />
    </MapFormDialog>
  );
}
