import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { CustomerSearch, type PickedCustomer } from './CustomerSearch';

const KINDS = ['installation', 'device', 'other', 'discount'] as const;
type Kind = (typeof KINDS)[number];
const TAX_MODES = ['included', 'excluded', 'exempt'] as const;
type TaxMode = (typeof TAX_MODES)[number];

/** A one-off item for a customer's next invoice (a discount lowers it). */
export function ChargeDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [kind, setKind] = useState<Kind>('installation');
  const [description, setDescription] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [taxMode, setTaxMode] = useState<TaxMode>('included');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!customer) problems.customerId = t('billing.charge.pickCustomer');
    if (!description.trim()) problems.description = t('validation.required');
    if (!amount) problems.amount = t('validation.positive');
    if (!customer || !amount || Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await call(
      'billing.charges.add',
      { customerId: customer.id, kind, description: description.trim(), amount, taxMode },
      { form: ['customerId', 'description', 'amount', 'kind', 'taxMode', 'subscriptionId'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('billing.charge.added'), 'success');
    onDone();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth data-testid="charge-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('billing.charge.add')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {customer ? (
              <Typography sx={{ fontWeight: 700 }} data-testid="charge-customer">
                {customer.name} · {customer.code}{' '}
                <Button size="small" onClick={() => setCustomer(null)}>
                  {t('billing.pay.changeCustomer')}
                </Button>
              </Typography>
            ) : (
              <>
                <CustomerSearch onPick={setCustomer} testId="charge-customer-search" />
                {errors.customerId ? (
                  <Typography variant="caption" color="error">
                    {errors.customerId}
                  </Typography>
                ) : null}
              </>
            )}
            <TextField
              select
              label={t('billing.col.kind')}
              value={kind}
              onChange={(event) => setKind(event.target.value as Kind)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'charge-kind' },
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`billing.kind.${k}`)}
                </option>
              ))}
            </TextField>
            <TextField
              label={t('billing.col.description')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={Boolean(errors.description)}
              helperText={errors.description}
              slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'charge-description' } }}
            />
            <MoneyField
              label={t('billing.amount')}
              value={amount}
              onChange={setAmount}
              error={Boolean(errors.amount)}
              helperText={
                errors.amount ?? (kind === 'discount' ? t('billing.charge.discountHint') : undefined)
              }
              testId="charge-amount"
            />
            <TextField
              select
              label={t('billing.col.tax')}
              value={taxMode}
              onChange={(event) => setTaxMode(event.target.value as TaxMode)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'charge-tax' },
              }}
            >
              {TAX_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`billing.tax.${m}`)}
                </option>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="charge-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
