import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Subscription } from '../../../../shared/contract/index';
import { isLocalDate } from '../../../../shared/domain/calendar';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';

function Line({
  label,
  amount,
  strong,
  testId,
}: {
  label: string;
  amount: string;
  strong?: boolean;
  testId: string;
}) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
      <Typography variant="body2" sx={{ fontWeight: strong ? 700 : 400 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: strong ? 700 : 400 }} data-testid={testId}>
        {amount}
      </Typography>
    </Box>
  );
}

/** Moves a subscription to another plan, showing the proration the change writes before it is made. */
export function PlanChangeDialog({
  subscription,
  onClose,
  onChanged,
}: {
  subscription: Subscription;
  onClose(): void;
  onChanged(): void;
}) {
  const t = useT();
  const format = useFormat();
  const [planId, setPlanId] = useState('');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // Only plans of the same service: a PPPoE secret cannot become a hotspot user.
  const plans = useLoader(`plan-change-plans/${subscription.service}`, async () => {
    const result = await call('plans.list', {});
    return result.ok
      ? result.data.filter((plan) => plan.service === subscription.service && plan.id !== subscription.planId)
      : null;
  });
  const date = isLocalDate(effectiveOn) ? effectiveOn : undefined;
  const preview = useLoader(`plan-change/${subscription.id}/${planId}/${date ?? ''}`, async () => {
    if (!planId) return null;
    const result = await call(
      'subscriptions.changePlan.preview',
      { id: subscription.id, planId, ...(date ? { effectiveOn: date } : {}) },
      { form: ['effectiveOn', 'planId'] },
    );
    setErrors(result.ok ? {} : result.fields);
    return result.ok ? result.data : null;
  });
  const shown = planId && preview.data?.newPlan.id === planId ? preview.data : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!planId) found.planId = t('validation.required');
    if (reason.trim().length < 3) found.reason = t('validation.reason');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'subscriptions.changePlan',
      { id: subscription.id, planId, reason: reason.trim(), ...(date ? { effectiveOn: date } : {}) },
      { form: ['planId', 'effectiveOn', 'reason'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t('subs.change.done', { code: subscription.code, plan: result.data.proration.newPlan.name }),
      'success',
    );
    onChanged();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="plan-change-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('subs.change.title', { code: subscription.code })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {t('subs.change.current', {
                plan: subscription.planName,
                price: format.rupiah(subscription.planPrice),
              })}
            </Typography>
            {subscription.state === 'isolated' ? (
              <Alert severity="warning">{t('subs.change.isolated')}</Alert>
            ) : null}
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label={t('subs.change.newPlan')}
                value={planId}
                onChange={(event) => setPlanId(event.target.value)}
                error={Boolean(errors.planId)}
                helperText={errors.planId}
                autoFocus
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'plan-change-plan' },
                }}
              >
                <option value="" disabled>
                  —
                </option>
                {(plans.data ?? []).map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.name} · {plan.rateLimit} · {format.rupiah(plan.price)}
                  </option>
                ))}
              </TextField>
              <TextField
                type="date"
                label={t('subs.change.effectiveOn')}
                value={effectiveOn}
                onChange={(event) => setEffectiveOn(event.target.value)}
                error={Boolean(errors.effectiveOn)}
                helperText={errors.effectiveOn}
                sx={{ minWidth: 180 }}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'plan-change-date' } }}
              />
            </Stack>
            {planId && preview.loading ? <LinearProgress /> : null}
            {shown ? (
              <Box
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
                data-testid="plan-change-preview"
              >
                <Typography variant="subtitle2" sx={{ mb: 1 }}>
                  {t('subs.change.preview')}
                </Typography>
                {shown.periods.map((period) => (
                  <Typography key={period.periodKey} variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {t('subs.change.period', {
                      key: period.periodKey,
                      from: period.from,
                      to: period.periodEnd,
                      days: period.days,
                      periodDays: period.periodDays,
                    })}
                  </Typography>
                ))}
                <Stack spacing={0.5}>
                  <Line
                    label={t('subs.change.credit')}
                    amount={format.rupiah(shown.credit)}
                    testId="plan-change-credit"
                  />
                  <Line
                    label={t('subs.change.charge')}
                    amount={format.rupiah(shown.charge)}
                    testId="plan-change-charge"
                  />
                  <Divider />
                  <Line
                    label={t('subs.change.net')}
                    amount={format.rupiah(shown.net)}
                    strong
                    testId="plan-change-net"
                  />
                </Stack>
              </Box>
            ) : null}
            <TextField
              label={t('subs.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'plan-change-reason' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            disabled={busy || !shown}
            data-testid="plan-change-confirm"
          >
            {t('subs.change.confirm')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
