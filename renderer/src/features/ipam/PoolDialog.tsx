import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { IpPool } from '../../../../shared/contract/ipam.contract';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { parseRanges, rangesSize } from '../../../../shared/domain/ipv4';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { useT } from '../../app/i18n/use-t';
import { required, validate } from '../../app/validation';
import { MapFormDialog } from '../map/MapFormDialog';

const FORM = ['name', 'ranges', 'notes'] as const;

/** Creates or edits a pool; the ranges are checked as they are typed (the core checks overlaps). */
export function PoolDialog({
  routerId,
  pool,
  onClose,
  onSaved,
}: {
  routerId: string;
  pool: IpPool | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const locale = useI18nStore((state) => state.locale);
  const [name, setName] = useState(pool?.name ?? '');
  const [ranges, setRanges] = useState(pool?.ranges ?? '');
  const [notes, setNotes] = useState(pool?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const parsed = ranges.trim() ? parseRanges(ranges) : null;
  const rangesHelp =
    errors.ranges ??
    (parsed && !parsed.ok
      ? parsed.error[locale]
      : parsed?.ok
        ? t('ipam.size', { size: rangesSize(parsed.ranges).toLocaleString(locale) })
        : t('ipam.rangesHint'));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { name: [name, required], ranges: [ranges, required] });
    if (!found.ranges && parsed && !parsed.ok) found.ranges = parsed.error[locale];
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = pool
      ? await call(
          'ipam.pools.update',
          { id: pool.id, name: name.trim(), ranges: ranges.trim(), notes: notes.trim() },
          { form: FORM },
        )
      : await call(
          'ipam.pools.create',
          { routerId, name: name.trim(), ranges: ranges.trim(), notes: notes.trim() },
          { form: FORM },
        );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('ipam.saved', { name: result.data.name }), 'success');
    onSaved();
    onClose();
  };

  return (
    <MapFormDialog
      title={pool ? t('ipam.editTitle', { name: pool.name }) : t('ipam.createTitle')}
      testId="ipam-pool"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('ipam.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 60, 'data-testid': 'ipam-pool-name' } }}
      />
      <TextField
        label={t('ipam.ranges')}
        value={ranges}
        onChange={(event) => {
          setRanges(event.target.value);
          if (errors.ranges) setErrors(({ ranges: _old, ...rest }) => rest);
        }}
        error={Boolean(errors.ranges) || (parsed !== null && !parsed.ok)}
        helperText={rangesHelp}
        placeholder="10.10.0.0/24, 10.20.0.2-10.20.0.254"
        multiline
        minRows={2}
        required
        slotProps={{
          htmlInput: {
            maxLength: 2000,
            'data-testid': 'ipam-pool-ranges',
            style: { fontFamily: 'ui-monospace, monospace' },
          },
        }}
      />
      <TextField
        label={t('ipam.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'ipam-pool-notes' } }}
      />
    </MapFormDialog>
  );
}
