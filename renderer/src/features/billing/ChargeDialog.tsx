import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { CustomerSearch, type PickedCustomer } from './CustomerSearch';
import { LineFields, type LineDraft, type LineKind } from './LineFields';

const KINDS: readonly LineKind[] = ['installation', 'device', 'other', 'discount'];

/** A one-off item for a customer's next invoice (a discount lowers it). */
export function ChargeDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [line, setLine] = useState<LineDraft>({
    kind: 'installation',
    description: '',
    amount: null,
    taxMode: 'included',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { kind, description, amount, taxMode } = line;
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
            <LineFields value={line} onChange={setLine} errors={errors} kinds={KINDS} testId="charge" />
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
