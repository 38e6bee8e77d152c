import AutorenewIcon from '@mui/icons-material/Autorenew';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { ChannelInput, Subscription } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { generatePassword } from './generate-password';
import { OdpField, RemoteAddressField } from './SubscriptionFields';
import { useAddressCheck } from './use-address-check';

const FORM = ['remoteAddress', 'odpId', 'notes', 'macAddress', 'password', 'reason'] as const;
const MAC = /^([0-9A-F]{2}:){5}[0-9A-F]{2}$/;
const PASSWORD = /^[!#-&(-~]{4,64}$/;

/** `aa-bb-cc-dd-ee-ff` → `AA:BB:CC:DD:EE:FF`, as the core stores it. */
function normalMac(value: string): string {
  return value.trim().replace(/-/g, ':').toUpperCase();
}

/**
 * Edits a live subscription: static IP (checked live), ODP, notes, the hotspot user's MAC binding and
 * a new password (typed, or generated and shown once after saving). Only what changed is sent.
 */
export function SubscriptionEditDialog({
  subscription: sub,
  onClose,
  onSaved,
}: {
  subscription: Subscription;
  onClose(): void;
  /** After saving; `generatedPassword` is the password the generate button made, to show once. */
  onSaved(subscription: Subscription, generatedPassword: string | null): void;
}) {
  const t = useT();
  const hotspot = sub.service === 'hotspot';
  const live = sub.state === 'active' || sub.state === 'isolated';
  const [remoteAddress, setRemoteAddress] = useState(sub.remoteAddress);
  const [odpId, setOdpId] = useState(sub.odpId ?? '');
  const [notes, setNotes] = useState(sub.notes);
  const [macAddress, setMacAddress] = useState(sub.macAddress);
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const addressChanged = remoteAddress.trim() !== sub.remoteAddress;
  const addressCheck = useAddressCheck(sub.routerId, addressChanged ? remoteAddress : '', sub.id);
  const kicks = live && (addressChanged || password !== '');

  const changes = (): ChannelInput<'subscriptions.update'> => {
    const input: ChannelInput<'subscriptions.update'> = { id: sub.id };
    if (addressChanged) input.remoteAddress = remoteAddress.trim();
    if ((odpId || null) !== sub.odpId) input.odpId = odpId || null;
    if (notes.trim() !== sub.notes) input.notes = notes.trim();
    if (hotspot && normalMac(macAddress) !== sub.macAddress) input.macAddress = normalMac(macAddress);
    if (password) input.password = password;
    return input;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const mac = normalMac(macAddress);
    if (hotspot && mac && !MAC.test(mac)) found.macAddress = t('subs.field.macAddressInvalid');
    if (password && !PASSWORD.test(password)) found.password = t('subs.field.passwordInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = changes();
    if (Object.keys(input).length === 1) {
      notify(t('subs.edit.nothing'), 'info');
      return;
    }
    setBusy(true);
    const result = await call(
      'subscriptions.update',
      { ...input, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { form: FORM },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('subs.edit.done', { code: sub.code, jobs: result.data.jobIds.length }), 'success');
    onSaved(result.data.subscription, generated !== null && generated === password ? generated : null);
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="subscription-edit-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('subs.edit.title', { code: sub.code })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('subs.edit.subtitle', {
                customer: sub.customerName,
                login: t(`subs.login.${sub.service}`),
                username: sub.username,
                router: sub.routerName,
              })}
            </Typography>
            <RemoteAddressField
              value={remoteAddress}
              onChange={setRemoteAddress}
              error={errors.remoteAddress}
              check={addressCheck}
              help={t('subs.field.remoteAddressHelp')}
              testId="subscription-edit-remote-address"
              autoFocus
            />
            <OdpField
              value={odpId}
              onChange={setOdpId}
              error={errors.odpId}
              currentOdpId={sub.odpId}
              testId="subscription-edit-odp"
            />
            {hotspot ? (
              <TextField
                label={t('subs.field.macAddress')}
                value={macAddress}
                onChange={(event) => setMacAddress(event.target.value)}
                error={Boolean(errors.macAddress)}
                helperText={
                  errors.macAddress ??
                  (live ? t('subs.field.macAddressHelp') : t('subs.field.macAddressPending'))
                }
                disabled={!live}
                placeholder="AA:BB:CC:DD:EE:FF"
                slotProps={{
                  htmlInput: { maxLength: 17, autoComplete: 'off', 'data-testid': 'subscription-edit-mac' },
                }}
              />
            ) : null}
            <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
              <PasswordField
                label={t(hotspot ? 'subs.field.newPasswordHotspot' : 'subs.field.newPassword')}
                value={password}
                onChange={(event) => {
                  setPassword(event.target.value);
                  setGenerated(null);
                }}
                error={Boolean(errors.password)}
                helperText={
                  errors.password ??
                  (generated !== null && generated === password
                    ? t('subs.field.passwordGenerated')
                    : t('subs.field.newPasswordHelp'))
                }
                autoComplete="new-password"
                fullWidth
                testId="subscription-edit-password"
              />
              <Button
                startIcon={<AutorenewIcon />}
                onClick={() => {
                  const fresh = generatePassword();
                  setPassword(fresh);
                  setGenerated(fresh);
                }}
                sx={{ mt: 1, whiteSpace: 'nowrap', flexShrink: 0 }}
                data-testid="subscription-edit-generate"
              >
                {t('subs.field.generate')}
              </Button>
            </Stack>
            <TextField
              label={t('subs.field.notes')}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              error={Boolean(errors.notes)}
              helperText={errors.notes}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'subscription-edit-notes' } }}
            />
            <TextField
              label={t('subs.field.reasonOptional')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'subscription-edit-reason' } }}
            />
            {kicks ? (
              <Alert severity="warning" data-testid="subscription-edit-kick">
                {t('subs.edit.kick', { username: sub.username })}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="subscription-edit-save">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
