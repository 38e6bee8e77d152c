import TextField from '@mui/material/TextField';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import type { useAddressCheck } from './use-address-check';

/** A subscription's static IP, with the outcome of its live check (useAddressCheck) as the helper text. */
export function RemoteAddressField({
  value,
  onChange,
  error,
  check,
  help,
  testId,
  autoFocus,
}: {
  value: string;
  onChange(next: string): void;
  error?: string;
  check: ReturnType<typeof useAddressCheck>;
  /** The helper text while there is no error and no check. */
  help: string;
  testId: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  return (
    <TextField
      label={t('subs.field.remoteAddress')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(error) || check?.ok === false}
      color={check?.ok ? 'success' : undefined}
      helperText={error ?? (check ? (check.ok ? t('subs.field.addressOk') : check.message) : help)}
      autoFocus={autoFocus}
      slotProps={{ htmlInput: { maxLength: 15, 'data-testid': testId } }}
    />
  );
}

/**
 * The ODP a subscription hangs on, or none; full ODPs cannot be picked, except the one it is on now
 * (its own port does not count against it). Shown only to who may see the network.
 */
export function OdpField({
  value,
  onChange,
  error,
  currentOdpId,
  testId,
}: {
  value: string;
  onChange(next: string): void;
  error?: string;
  currentOdpId?: string | null;
  testId: string;
}) {
  const t = useT();
  const canSeeNetwork = useCan('network.view');
  const odps = useLoader(`subscription-odps/${canSeeNetwork}`, async () => {
    if (!canSeeNetwork) return [];
    const result = await call('map.points.list', { kinds: ['odp'] }, { quiet: true });
    return result.ok ? result.data : null;
  });
  if (!canSeeNetwork) return null;
  return (
    <TextField
      select
      label={t('subs.field.odp')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={Boolean(error)}
      helperText={error}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId },
      }}
    >
      <option value="">{t('subs.field.odpNone')}</option>
      {(odps.data ?? []).map((odp) => {
        const full = odp.id !== currentOdpId && odp.portsTotal > 0 && odp.portsUsed >= odp.portsTotal;
        return (
          <option key={odp.id} value={odp.id} disabled={full}>
            {odp.name} · {t('subs.field.odpPorts', { used: odp.portsUsed, total: odp.portsTotal })}
            {full ? ` (${t('subs.field.odpFull')})` : ''}
          </option>
        );
      })}
    </TextField>
  );
}
