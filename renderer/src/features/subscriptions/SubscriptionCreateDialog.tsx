import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import type { Customer, Subscription } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { PasswordField } from '../../app/components/PasswordField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { OdpField, RemoteAddressField } from './SubscriptionFields';
import { useAddressCheck } from './use-address-check';

const FORM = [
  'customerId',
  'planId',
  'routerId',
  'username',
  'password',
  'remoteAddress',
  'odpId',
  'notes',
] as const;

function CustomerField({
  value,
  error,
  onPick,
}: {
  value: Customer | null;
  error?: string;
  onPick(customer: Customer | null): void;
}) {
  const t = useT();
  const [input, setInput] = useState('');
  const wanted = useDebouncedValue(input.trim(), 250);
  const [options, setOptions] = useState<Customer[]>([]);
  useEffect(() => {
    if (wanted.length < 2) return;
    let live = true;
    void call('customers.list', { query: wanted, limit: 20 }, { quiet: true }).then((result) => {
      if (live && result.ok) setOptions(result.data.customers);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return (
    <Autocomplete<Customer, false, false, false>
      options={wanted.length >= 2 ? options : []}
      value={value}
      filterOptions={(list) => list}
      isOptionEqualToValue={(option, picked) => option.id === picked.id}
      getOptionLabel={(option) => `${option.name} · ${option.code}`}
      inputValue={input}
      onInputChange={(_event, next) => setInput(next)}
      onChange={(_event, picked) => onPick(picked)}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props} data-testid="subscription-customer-option">
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {option.name} · {option.code}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {[option.phone, option.address].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('subs.field.customer')}
          error={Boolean(error)}
          helperText={error ?? t('subs.field.customerHelp')}
          autoFocus
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'subscription-customer' },
          }}
        />
      )}
    />
  );
}

/** A customer's new subscription on a router: plan (PPPoE or hotspot), user and password, static IP, ODP. */
export function SubscriptionCreateDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(subscription: Subscription, generatedPassword: string | null): void;
}) {
  const t = useT();
  const format = useFormat();
  const canSeeNetwork = useCan('network.view');
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [planId, setPlanId] = useState('');
  const [routerId, setRouterId] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remoteAddress, setRemoteAddress] = useState('');
  const [odpId, setOdpId] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const plans = useLoader('subscription-plans', async () => {
    const result = await call('plans.list', {});
    return result.ok ? result.data : null;
  });
  const routers = useLoader(`subscription-routers/${canSeeNetwork}`, async () => {
    if (!canSeeNetwork) return [];
    const result = await call('network.routers.list', {});
    return result.ok ? result.data : null;
  });
  const addressCheck = useAddressCheck(routerId, remoteAddress);
  const plan = plans.data?.find((entry) => entry.id === planId) ?? null;
  const hotspot = plan?.service === 'hotspot';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!customer) found.customerId = t('validation.required');
    if (!planId) found.planId = t('validation.required');
    if (!routerId) found.routerId = t('validation.required');
    if (plan?.isolirMethod === 'address-list' && !remoteAddress.trim())
      found.remoteAddress = t('plans.field.isolirAddressListHelp');
    setErrors(found);
    if (Object.keys(found).length > 0 || !customer) return;
    setBusy(true);
    const result = await call(
      'subscriptions.create',
      {
        customerId: customer.id,
        planId,
        routerId,
        username: username.trim(),
        password,
        remoteAddress: remoteAddress.trim(),
        odpId: odpId || null,
        notes: notes.trim(),
      },
      { form: FORM },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('subs.created', { code: result.data.subscription.code }), 'success');
    onCreated(result.data.subscription, result.data.generatedPassword);
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="subscription-create-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('subs.create.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <CustomerField value={customer} error={errors.customerId} onPick={setCustomer} />
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label={t('subs.field.plan')}
                value={planId}
                onChange={(event) => setPlanId(event.target.value)}
                error={Boolean(errors.planId)}
                helperText={
                  errors.planId ??
                  (plan
                    ? `${t(`plans.service.${plan.service}`)} · ${plan.rateLimit} · ${format.rupiah(plan.price)}`
                    : undefined)
                }
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'subscription-plan' },
                }}
              >
                <option value="" disabled>
                  —
                </option>
                {(plans.data ?? []).map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entry.name} · {t(`plans.service.${entry.service}`)} · {format.rupiah(entry.price)}
                  </option>
                ))}
              </TextField>
              <TextField
                select
                label={t('subs.field.router')}
                value={routerId}
                onChange={(event) => setRouterId(event.target.value)}
                error={Boolean(errors.routerId)}
                helperText={errors.routerId}
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'subscription-router' },
                }}
              >
                <option value="" disabled>
                  —
                </option>
                {(routers.data ?? []).map((router) => (
                  <option key={router.id} value={router.id}>
                    {router.name}
                  </option>
                ))}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField
                label={t(hotspot ? 'subs.field.usernameHotspot' : 'subs.field.username')}
                value={username}
                onChange={(event) => setUsername(event.target.value)}
                error={Boolean(errors.username)}
                helperText={errors.username ?? t('subs.field.usernameHelp')}
                fullWidth
                slotProps={{
                  htmlInput: { maxLength: 64, autoComplete: 'off', 'data-testid': 'subscription-username' },
                }}
              />
              <PasswordField
                label={t(hotspot ? 'subs.field.passwordHotspot' : 'subs.field.password')}
                value={password}
                onChange={(event) => setPassword(event.target.value)}
                error={Boolean(errors.password)}
                helperText={errors.password ?? t('subs.field.passwordHelp')}
                autoComplete="new-password"
                fullWidth
                testId="subscription-password"
              />
            </Stack>
            <RemoteAddressField
              value={remoteAddress}
              onChange={setRemoteAddress}
              error={errors.remoteAddress}
              check={addressCheck}
              help={
                plan?.isolirMethod === 'address-list'
                  ? t('plans.field.isolirAddressListHelp')
                  : t('subs.field.remoteAddressHelp')
              }
              testId="subscription-remote-address"
            />
            <OdpField value={odpId} onChange={setOdpId} error={errors.odpId} testId="subscription-odp" />
            <TextField
              label={t('subs.field.notes')}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'subscription-notes' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="subscription-create-save">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
