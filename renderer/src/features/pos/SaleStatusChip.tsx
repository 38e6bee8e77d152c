import Chip from '@mui/material/Chip';
import type { Sale } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

export function SaleStatusChip({ sale }: { sale: Sale }) {
  const t = useT();
  if (sale.status === 'voided') return <Chip size="small" color="error" label={t('sale.status.voided')} />;
  if (sale.refunded > 0) return <Chip size="small" color="warning" label={t('sale.status.refunded')} />;
  return <Chip size="small" color="success" variant="outlined" label={t('sale.status.completed')} />;
}
