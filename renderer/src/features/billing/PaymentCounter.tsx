import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { BillingPayment, CustomerBalance } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { LoadingState } from '../../app/components/LoadingState';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { newId } from '../../app/new-id';
import { testId } from '../../app/test-id';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { QrisCode } from '../pos/QrisCode';
import { useSettingsStore } from '../settings/settings-store';
import { CustomerSearch, type PickedCustomer } from './CustomerSearch';
import { InvoiceStatusChip } from './InvoiceStatusChip';
import { PaymentReceiptPanel } from './PaymentReceiptPanel';

type Method = 'cash' | 'transfer' | 'qris';
const METHODS: readonly Method[] = ['cash', 'transfer', 'qris'];

/** The customer's open invoices and the payment form, for one customer. */
function PayForm({ balance, onPaid }: { balance: CustomerBalance; onPaid(payment: BillingPayment): void }) {
  const t = useT();
  const format = useFormat();
  const settings = useSettingsStore((state) => state.settings);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(balance.openInvoices.map((i) => i.id)),
  );
  const dueChosen = balance.openInvoices
    .filter((i) => chosen.has(i.id))
    .reduce((sum, i) => sum + i.balance, 0);
  const [amount, setAmount] = useState<number | null>(dueChosen);
  const [method, setMethod] = useState<Method>('cash');
  const [reference, setReference] = useState('');
  const [useCredit, setUseCredit] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // One id per payment attempt: a retry after a lost answer is answered with the same payment.
  const [paymentId, setPaymentId] = useState(newId);

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setChosen(next);
    setAmount(
      balance.openInvoices.filter((i) => next.has(i.id)).reduce((sum, i) => sum + i.balance, 0) || null,
    );
    setPaymentId(newId());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!amount && !useCredit) {
      setErrors({ amount: t('validation.positive') });
      return;
    }
    setBusy(true);
    const result = await call(
      'billing.payments.record',
      {
        id: paymentId,
        customerId: balance.customerId,
        amount: amount ?? 0,
        method,
        reference: reference.trim(),
        useCredit,
        ...(chosen.size > 0 && chosen.size < balance.openInvoices.length ? { invoiceIds: [...chosen] } : {}),
      },
      { form: ['amount', 'method', 'reference', 'invoiceIds'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t('billing.pay.done', { amount: format.rupiah(result.data.amount), number: result.data.number }),
      'success',
    );
    onPaid(result.data);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <Stack spacing={2}>
        {balance.openInvoices.length === 0 ? (
          <Alert severity="info" data-testid="pay-nothing-due">
            {t('billing.pay.nothingDue')}
          </Alert>
        ) : (
          <Table size="small" data-testid="pay-invoices">
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{t('billing.col.number')}</TableCell>
                <TableCell>{t('billing.col.due')}</TableCell>
                <TableCell>{t('billing.col.status')}</TableCell>
                <TableCell align="right">{t('billing.balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {balance.openInvoices.map((invoice) => (
                <TableRow
                  key={invoice.id}
                  hover
                  onClick={() => toggle(invoice.id)}
                  sx={{ cursor: 'pointer' }}
                >
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={chosen.has(invoice.id)}
                      slotProps={{
                        input: { ...testId(`pay-invoice-${invoice.number}`), 'aria-label': invoice.number },
                      }}
                    />
                  </TableCell>
                  <TableCell>{invoice.number}</TableCell>
                  <TableCell>{invoice.dueDate}</TableCell>
                  <TableCell>
                    <InvoiceStatusChip invoice={invoice} />
                  </TableCell>
                  <TableCell align="right">{format.rupiah(invoice.balance)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography variant="body2" data-testid="pay-due">
          {t('billing.pay.summary', {
            due: format.rupiah(balance.due),
            overdue: format.rupiah(balance.overdue),
            credit: format.rupiah(balance.credit),
          })}
        </Typography>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={method}
          onChange={(_event, value: Method | null) => {
            if (value) setMethod(value);
          }}
          aria-label={t('billing.method.label')}
        >
          {METHODS.map((m) => (
            <ToggleButton key={m} value={m} data-testid={`pay-method-${m}`}>
              {t(`billing.method.${m}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <MoneyField
          label={t('billing.amount')}
          value={amount}
          onChange={(value) => {
            setAmount(value);
            setPaymentId(newId());
          }}
          error={Boolean(errors.amount)}
          helperText={errors.amount ?? (method === 'cash' ? t('billing.pay.cashHint') : undefined)}
          testId="pay-amount"
        />
        {method !== 'cash' ? (
          <TextField
            label={t('billing.pay.reference')}
            value={reference}
            onChange={(event) => setReference(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'pay-reference' } }}
          />
        ) : null}
        {balance.credit > 0 ? (
          <FormControlLabel
            control={
              <Checkbox
                checked={useCredit}
                onChange={(event) => setUseCredit(event.target.checked)}
                slotProps={{ input: testId('pay-use-credit') }}
              />
            }
            label={t('billing.pay.useCredit', { credit: format.rupiah(balance.credit) })}
          />
        ) : null}
        {method === 'qris' && amount ? (
          <QrisCode
            amount={amount}
            configured={(settings?.qrisStatic ?? '') !== ''}
            onLeave={() => undefined}
          />
        ) : null}
        <Box>
          <Button type="submit" variant="contained" size="large" disabled={busy} data-testid="pay-submit">
            {t('billing.pay.submit', { amount: format.rupiah(amount ?? 0) })}
          </Button>
        </Box>
      </Stack>
    </form>
  );
}

/**
 * Paying at the counter: find the customer, see what is open, take cash, transfer or QRIS (the QR
 * carries the amount), then the receipt to print. Keyboard: type, Enter picks, Enter pays.
 */
export function PaymentCounter({
  initialCustomerId,
  onPaid,
}: {
  initialCustomerId?: string;
  onPaid?(payment: BillingPayment): void;
}) {
  const t = useT();
  const [customer, setCustomer] = useState<PickedCustomer | { id: string } | null>(
    initialCustomerId ? { id: initialCustomerId } : null,
  );
  const [paid, setPaid] = useState<BillingPayment | null>(null);
  const { data: balance, loading } = useLoader(customer?.id ?? '', async () => {
    if (!customer) return null;
    const result = await call('billing.customers.balance', { customerId: customer.id });
    return result.ok ? result.data : null;
  });

  if (paid) {
    return (
      <PaymentReceiptPanel
        payment={paid}
        onNext={() => {
          setPaid(null);
          setCustomer(null);
        }}
      />
    );
  }
  if (!customer) return <CustomerSearch onPick={setCustomer} />;
  if (loading || !balance || balance.customerId !== customer.id)
    return <LoadingState label={t('billing.loading')} />;
  return (
    <Stack spacing={2} data-testid="pay-counter">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" sx={{ fontWeight: 700, flex: 1 }} data-testid="pay-customer">
          {balance.customerName} · {balance.customerCode}
        </Typography>
        <Button onClick={() => setCustomer(null)} data-testid="pay-change-customer">
          {t('billing.pay.changeCustomer')}
        </Button>
      </Box>
      <PayForm
        key={balance.customerId}
        balance={balance}
        onPaid={(payment) => {
          setPaid(payment);
          onPaid?.(payment);
        }}
      />
    </Stack>
  );
}
