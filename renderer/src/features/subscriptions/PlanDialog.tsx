import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { IsolirMethod, Plan } from '../../../../shared/contract/index';
import { rateLimitOf } from '../../../../shared/contract/plans.contract';
import type { FieldErrors } from '../../../../shared/domain/errors';
import type { TaxMode } from '../../../../shared/domain/tax';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';

const FORM = [
  'name',
  'service',
  'downloadKbps',
  'uploadKbps',
  'price',
  'taxMode',
  'routerProfile',
  'isolirMethod',
  'isolirProfile',
  'isolirAddressList',
  'installationFee',
  'notes',
] as const;
const TAX_MODES: readonly TaxMode[] = ['included', 'excluded', 'exempt'];
const METHODS: readonly IsolirMethod[] = ['profile', 'address-list'];

/** Creates or edits a service plan; the router's rate-limit is shown as the speeds are typed. */
export function PlanDialog({
  plan,
  onClose,
  onSaved,
}: {
  plan: Plan | null;
  onClose(): void;
  onSaved(): void;
}) {
  const t = useT();
  const [name, setName] = useState(plan?.name ?? '');
  const [service, setService] = useState<Plan['service']>(plan?.service ?? 'pppoe');
  const [download, setDownload] = useState<number | null>(plan?.downloadKbps ?? null);
  const [upload, setUpload] = useState<number | null>(plan?.uploadKbps ?? null);
  const [price, setPrice] = useState<number | null>(plan?.price ?? null);
  const [taxMode, setTaxMode] = useState<TaxMode>(plan?.taxMode ?? 'included');
  const [routerProfile, setRouterProfile] = useState(plan?.routerProfile ?? '');
  const [isolirMethod, setIsolirMethod] = useState<IsolirMethod>(plan?.isolirMethod ?? 'profile');
  const [isolirProfile, setIsolirProfile] = useState(plan?.isolirProfile ?? 'isolir');
  const [isolirAddressList, setIsolirAddressList] = useState(plan?.isolirAddressList ?? '');
  const [installationFee, setInstallationFee] = useState<number | null>(plan?.installationFee ?? 0);
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!name.trim()) found.name = t('validation.required');
    if (!download) found.downloadKbps = t('validation.required');
    if (!upload) found.uploadKbps = t('validation.required');
    if (price === null) found.price = t('validation.required');
    if (!routerProfile.trim()) found.routerProfile = t('validation.required');
    if (isolirMethod === 'profile' && !isolirProfile.trim()) found.isolirProfile = t('validation.required');
    if (isolirMethod === 'address-list' && !isolirAddressList.trim())
      found.isolirAddressList = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || !download || !upload || price === null) return;
    const fields = {
      name: name.trim(),
      downloadKbps: download,
      uploadKbps: upload,
      price,
      taxMode,
      routerProfile: routerProfile.trim(),
      isolirMethod,
      isolirProfile: isolirMethod === 'profile' ? isolirProfile.trim() : '',
      isolirAddressList: isolirMethod === 'address-list' ? isolirAddressList.trim() : '',
      installationFee: installationFee ?? 0,
      notes: notes.trim(),
    };
    setBusy(true);
    const result = plan
      ? await call('plans.update', { id: plan.id, ...fields }, { form: FORM })
      : await call('plans.create', { ...fields, service }, { form: FORM });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('plans.saved', { name: result.data.name }), 'success');
    onSaved();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="plan-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{plan ? t('plans.editTitle', { name: plan.name }) : t('plans.createTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {plan && plan.liveSubscriptions > 0 ? (
              <Alert severity="info">{t('plans.liveHint', { count: plan.liveSubscriptions })}</Alert>
            ) : null}
            <Stack direction="row" spacing={2}>
              <TextField
                label={t('plans.field.name')}
                value={name}
                onChange={(event) => setName(event.target.value)}
                error={Boolean(errors.name)}
                helperText={errors.name}
                autoFocus
                fullWidth
                slotProps={{ htmlInput: { maxLength: 80, 'data-testid': 'plan-name' } }}
              />
              <TextField
                select
                label={t('plans.field.service')}
                value={service}
                onChange={(event) => setService(event.target.value as Plan['service'])}
                disabled={Boolean(plan)}
                sx={{ minWidth: 140 }}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'plan-service' },
                }}
              >
                <option value="pppoe">{t('plans.service.pppoe')}</option>
                <option value="hotspot">{t('plans.service.hotspot')}</option>
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <IntegerField
                label={t('plans.field.download')}
                value={download}
                onChange={setDownload}
                error={Boolean(errors.downloadKbps)}
                helperText={errors.downloadKbps}
                testId="plan-download"
                fullWidth
              />
              <IntegerField
                label={t('plans.field.upload')}
                value={upload}
                onChange={setUpload}
                error={Boolean(errors.uploadKbps)}
                helperText={errors.uploadKbps}
                testId="plan-upload"
                fullWidth
              />
            </Stack>
            {download && upload ? (
              <Alert severity="success" icon={false} data-testid="plan-rate-limit">
                {t('plans.field.rateLimit', { value: rateLimitOf(upload, download) })}
              </Alert>
            ) : null}
            <Stack direction="row" spacing={2}>
              <MoneyField
                label={t('plans.field.price')}
                value={price}
                onChange={setPrice}
                error={Boolean(errors.price)}
                helperText={errors.price}
                testId="plan-price"
                fullWidth
              />
              <TextField
                select
                label={t('plans.field.taxMode')}
                value={taxMode}
                onChange={(event) => setTaxMode(event.target.value as TaxMode)}
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'plan-tax-mode' },
                }}
              >
                {TAX_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`plans.tax.${mode}`)}
                  </option>
                ))}
              </TextField>
            </Stack>
            <TextField
              label={t(
                service === 'hotspot' ? 'plans.field.routerProfileHotspot' : 'plans.field.routerProfile',
              )}
              value={routerProfile}
              onChange={(event) => setRouterProfile(event.target.value)}
              error={Boolean(errors.routerProfile)}
              helperText={errors.routerProfile}
              slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'plan-router-profile' } }}
            />
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label={t('plans.field.isolirMethod')}
                value={isolirMethod}
                onChange={(event) => setIsolirMethod(event.target.value as IsolirMethod)}
                error={Boolean(errors.isolirMethod)}
                helperText={errors.isolirMethod}
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'plan-isolir-method' },
                }}
              >
                {METHODS.map((method) => (
                  <option key={method} value={method}>
                    {t(`plans.isolir.${method}`)}
                  </option>
                ))}
              </TextField>
              {isolirMethod === 'profile' ? (
                <TextField
                  label={t('plans.field.isolirProfile')}
                  value={isolirProfile}
                  onChange={(event) => setIsolirProfile(event.target.value)}
                  error={Boolean(errors.isolirProfile)}
                  helperText={errors.isolirProfile}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'plan-isolir-profile' } }}
                />
              ) : (
                <TextField
                  label={t('plans.field.isolirAddressList')}
                  value={isolirAddressList}
                  onChange={(event) => setIsolirAddressList(event.target.value)}
                  error={Boolean(errors.isolirAddressList)}
                  helperText={errors.isolirAddressList ?? t('plans.field.isolirAddressListHelp')}
                  fullWidth
                  slotProps={{ htmlInput: { maxLength: 64, 'data-testid': 'plan-isolir-list' } }}
                />
              )}
            </Stack>
            <MoneyField
              label={t('plans.field.installationFee')}
              value={installationFee}
              onChange={setInstallationFee}
              error={Boolean(errors.installationFee)}
              helperText={errors.installationFee}
              testId="plan-installation-fee"
            />
            <TextField
              label={t('plans.field.notes')}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 1000, 'data-testid': 'plan-notes' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="plan-save">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
