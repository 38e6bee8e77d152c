import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { Order, PaymentMethod } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { PAYMENT_METHODS } from '../pos/payment-methods';

type Method = Exclude<PaymentMethod, 'store_credit'>;

/** Money received for an order (transfer, QRIS, cash into the open shift's drawer). */
export function OrderPaymentDialog({
  order,
  onClose,
  onDone,
}: {
  order: Order;
  onClose(): void;
  onDone(order: Order): void;
}) {
  const t = useT();
  const format = useFormat();
  const due = order.total - order.paid;
  const [method, setMethod] = useState<Method>('transfer');
  const [amount, setAmount] = useState<number | null>(due);
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!amount) {
      setErrors({ amount: t('validation.positive') });
      return;
    }
    setBusy(true);
    const result = await call(
      'orders.payments.record',
      { orderId: order.id, method, amount, reference: reference.trim() },
      { form: ['amount', 'method', 'reference'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('orders.paymentRecorded', { amount: format.rupiah(amount), number: order.number }), 'success');
    onDone(result.data);
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid="order-payment-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('orders.recordPayment')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">{t('orders.due', { amount: format.rupiah(due) })}</Alert>
            <TextField
              select
              label={t('refund.method')}
              value={method}
              onChange={(event) => setMethod(event.target.value as Method)}
              error={Boolean(errors.method)}
              helperText={errors.method ?? (method === 'cash' ? t('orders.cashNeedsShift') : undefined)}
              slotProps={{
                select: { native: true },
                inputLabel: { shrink: true },
                htmlInput: { 'data-testid': 'order-payment-method' },
              }}
            >
              {PAYMENT_METHODS.filter((entry) => entry.method !== 'store_credit').map((entry) => (
                <option key={entry.method} value={entry.method}>
                  {t(entry.label)}
                </option>
              ))}
            </TextField>
            <MoneyField
              label={t('shift.amount')}
              value={amount}
              onChange={setAmount}
              max={due}
              autoFocus
              error={Boolean(errors.amount)}
              helperText={errors.amount}
              testId="order-payment-amount"
            />
            <TextField
              label={t('pay.reference')}
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'order-payment-reference' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="order-payment-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
