import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { LOCALES } from '../../../../shared/domain/errors';
import { verifyQris } from '../../../../shared/domain/qris';
import { FormSection } from '../../app/components/FormSection';
import { formatRupiah } from '../../app/format';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { isValidTimeZone } from '../../app/time';
import { hasErrors, required, validate } from '../../app/validation';
import { useSettingsStore } from './settings-store';

const INDONESIAN_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
type IndonesianZone = (typeof INDONESIAN_ZONES)[number];
const FORM: readonly (keyof Settings)[] = [
  'branchName',
  'branchAddress',
  'branchPhone',
  'npwp',
  'pkp',
  'timeZone',
  'language',
  'idleTimeoutMinutes',
  'cashRounding',
  'discountLimitPercent',
  'ppnRatePercent',
  'qrisStatic',
  'receiptWidth',
  'receiptPrinter',
  'receiptFooter',
];
const ROUNDING_STEPS = [0, 100, 500, 1000] as const;
const PRINTER = /^([A-Za-z0-9.-]+(:\d{1,5})?)?$/;

function parsePercent(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(normalized)) return null;
  const value = Number(normalized);
  return value >= 0 && value <= 100 ? value : null;
}

function isIndonesianZone(zone: string): zone is IndonesianZone {
  return (INDONESIAN_ZONES as readonly string[]).includes(zone);
}

type SettingsFormProps = { settings: Settings; readOnly: boolean };

/** Saves only what changed, as one `settings.update`. Enter in any field saves. */
export function SettingsForm({ settings, readOnly }: SettingsFormProps) {
  const t = useT();
  const save = useSettingsStore((state) => state.save);
  const [draft, setDraft] = useState<Settings>(settings);
  const [idleText, setIdleText] = useState(String(settings.idleTimeoutMinutes));
  const [limitText, setLimitText] = useState(String(settings.discountLimitPercent));
  const [ppnText, setPpnText] = useState(String(settings.ppnRatePercent).replace('.', ','));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<Settings>) => setDraft((current) => ({ ...current, ...patch }));
  const idle = Number(idleText);
  const limit = Number(limitText);
  const ppn = parsePercent(ppnText);
  // Numbers typed as text are compared as the numbers they will be saved as.
  const typed: Partial<Record<keyof Settings, number | null>> = {
    idleTimeoutMinutes: idle,
    discountLimitPercent: limit,
    ppnRatePercent: ppn,
  };
  const changed = FORM.filter((key) =>
    key in typed ? typed[key] !== settings[key] : draft[key] !== settings[key],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || changed.length === 0) return;
    const found = validate(t, {
      branchName: [draft.branchName, required],
      npwp: [draft.npwp, (value) => (/^(\d{15}|\d{16})?$/.test(value.trim()) ? null : 'validation.npwp')],
      timeZone: [
        draft.timeZone,
        required,
        (value) => (isValidTimeZone(value.trim()) ? null : 'validation.timeZone'),
      ],
      idleTimeoutMinutes: [
        idleText,
        (value) =>
          /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 720 ? null : 'validation.idleTimeout',
      ],
      discountLimitPercent: [
        limitText,
        (value) => (/^\d+$/.test(value) && Number(value) <= 100 ? null : 'validation.percent'),
      ],
      ppnRatePercent: [ppnText, (value) => (parsePercent(value) === null ? 'validation.percent' : null)],
      qrisStatic: [
        draft.qrisStatic,
        (value) => (value.trim() === '' || verifyQris(value.trim()) ? null : 'validation.qris'),
      ],
      receiptPrinter: [
        draft.receiptPrinter,
        (value) => (PRINTER.test(value.trim()) ? null : 'validation.printer'),
      ],
    });
    setErrors(found);
    if (hasErrors(found)) return;
    const next: Settings = {
      ...draft,
      timeZone: draft.timeZone.trim(),
      npwp: draft.npwp.trim(),
      idleTimeoutMinutes: idle,
      discountLimitPercent: limit,
      ppnRatePercent: ppn ?? settings.ppnRatePercent,
      qrisStatic: draft.qrisStatic.trim(),
      receiptPrinter: draft.receiptPrinter.trim(),
    };
    const patch: Partial<Settings> = Object.fromEntries(changed.map((key) => [key, next[key]]));
    setBusy(true);
    const result = await save(patch, FORM);
    setBusy(false);
    if (result.ok) {
      notify(t('settings.saved'), 'success');
      setDraft(result.data);
      setIdleText(String(result.data.idleTimeoutMinutes));
      setLimitText(String(result.data.discountLimitPercent));
      setPpnText(String(result.data.ppnRatePercent).replace('.', ','));
    } else {
      setErrors(result.fields);
    }
  };

  const fieldError = (key: keyof Settings, help?: string) => ({
    error: Boolean(errors[key]),
    helperText: errors[key] ?? help,
  });

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} data-testid="settings-form">
      <Stack spacing={2} sx={{ maxWidth: 760 }}>
        <FormSection title={t('settings.section.branch')}>
          <TextField
            label={t('settings.branchName')}
            value={draft.branchName}
            onChange={(event) => change({ branchName: event.target.value })}
            disabled={readOnly}
            autoFocus={!readOnly}
            {...fieldError('branchName')}
            slotProps={{ htmlInput: { 'data-testid': 'settings-branch-name', maxLength: 100 } }}
          />
          <TextField
            label={t('settings.branchAddress')}
            value={draft.branchAddress}
            onChange={(event) => change({ branchAddress: event.target.value })}
            disabled={readOnly}
            multiline
            minRows={2}
            {...fieldError('branchAddress')}
            slotProps={{ htmlInput: { 'data-testid': 'settings-branch-address', maxLength: 300 } }}
          />
          <TextField
            label={t('settings.branchPhone')}
            value={draft.branchPhone}
            onChange={(event) => change({ branchPhone: event.target.value })}
            disabled={readOnly}
            type="tel"
            {...fieldError('branchPhone')}
            slotProps={{ htmlInput: { 'data-testid': 'settings-branch-phone', maxLength: 30 } }}
          />
        </FormSection>

        <FormSection title={t('settings.section.tax')}>
          <TextField
            label={t('settings.npwp')}
            value={draft.npwp}
            onChange={(event) => change({ npwp: event.target.value.replace(/[^\d]/g, '') })}
            disabled={readOnly}
            {...fieldError('npwp', t('settings.npwpHelp'))}
            slotProps={{ htmlInput: { 'data-testid': 'settings-npwp', inputMode: 'numeric', maxLength: 16 } }}
          />
          <Box>
            <FormControlLabel
              control={
                <Switch
                  checked={draft.pkp}
                  onChange={(event) => change({ pkp: event.target.checked })}
                  disabled={readOnly}
                  slotProps={{ input: testId('settings-pkp') }}
                />
              }
              label={t('settings.pkp')}
            />
            <FormHelperText sx={{ mt: 0 }}>{t('settings.pkpHelp')}</FormHelperText>
          </Box>
        </FormSection>

        <FormSection title={t('settings.section.regional')}>
          <Autocomplete
            freeSolo
            options={[...INDONESIAN_ZONES]}
            // The field holds the IANA name itself; the list shows it with its Indonesian abbreviation.
            filterOptions={(zones) => zones}
            renderOption={({ key, ...props }, zone) => (
              <li key={key} {...props}>
                {isIndonesianZone(zone) ? t(`tz.${zone}`) : zone}
              </li>
            )}
            value={draft.timeZone}
            inputValue={draft.timeZone}
            onInputChange={(_event, value) => change({ timeZone: value })}
            onChange={(_event, value) => change({ timeZone: value ?? '' })}
            disabled={readOnly}
            disableClearable
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('settings.timeZone')}
                {...fieldError('timeZone', t('settings.timeZoneHelp'))}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'settings-time-zone' },
                }}
              />
            )}
          />
          <TextField
            select
            label={t('settings.language')}
            value={draft.language}
            onChange={(event) => change({ language: event.target.value === 'en' ? 'en' : 'id' })}
            disabled={readOnly}
            {...fieldError('language', t('settings.languageHelp'))}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'settings-language' } }}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {t(`lang.${locale}`)}
              </option>
            ))}
          </TextField>
        </FormSection>

        <FormSection title={t('settings.section.security')}>
          <TextField
            label={t('settings.idleTimeout')}
            value={idleText}
            onChange={(event) => setIdleText(event.target.value.replace(/[^\d]/g, ''))}
            disabled={readOnly}
            sx={{ maxWidth: 320 }}
            {...fieldError('idleTimeoutMinutes', t('settings.idleTimeoutHelp'))}
            slotProps={{
              htmlInput: { 'data-testid': 'settings-idle-timeout', inputMode: 'numeric', maxLength: 3 },
            }}
          />
        </FormSection>

        <FormSection title={t('settings.section.counter')}>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' } }}>
            <TextField
              select
              label={t('settings.cashRounding')}
              value={String(draft.cashRounding)}
              onChange={(event) => {
                const step = Number(event.target.value);
                change({ cashRounding: ROUNDING_STEPS.find((candidate) => candidate === step) ?? 0 });
              }}
              disabled={readOnly}
              {...fieldError('cashRounding', t('settings.cashRoundingHelp'))}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'settings-cash-rounding' },
              }}
            >
              {ROUNDING_STEPS.map((step) => (
                <option key={step} value={step}>
                  {step === 0 ? t('settings.cashRoundingNone') : formatRupiah(step)}
                </option>
              ))}
            </TextField>
            <TextField
              label={t('settings.discountLimit')}
              value={limitText}
              onChange={(event) => setLimitText(event.target.value.replace(/[^\d]/g, ''))}
              disabled={readOnly}
              {...fieldError('discountLimitPercent', t('settings.discountLimitHelp'))}
              slotProps={{
                htmlInput: { 'data-testid': 'settings-discount-limit', inputMode: 'numeric', maxLength: 3 },
                input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
              }}
            />
            <TextField
              label={t('settings.ppnRate')}
              value={ppnText}
              onChange={(event) => setPpnText(event.target.value.replace(/[^\d.,]/g, ''))}
              disabled={readOnly}
              {...fieldError('ppnRatePercent', t('settings.ppnRateHelp'))}
              slotProps={{
                htmlInput: { 'data-testid': 'settings-ppn-rate', inputMode: 'decimal', maxLength: 6 },
                input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
              }}
            />
          </Box>
          <TextField
            label={t('settings.qrisStatic')}
            value={draft.qrisStatic}
            // Merchant names inside the TLV have spaces; only line breaks from pasting go.
            onChange={(event) => change({ qrisStatic: event.target.value.replace(/[\r\n]+/g, '') })}
            disabled={readOnly}
            multiline
            minRows={2}
            {...fieldError('qrisStatic', t('settings.qrisStaticHelp'))}
            slotProps={{
              htmlInput: {
                'data-testid': 'settings-qris',
                maxLength: 512,
                spellCheck: false,
                style: { fontFamily: 'ui-monospace, monospace', fontSize: 13 },
              },
            }}
          />
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr' } }}>
            <TextField
              select
              label={t('settings.receiptWidth')}
              value={String(draft.receiptWidth)}
              onChange={(event) => change({ receiptWidth: event.target.value === '80' ? 80 : 58 })}
              disabled={readOnly}
              {...fieldError('receiptWidth')}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'settings-receipt-width' },
              }}
            >
              <option value="58">58 mm</option>
              <option value="80">80 mm</option>
            </TextField>
            <TextField
              label={t('settings.receiptPrinter')}
              value={draft.receiptPrinter}
              onChange={(event) => change({ receiptPrinter: event.target.value.trim() })}
              disabled={readOnly}
              placeholder="192.168.1.50:9100"
              {...fieldError('receiptPrinter', t('settings.receiptPrinterHelp'))}
              slotProps={{
                htmlInput: { 'data-testid': 'settings-receipt-printer', maxLength: 100, spellCheck: false },
              }}
            />
          </Box>
          <TextField
            label={t('settings.receiptFooter')}
            value={draft.receiptFooter}
            onChange={(event) => change({ receiptFooter: event.target.value })}
            disabled={readOnly}
            multiline
            minRows={2}
            {...fieldError('receiptFooter', t('settings.receiptFooterHelp'))}
            slotProps={{ htmlInput: { 'data-testid': 'settings-receipt-footer', maxLength: 300 } }}
          />
        </FormSection>

        {!readOnly ? (
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
            <Button
              onClick={() => {
                setDraft(settings);
                setIdleText(String(settings.idleTimeoutMinutes));
                setLimitText(String(settings.discountLimitPercent));
                setPpnText(String(settings.ppnRatePercent).replace('.', ','));
                setErrors({});
              }}
              disabled={busy || changed.length === 0}
            >
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              variant="contained"
              disabled={busy || changed.length === 0}
              data-testid="settings-save"
            >
              {t('common.save')}
            </Button>
          </Box>
        ) : null}
      </Stack>
    </Box>
  );
}
