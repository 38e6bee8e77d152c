import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type FormEvent } from 'react';
import type { PaymentMethod, Sale, Settings } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import type { PricedCart } from '../../../../shared/domain/pricing';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useCan } from '../session/session-store';
import { discountPercent, roundingStep, settle } from './cart-pricing';
import { useCartStore } from './cart-store';
import { methodLabel, PAYMENT_METHODS } from './payment-methods';
import { QrisCode } from './QrisCode';

type Tender = { key: number; method: PaymentMethod; amount: number | null; reference: string };

const QUICK_CASH = [20_000, 50_000, 100_000] as const;
const FORM = ['managerPin', 'payments', 'customerId'] as const;

type PaymentDialogProps = {
  priced: PricedCart;
  settings: Settings;
  warehouseId: string;
  onPaid(sale: Sale): void;
  onClose(): void;
};

function SummaryRow({
  label,
  value,
  testId,
  tone,
  big,
}: {
  label: string;
  value: string;
  testId: string;
  tone?: 'success.main' | 'error.main';
  big?: boolean;
}) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 2 }}>
      <Typography
        variant={big ? 'subtitle1' : 'body2'}
        color="text.secondary"
        sx={{ fontWeight: big ? 700 : 400 }}
      >
        {label}
      </Typography>
      <Typography
        variant={big ? 'h4' : 'body1'}
        sx={{ fontWeight: big ? 800 : 600, color: tone, fontVariantNumeric: 'tabular-nums' }}
        data-testid={testId}
      >
        {value}
      </Typography>
    </Box>
  );
}

/**
 * F9: split across methods, quick cash, live change and rounding, the QRIS code, a manager PIN when the
 * discount is above the branch's limit. The sale is completed with the cart's own id, so paying again
 * after a lost answer returns the same sale instead of making a second one.
 */
export function PaymentDialog({ priced, settings, warehouseId, onPaid, onClose }: PaymentDialogProps) {
  const t = useT();
  const format = useFormat();
  const canDiscount = useCan('pos.discount');
  const customer = useCartStore((state) => state.customer);
  const nextKey = useRef(1);
  const [tenders, setTenders] = useState<Tender[]>([{ key: 0, method: 'cash', amount: null, reference: '' }]);
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [lostAnswer, setLostAnswer] = useState(false);
  const cashInput = useRef<HTMLInputElement | null>(null);

  const step = roundingStep(settings);
  const s = settle(
    priced.total,
    tenders.map((tender) => ({ method: tender.method, amount: tender.amount ?? 0 })),
    step,
  );
  const needsPin = !canDiscount && discountPercent(priced) > settings.discountLimitPercent;
  const qris = tenders.find((tender) => tender.method === 'qris');
  const hasCash = tenders.some((tender) => tender.method === 'cash');
  const methods = PAYMENT_METHODS.filter((entry) => entry.method !== 'store_credit' || customer !== null);

  const update = (key: number, patch: Partial<Tender>) =>
    setTenders((current) => current.map((tender) => (tender.key === key ? { ...tender, ...patch } : tender)));

  const addMethod = (method: PaymentMethod) => {
    setErrors({});
    if (method === 'cash') {
      if (!hasCash)
        setTenders((current) => [
          ...current,
          { key: nextKey.current++, method, amount: null, reference: '' },
        ]);
      requestAnimationFrame(() => cashInput.current?.focus());
      return;
    }
    // A new non-cash part takes what is still owed after the parts already entered.
    let amount = Math.max(0, priced.total - s.nonCash - s.cash);
    if (method === 'store_credit' && customer) amount = Math.min(amount, Math.max(0, customer.credit));
    setTenders((current) => [
      ...current,
      { key: nextKey.current++, method, amount: amount || null, reference: '' },
    ]);
  };

  const setCash = (amount: number) => {
    setErrors({});
    setTenders((current) =>
      current.some((tender) => tender.method === 'cash')
        ? current.map((tender) => (tender.method === 'cash' ? { ...tender, amount } : tender))
        : [...current, { key: nextKey.current++, method: 'cash', amount, reference: '' }],
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const payments = tenders
      .filter((tender) => (tender.amount ?? 0) > 0)
      .map((tender) => ({
        method: tender.method,
        amount: tender.amount ?? 0,
        reference: tender.reference.trim(),
      }));
    const found: FieldErrors = {};
    if (payments.length === 0 || s.short > 0)
      found.payments = t('pay.error.short', { amount: format.rupiah(s.short) });
    if (s.nonCashOver) found.payments = t('pay.error.nonCashOver');
    if (needsPin && !/^\d{4,8}$/.test(pin)) found.managerPin = t('pay.error.pin');
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    const cart = useCartStore.getState();
    setBusy(true);
    const result = await call(
      'pos.sales.complete',
      {
        id: cart.saleId,
        warehouseId,
        customerId: cart.customer?.id ?? null,
        lines: cart.lines.map((line) => ({
          itemId: line.itemId,
          quantity: line.quantity,
          ...(line.discount ? { discount: line.discount } : {}),
        })),
        ...(cart.cartDiscount ? { cartDiscount: cart.cartDiscount } : {}),
        payments,
        ...(needsPin ? { managerPin: pin } : {}),
      },
      { form: FORM },
    );
    setBusy(false);
    if (result.ok) {
      onPaid(result.data);
      return;
    }
    // Only a lost answer leaves it unknown whether the sale went through; the same id makes a retry safe.
    setLostAnswer(result.code === 'INTERNAL');
    // The core asks for "a manager PIN" either way; with one typed, it was not a manager's.
    setErrors(
      result.code === 'FORBIDDEN' && result.fields.managerPin && pin
        ? { ...result.fields, managerPin: t('pay.error.pinWrong') }
        : result.fields,
    );
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      disableRestoreFocus
      data-testid="pos-pay-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ flex: 1 }}>{t('pay.title')}</Box>
          <Typography variant="h5" component="span" sx={{ fontWeight: 800 }} data-testid="pay-due-title">
            {format.rupiah(s.amountDue)}
          </Typography>
        </DialogTitle>
        <DialogContent dividers>
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1.35fr 1fr' } }}>
            <Stack spacing={2}>
              <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(3, 1fr)' }}>
                {methods.map(({ method, label, icon: Icon }) => (
                  <Button
                    key={method}
                    variant="outlined"
                    onClick={() => addMethod(method)}
                    data-testid={`pay-add-${method}`}
                    sx={{ flexDirection: 'column', py: 1.25, gap: 0.5, lineHeight: 1.2 }}
                  >
                    <Icon />
                    {t(label)}
                  </Button>
                ))}
              </Box>
              {customer && customer.credit > 0 ? (
                <Typography variant="caption" color="text.secondary">
                  {t('pay.creditAvailable', { name: customer.name, amount: format.rupiah(customer.credit) })}
                </Typography>
              ) : null}
              <Stack spacing={1.5} data-testid="pay-tenders">
                {tenders.map((tender) => (
                  <Box key={tender.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                    <MoneyField
                      label={t(methodLabel(tender.method))}
                      value={tender.amount}
                      onChange={(amount) => {
                        setErrors({});
                        update(tender.key, { amount });
                      }}
                      inputRef={tender.method === 'cash' ? cashInput : undefined}
                      autoFocus={tender.key === 0}
                      testId={`pay-amount-${tender.method}`}
                      sx={{ flex: 1.2 }}
                    />
                    {tender.method !== 'cash' ? (
                      <TextField
                        label={t('pay.reference')}
                        value={tender.reference}
                        onChange={(event) => update(tender.key, { reference: event.target.value })}
                        sx={{ flex: 1 }}
                        slotProps={{
                          htmlInput: { maxLength: 100, 'data-testid': `pay-reference-${tender.method}` },
                        }}
                      />
                    ) : null}
                    <IconButton
                      aria-label={t('pay.removeTender')}
                      onClick={() =>
                        setTenders((current) => current.filter((other) => other.key !== tender.key))
                      }
                      sx={{ mt: 1 }}
                      data-testid={`pay-remove-${tender.method}`}
                    >
                      <CloseIcon fontSize="small" />
                    </IconButton>
                  </Box>
                ))}
              </Stack>
              {qris ? (
                <QrisCode
                  amount={qris.amount ?? 0}
                  configured={settings.qrisStatic !== ''}
                  onLeave={onClose}
                />
              ) : null}
              {needsPin ? (
                <Box>
                  <Alert severity="warning" sx={{ mb: 1.5 }}>
                    {t('pay.pinNeeded', { limit: settings.discountLimitPercent })}
                  </Alert>
                  <TextField
                    label={t('pay.managerPin')}
                    type="password"
                    value={pin}
                    onChange={(event) => {
                      setPin(event.target.value.replace(/\D/g, '').slice(0, 8));
                      setErrors(({ managerPin: _gone, ...rest }) => rest);
                    }}
                    error={Boolean(errors.managerPin)}
                    helperText={errors.managerPin ?? t('pay.managerPinHelp')}
                    autoComplete="off"
                    slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'pay-manager-pin' } }}
                  />
                </Box>
              ) : null}
            </Stack>

            <Stack spacing={1.25}>
              <SummaryRow label={t('pay.total')} value={format.rupiah(priced.total)} testId="pay-total" />
              {s.rounding !== 0 ? (
                <SummaryRow
                  label={t('pay.rounding', { step: format.rupiah(settings.cashRounding) })}
                  value={`${s.rounding > 0 ? '+' : '−'}${format.rupiah(Math.abs(s.rounding))}`}
                  testId="pay-rounding"
                />
              ) : null}
              <SummaryRow label={t('pay.due')} value={format.rupiah(s.amountDue)} testId="pay-due" />
              <SummaryRow label={t('pay.paid')} value={format.rupiah(s.paid)} testId="pay-paid" />
              <Divider />
              {s.short > 0 ? (
                <SummaryRow
                  label={t('pay.short')}
                  value={format.rupiah(s.short)}
                  testId="pay-short"
                  tone="error.main"
                  big
                />
              ) : (
                <SummaryRow
                  label={t('pay.change')}
                  value={format.rupiah(s.change)}
                  testId="pay-change"
                  tone="success.main"
                  big
                />
              )}
              <Typography variant="overline" color="text.secondary" sx={{ pt: 1 }}>
                {t('pay.quickCash')}
              </Typography>
              <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(2, 1fr)' }}>
                <Button
                  variant="contained"
                  color="secondary"
                  onClick={() => setCash(s.exactCash)}
                  disabled={s.exactCash === 0}
                  data-testid="pay-quick-exact"
                >
                  {t('pay.exact')}
                </Button>
                {QUICK_CASH.map((note) => (
                  <Button
                    key={note}
                    variant="outlined"
                    onClick={() => setCash(note)}
                    disabled={note < s.exactCash}
                    data-testid={`pay-quick-${note}`}
                  >
                    {format.rupiah(note)}
                  </Button>
                ))}
              </Box>
              {settings.cashRounding !== 0 ? (
                <Typography variant="caption" color="text.secondary">
                  {t('pay.roundingNote', { step: format.rupiah(settings.cashRounding) })}
                </Typography>
              ) : null}
            </Stack>
          </Box>
          {errors.payments ? (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="pay-error">
              {errors.payments}
            </Alert>
          ) : null}
          {errors.customerId ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {errors.customerId}
            </Alert>
          ) : null}
          {lostAnswer ? (
            <Alert severity="warning" sx={{ mt: 2 }} data-testid="pay-retry-safe">
              {t('pay.retrySafe')}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            size="large"
            disabled={busy || s.short > 0 || s.nonCashOver}
            data-testid="pay-submit"
          >
            {lostAnswer ? t('pay.retry') : t('pay.complete')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
