import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Customer } from '../../../../shared/contract/index';
import { DrawerHeader } from '../../app/components/DrawerHeader';
import { SideDrawer } from '../../app/components/SideDrawer';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { nikHint } from './customer-form';
import { CustomerAccount } from './CustomerAccount';
import { CustomerDocuments } from './CustomerDocuments';
import { CustomerStatusChip } from './CustomerStatusChip';
import { formatIndonesianPhone } from '../../../../shared/domain/phone';

function Detail({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '140px 1fr', gap: 1, py: 0.5 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        variant="body2"
        sx={{ wordBreak: 'break-word', whiteSpace: 'pre-line' }}
        data-testid={testId}
      >
        {children}
      </Typography>
    </Box>
  );
}

/** One customer: their details and documents; edit from here. */
export function CustomerDrawer({
  customer,
  canManage,
  onClose,
  onEdit,
}: {
  customer: Customer;
  canManage: boolean;
  onClose(): void;
  onEdit(): void;
}) {
  const t = useT();
  const format = useFormat();
  const none = t('customers.noValue');
  const hint = nikHint(customer.nik, t);
  return (
    <SideDrawer width={520} testId="customer-drawer" onClose={onClose}>
      <DrawerHeader
        overline={customer.code}
        monoOverline
        title={customer.name}
        titleTestId="customer-drawer-name"
        chips={
          <>
            <CustomerStatusChip status={customer.status} />
            <Chip size="small" variant="outlined" label={t(`customers.category.${customer.category}`)} />
          </>
        }
        actions={
          canManage ? (
            <Button startIcon={<EditIcon />} onClick={onEdit} data-testid="customer-edit">
              {t('common.edit')}
            </Button>
          ) : null
        }
        onClose={onClose}
        closeTestId="customer-drawer-close"
      />

      <Box sx={{ mt: 2 }}>
        <Detail label={t('customers.field.whatsapp')}>
          {customer.phone ? formatIndonesianPhone(customer.phone) : none}
        </Detail>
        <Detail label={t('customers.field.email')}>{customer.email || none}</Detail>
        <Detail label={t('customers.field.nik')} testId="customer-drawer-nik">
          {customer.nik ? `${customer.nik}${hint ? ` (${hint})` : ''}` : none}
        </Detail>
        <Detail label={t('customers.field.address')}>{customer.address || none}</Detail>
        <Detail label={t('customers.col.location')}>
          {customer.latitude !== null && customer.longitude !== null
            ? `${customer.latitude.toFixed(6)}, ${customer.longitude.toFixed(6)}`
            : t('customers.location.none')}
        </Detail>
        {customer.groupName ? <Detail label={t('customers.group')}>{customer.groupName}</Detail> : null}
        <Detail label={t('customers.credit')}>{format.rupiah(customer.credit)}</Detail>
        {customer.notes ? <Detail label={t('customers.field.notes')}>{customer.notes}</Detail> : null}
      </Box>

      <Divider sx={{ my: 2 }} />
      <CustomerAccount customerId={customer.id} />

      <Divider sx={{ my: 2 }} />
      <CustomerDocuments customerId={customer.id} canManage={canManage} />
    </SideDrawer>
  );
}
