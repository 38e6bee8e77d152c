import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '../../app/i18n/use-t';
import { PaymentCounter } from './PaymentCounter';

/** Paying an invoice from elsewhere (the POS screen, an invoice's drawer) in a dialog. */
export function BillingPaymentDialog({ customerId, onClose }: { customerId?: string; onClose(): void }) {
  const t = useT();
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth data-testid="billing-pay-dialog">
      <DialogTitle>{t('billing.pay.title')}</DialogTitle>
      <DialogContent>
        <PaymentCounter initialCustomerId={customerId} />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} data-testid="billing-pay-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
