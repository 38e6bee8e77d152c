import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useRouteStore } from '../../app/navigation/route-store';
import { useCan } from '../session/session-store';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { InvoiceStatusChip } from '../billing/InvoiceStatusChip';
import { SubscriptionStateChip } from '../subscriptions/SubscriptionStateChip';

/** A customer's account at a glance: their subscriptions and what they owe (each shown when allowed). */
export function CustomerAccount({ customerId }: { customerId: string }) {
  const t = useT();
  const format = useFormat();
  const canCollect = useCan('billing.collect');
  const subscriptions = useLoader(`customer-subscriptions/${customerId}`, async () => {
    const result = await call('subscriptions.list', { customerId, limit: 50 }, { quiet: true });
    return result.ok ? result.data.subscriptions : null;
  });
  const balance = useLoader(`customer-balance/${customerId}/${canCollect}`, async () => {
    if (!canCollect) return null;
    const result = await call('billing.customers.balance', { customerId }, { quiet: true });
    return result.ok ? result.data : null;
  });
  const navigate = useRouteStore((state) => state.navigate);

  return (
    <Box data-testid="customer-account">
      <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('customers.account.subscriptions')}
      </Typography>
      {subscriptions.data && subscriptions.data.length > 0 ? (
        <Table size="small">
          <TableBody>
            {subscriptions.data.map((sub) => (
              <TableRow key={sub.id} data-testid="customer-subscription">
                <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{sub.code}</TableCell>
                <TableCell>
                  {sub.planName}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {sub.username} · {sub.routerName}
                  </Typography>
                </TableCell>
                <TableCell align="right">
                  <SubscriptionStateChip state={sub.state} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {subscriptions.loading ? t('customers.account.loading') : t('customers.account.noSubscriptions')}
        </Typography>
      )}

      {balance.data ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
            {t('customers.account.invoices')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 3, mb: 1 }}>
            <Typography variant="body2" data-testid="customer-account-due">
              {t('customers.account.due', { amount: format.rupiah(balance.data.due) })}
            </Typography>
            <Typography
              variant="body2"
              color={balance.data.overdue > 0 ? 'error' : 'text.secondary'}
              data-testid="customer-account-overdue"
            >
              {t('customers.account.overdue', { amount: format.rupiah(balance.data.overdue) })}
            </Typography>
          </Box>
          {balance.data.openInvoices.length > 0 ? (
            <Table size="small">
              <TableBody>
                {balance.data.openInvoices.map((invoice) => (
                  <TableRow key={invoice.id} data-testid="customer-open-invoice">
                    <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{invoice.number}</TableCell>
                    <TableCell>{invoice.dueDate}</TableCell>
                    <TableCell align="right">{format.rupiah(invoice.balance)}</TableCell>
                    <TableCell align="right">
                      <InvoiceStatusChip invoice={invoice} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : null}
          {balance.data.due > 0 ? (
            <Button
              size="small"
              sx={{ mt: 1 }}
              onClick={() => navigate('billing')}
              data-testid="customer-account-pay"
            >
              {t('customers.account.pay')}
            </Button>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
}
