import Chip from '@mui/material/Chip';
import type { Invoice } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

const COLOR = {
  draft: 'default',
  issued: 'info',
  partial: 'warning',
  paid: 'success',
  void: 'default',
  overdue: 'error',
} as const;

/** An invoice's status; open invoices past their due date show as overdue. */
export function InvoiceStatusChip({ invoice }: { invoice: Pick<Invoice, 'status' | 'overdue'> }) {
  const t = useT();
  const shown = invoice.overdue ? 'overdue' : invoice.status;
  return (
    <Chip
      size="small"
      color={COLOR[shown]}
      variant={shown === 'void' ? 'outlined' : 'filled'}
      label={t(`billing.status.${shown}`)}
      data-testid={`invoice-status-${shown}`}
    />
  );
}
