import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BillingPayment } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { PaymentReceiptButtons } from './PaymentReceiptButtons';
import { ReceiptFrame } from '../pos/ReceiptFrame';

/**
 * A payment just taken, as the POS shows a finished sale: what was received and what it paid on
 * the left with print / save / PDF, the thermal receipt on the right. Enter: next customer.
 */
export function PaymentReceiptPanel({ payment, onNext }: { payment: BillingPayment; onNext(): void }) {
  const t = useT();
  const format = useFormat();
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' },
        alignItems: 'start',
      }}
      data-testid="pay-result"
    >
      <Stack spacing={2}>
        <Alert severity="success">
          {t('billing.pay.done', { amount: format.rupiah(payment.amount), number: payment.number })}
        </Alert>
        <Box>
          <Typography variant="subtitle1" color="text.secondary">
            {t('billing.receipt.received')}
          </Typography>
          <Typography
            sx={{
              fontSize: 44,
              fontWeight: 800,
              lineHeight: 1.1,
              color: 'success.main',
              fontVariantNumeric: 'tabular-nums',
            }}
            data-testid="pay-result-amount"
          >
            {format.rupiah(payment.amount)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {payment.customerName} · {payment.customerCode} · {t(`billing.method.${payment.method}`)}
            {payment.reference ? ` · ${payment.reference}` : ''}
          </Typography>
        </Box>
        <Stack spacing={0.75}>
          {payment.allocations.map((a) => (
            <Box key={a.invoiceId} sx={{ display: 'flex', justifyContent: 'space-between' }}>
              <Typography variant="body2">{a.invoiceNumber}</Typography>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {format.rupiah(a.amount)}
              </Typography>
            </Box>
          ))}
          {payment.toCredit ? (
            <Typography variant="body2" color="text.secondary">
              {t('billing.pay.toCredit', { amount: format.rupiah(payment.toCredit) })}
            </Typography>
          ) : null}
        </Stack>
        <PaymentReceiptButtons paymentId={payment.id} />
        <Box>
          <Button variant="contained" size="large" onClick={onNext} autoFocus data-testid="pay-next">
            {t('billing.pay.next')}
          </Button>
        </Box>
      </Stack>
      <ReceiptFrame paymentId={payment.id} />
    </Box>
  );
}
