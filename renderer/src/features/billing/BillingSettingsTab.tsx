import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { BillingSettings } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { LoadingState } from '../../app/components/LoadingState';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useLoader } from '../../app/use-loader';

/** "3, 1" → [1, 3]; null when something is not a day count of 1–60. */
function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const days = parts.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) return null;
  return [...new Set(days)].sort((a, b) => a - b);
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  error,
  test,
  helper,
}: {
  label: string;
  value: number;
  onChange(value: number): void;
  min: number;
  max: number;
  error?: string;
  test: string;
  helper?: string;
}) {
  return (
    <TextField
      type="number"
      label={label}
      value={value}
      onChange={(event) => onChange(Math.trunc(Number(event.target.value)))}
      error={Boolean(error)}
      helperText={error ?? helper}
      slotProps={{ htmlInput: { min, max, 'data-testid': test } }}
      sx={{ width: 220 }}
    />
  );
}

function SettingsForm({ initial }: { initial: BillingSettings }) {
  const t = useT();
  const [form, setForm] = useState(initial);
  const [before, setBefore] = useState(initial.reminderBeforeDays.join(', '));
  const [after, setAfter] = useState(initial.reminderAfterDays.join(', '));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof BillingSettings>(key: K, value: BillingSettings[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const beforeDays = parseDays(before);
    const afterDays = parseDays(after);
    if (!beforeDays || !afterDays) {
      setErrors({
        ...(beforeDays ? {} : { reminderBeforeDays: t('billing.settings.daysInvalid') }),
        ...(afterDays ? {} : { reminderAfterDays: t('billing.settings.daysInvalid') }),
      });
      return;
    }
    setBusy(true);
    const result = await call(
      'billing.settings.update',
      { ...form, reminderBeforeDays: beforeDays, reminderAfterDays: afterDays },
      { form: Object.keys(form) },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    setErrors({});
    setForm(result.data);
    notify(t('billing.settings.saved'), 'success');
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack spacing={3} sx={{ maxWidth: 760 }}>
        <Box>
          <Typography variant="subtitle1" sx={{ fontWeight: 700, mb: 1.5 }}>
            {t('billing.settings.cycle')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <TextField
              select
              label={t('billing.settings.mode')}
              value={form.billingMode}
              onChange={(event) => set('billingMode', event.target.value as BillingSettings['billingMode'])}
              sx={{ width: 220 }}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'billing-settings-mode' },
              }}
            >
              <option value="fixed">{t('billing.settings.mode.fixed')}</option>
              <option value="anniversary">{t('billing.settings.mode.anniversary')}</option>
            </TextField>
            {form.billingMode === 'fixed' ? (
              <NumberField
                label={t('billing.settings.day')}
                value={form.billingDay}
                onChange={(v) => set('billingDay', v)}
                min={1}
                max={28}
                error={errors.billingDay}
                test="billing-settings-day"
              />
            ) : null}
            <NumberField
              label={t('billing.settings.issueBefore')}
              value={form.issueDaysBefore}
              onChange={(v) => set('issueDaysBefore', v)}
              min={0}
              max={28}
              error={errors.issueDaysBefore}
              test="billing-settings-issue"
            />
            <NumberField
              label={t('billing.settings.dueDays')}
              value={form.dueDays}
              onChange={(v) => set('dueDays', v)}
              min={0}
              max={60}
              error={errors.dueDays}
              test="billing-settings-due"
            />
          </Box>
          <FormControlLabel
            sx={{ mt: 1.5 }}
            control={
              <Switch
                checked={form.issueMode === 'draft'}
                onChange={(event) => set('issueMode', event.target.checked ? 'draft' : 'issue')}
                slotProps={{ input: testId('billing-settings-draft-mode') }}
              />
            }
            label={
              <Box>
                <Typography variant="body2">{t('billing.settings.draftMode')}</Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('billing.settings.draftModeHint')}
                </Typography>
              </Box>
            }
          />
        </Box>
        <Box>
          <Typography variant="subtitle1" sx={{ fontWeight: 700, mb: 1.5 }}>
            {t('billing.settings.dunning')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              label={t('billing.settings.reminderBefore')}
              value={before}
              onChange={(event) => setBefore(event.target.value)}
              error={Boolean(errors.reminderBeforeDays)}
              helperText={errors.reminderBeforeDays ?? t('billing.settings.daysHint')}
              slotProps={{ htmlInput: { 'data-testid': 'billing-settings-before' } }}
              sx={{ width: 220 }}
            />
            <FormControlLabel
              control={
                <Switch
                  checked={form.reminderOnDue}
                  onChange={(event) => set('reminderOnDue', event.target.checked)}
                  slotProps={{ input: testId('billing-settings-on-due') }}
                />
              }
              label={t('billing.settings.reminderOnDue')}
            />
            <TextField
              label={t('billing.settings.reminderAfter')}
              value={after}
              onChange={(event) => setAfter(event.target.value)}
              error={Boolean(errors.reminderAfterDays)}
              helperText={errors.reminderAfterDays ?? t('billing.settings.daysHint')}
              slotProps={{ htmlInput: { 'data-testid': 'billing-settings-after' } }}
              sx={{ width: 220 }}
            />
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 2 }}>
            <NumberField
              label={t('billing.settings.grace')}
              value={form.graceDays}
              onChange={(v) => set('graceDays', v)}
              min={0}
              max={60}
              error={errors.graceDays}
              test="billing-settings-grace"
            />
            <TextField
              select
              label={t('billing.settings.lateFee')}
              value={form.lateFeeType}
              onChange={(event) => set('lateFeeType', event.target.value as BillingSettings['lateFeeType'])}
              sx={{ width: 220 }}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'billing-settings-fee-type' },
              }}
            >
              {(['none', 'fixed', 'percent'] as const).map((type) => (
                <option key={type} value={type}>
                  {t(`billing.settings.lateFee.${type}`)}
                </option>
              ))}
            </TextField>
            {form.lateFeeType !== 'none' ? (
              <NumberField
                label={t(
                  form.lateFeeType === 'fixed' ? 'billing.settings.feeRupiah' : 'billing.settings.feePercent',
                )}
                value={form.lateFeeValue}
                onChange={(v) => set('lateFeeValue', v)}
                min={0}
                max={form.lateFeeType === 'percent' ? 100 : 10_000_000}
                error={errors.lateFeeValue}
                test="billing-settings-fee-value"
              />
            ) : null}
          </Box>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mt: 2, alignItems: 'center' }}>
            <FormControlLabel
              control={
                <Switch
                  checked={form.autoIsolir}
                  onChange={(event) => set('autoIsolir', event.target.checked)}
                  slotProps={{ input: testId('billing-settings-auto-isolir') }}
                />
              }
              label={t('billing.settings.autoIsolir')}
            />
            {form.autoIsolir ? (
              <NumberField
                label={t('billing.settings.isolirAfter')}
                value={form.isolirAfterDays}
                onChange={(v) => set('isolirAfterDays', v)}
                min={0}
                max={120}
                error={errors.isolirAfterDays}
                test="billing-settings-isolir-after"
              />
            ) : null}
            <FormControlLabel
              control={
                <Switch
                  checked={form.autoReactivate}
                  onChange={(event) => set('autoReactivate', event.target.checked)}
                  slotProps={{ input: testId('billing-settings-auto-reactivate') }}
                />
              }
              label={t('billing.settings.autoReactivate')}
            />
          </Box>
        </Box>
        <TextField
          multiline
          minRows={3}
          label={t('billing.settings.instructions')}
          value={form.paymentInstructions}
          onChange={(event) => set('paymentInstructions', event.target.value)}
          error={Boolean(errors.paymentInstructions)}
          helperText={errors.paymentInstructions ?? t('billing.settings.instructionsHint')}
          slotProps={{ htmlInput: { maxLength: 2000, 'data-testid': 'billing-settings-instructions' } }}
        />
        <Box>
          <Button type="submit" variant="contained" disabled={busy} data-testid="billing-settings-save">
            {t('common.save')}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

/** Billing and dunning settings of the branch. */
export function BillingSettingsTab() {
  const t = useT();
  const { data } = useLoader('billing-settings', async () => {
    const result = await call('billing.settings.get', {});
    return result.ok ? result.data : null;
  });
  if (!data) return <LoadingState label={t('billing.loading')} />;
  return <SettingsForm initial={data} />;
}
