import Chip from '@mui/material/Chip';
import type { CustomerStatus } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

const COLOR = { prospect: 'info', active: 'success', terminated: 'default' } as const satisfies Record<
  CustomerStatus,
  'info' | 'success' | 'default'
>;

export function CustomerStatusChip({ status }: { status: CustomerStatus }) {
  const t = useT();
  return (
    <Chip
      size="small"
      color={COLOR[status]}
      variant={status === 'terminated' ? 'outlined' : 'filled'}
      label={t(`customers.status.${status}`)}
      data-testid="customer-status-chip"
    />
  );
}
