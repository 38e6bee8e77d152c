import Chip from '@mui/material/Chip';
import type { Order } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';
import { PAYMENT_COLOR, STATUS_COLOR } from './order-status';

export function OrderStatusChip({ status }: { status: Order['status'] }) {
  const t = useT();
  return (
    <Chip
      size="small"
      color={STATUS_COLOR[status]}
      label={t(`orders.status.${status}`)}
      data-testid="order-status-chip"
    />
  );
}

export function PaymentStatusChip({ status }: { status: Order['paymentStatus'] }) {
  const t = useT();
  return (
    <Chip
      size="small"
      variant="outlined"
      color={PAYMENT_COLOR[status]}
      label={t(`orders.payment.${status}`)}
    />
  );
}
