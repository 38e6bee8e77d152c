import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import { useT } from '../../app/i18n/use-t';
import { PaymentReceiptButtons } from './PaymentReceiptButtons';
import { ReceiptFrame } from '../pos/ReceiptFrame';

/** An earlier payment's receipt: the copy as it will print (marked CETAK ULANG), print again, PDF. */
export function PaymentReceiptDialog({
  paymentId,
  number,
  onClose,
}: {
  paymentId: string;
  number: string;
  onClose(): void;
}) {
  const t = useT();
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="payment-receipt-dialog">
      <DialogTitle>{t('billing.receipt.title', { number })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <ReceiptFrame paymentId={paymentId} reprint height={480} />
          <PaymentReceiptButtons paymentId={paymentId} reprint />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} autoFocus data-testid="payment-receipt-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
