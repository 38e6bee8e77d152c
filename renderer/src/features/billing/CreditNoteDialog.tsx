import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { InvoiceDetail } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

/** A credit note on an invoice: at most its balance, with a reason that stays on the record. */
export function CreditNoteDialog({
  invoice,
  onClose,
  onDone,
}: {
  invoice: InvoiceDetail;
  onClose(): void;
  onDone(invoice: InvoiceDetail): void;
}) {
  const t = useT();
  const format = useFormat();
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (!amount) problems.amount = t('validation.positive');
    if (reason.trim().length < 3) problems.reason = t('validation.reason');
    if (Object.keys(problems).length > 0 || !amount) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    const result = await call(
      'billing.creditNotes.create',
      { invoiceId: invoice.id, amount, reason: reason.trim() },
      { form: ['amount', 'reason'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('billing.credit.done', { amount: format.rupiah(amount), number: invoice.number }), 'success');
    onDone(result.data);
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="xs"
      fullWidth
      data-testid="credit-note-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('billing.credit.title', { number: invoice.number })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Alert severity="info">
              {t('billing.credit.max', { amount: format.rupiah(invoice.balance) })}
            </Alert>
            <MoneyField
              label={t('billing.amount')}
              value={amount}
              onChange={setAmount}
              max={invoice.balance}
              autoFocus
              error={Boolean(errors.amount)}
              helperText={errors.amount}
              testId="credit-note-amount"
            />
            <TextField
              label={t('billing.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'credit-note-reason' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="credit-note-submit">
            {t('billing.credit.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
