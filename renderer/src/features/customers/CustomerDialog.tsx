import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import { CUSTOMER_CATEGORIES, type Customer } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { useT } from '../../app/i18n/use-t';
import {
  CUSTOMER_FORM,
  checkDraft,
  draftOf,
  fieldsOf,
  nikError,
  nikHint,
  type CustomerDraft,
} from './customer-form';

type CustomerDialogProps = {
  /** The customer to edit, or null for a new one. */
  customer: Customer | null;
  /** A starting location for a new customer (e.g. where the map was clicked). */
  location?: { latitude: number; longitude: number };
  onClose(): void;
  onSaved(customer: Customer): void;
};

/** Adds a customer or changes one: every field, the NIK checked as it is typed. */
export function CustomerDialog({ customer, location, onClose, onSaved }: CustomerDialogProps) {
  const t = useT();
  const locale = useI18nStore((state) => state.locale);
  const [draft, setDraft] = useState<CustomerDraft>(() => draftOf(customer, location));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _fixed, ...rest }) => rest);
  };
  // Live: the NIK's rule shows while typing once 16 characters are in (or when it holds a non-digit).
  const typedNik = draft.nik.replace(/[\s.-]/g, '');
  const liveNikError = typedNik.length >= 16 || /\D/.test(typedNik) ? nikError(draft.nik, locale) : null;
  const nikMessage = errors.nik ?? liveNikError ?? nikHint(draft.nik, t) ?? t('customers.field.nikHelp');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkDraft(draft, t, locale);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const fields = fieldsOf(draft);
    const statusChange =
      customer && draft.status !== customer.status && draft.status !== 'active'
        ? { status: draft.status }
        : {};
    const result = customer
      ? await call(
          'customers.update',
          { id: customer.id, ...fields, ...statusChange },
          { form: CUSTOMER_FORM },
        )
      : await call('customers.create', fields, { form: CUSTOMER_FORM });
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('customers.saved', { name: result.data.name }), 'success');
    onSaved(result.data);
  };

  const text = (
    key: keyof CustomerDraft,
    label: string,
    options: {
      max: number;
      helper?: string;
      multiline?: boolean;
      autoFocus?: boolean;
      inputMode?: 'tel' | 'email' | 'numeric' | 'decimal';
    },
  ) => (
    <TextField
      label={label}
      value={draft[key]}
      onChange={(event) => set(key, event.target.value)}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? options.helper}
      multiline={options.multiline}
      minRows={options.multiline ? 2 : undefined}
      autoFocus={options.autoFocus}
      fullWidth
      slotProps={{
        htmlInput: { maxLength: options.max, inputMode: options.inputMode, 'data-testid': `customer-${key}` },
      }}
    />
  );

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="customer-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>
          {customer ? t('customers.editTitle', { name: customer.name }) : t('customers.createTitle')}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {text('name', t('customers.field.name'), { max: 100, autoFocus: true })}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {text('phone', t('customers.field.whatsapp'), {
                max: 30,
                helper: t('customers.field.whatsappHelp'),
                inputMode: 'tel',
              })}
              {text('email', t('customers.field.email'), { max: 120, inputMode: 'email' })}
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={t('customers.field.nik')}
                value={draft.nik}
                onChange={(event) => set('nik', event.target.value)}
                error={Boolean(errors.nik ?? liveNikError)}
                helperText={nikMessage}
                fullWidth
                slotProps={{
                  htmlInput: { maxLength: 40, inputMode: 'numeric', 'data-testid': 'customer-nik' },
                }}
              />
              <TextField
                select
                label={t('customers.field.category')}
                value={draft.category}
                onChange={(event) => set('category', event.target.value as CustomerDraft['category'])}
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'customer-category' },
                }}
              >
                {CUSTOMER_CATEGORIES.map((category) => (
                  <option key={category} value={category}>
                    {t(`customers.category.${category}`)}
                  </option>
                ))}
              </TextField>
            </Stack>
            {text('address', t('customers.field.address'), { max: 500, multiline: true })}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              {text('latitude', t('customers.field.latitude'), {
                max: 20,
                helper: t('customers.field.locationHelp'),
                inputMode: 'decimal',
              })}
              {text('longitude', t('customers.field.longitude'), { max: 20, inputMode: 'decimal' })}
            </Stack>
            {customer ? (
              <TextField
                select
                label={t('customers.field.status')}
                value={draft.status}
                onChange={(event) => set('status', event.target.value as CustomerDraft['status'])}
                error={Boolean(errors.status)}
                helperText={errors.status ?? t('customers.field.statusHelp')}
                fullWidth
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'customer-status' },
                }}
              >
                {(['prospect', 'active', 'terminated'] as const).map((status) => (
                  <option
                    key={status}
                    value={status}
                    disabled={status === 'active' && customer.status !== 'active'}
                  >
                    {t(`customers.status.${status}`)}
                  </option>
                ))}
              </TextField>
            ) : null}
            {text('notes', t('customers.field.notes'), { max: 1000, multiline: true })}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy} data-testid="customer-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="customer-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
