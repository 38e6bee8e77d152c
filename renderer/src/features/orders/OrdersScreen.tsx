import AddIcon from '@mui/icons-material/Add';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Order, OrderStatus } from '../../../../shared/contract/index';
import { ConfirmDialog } from '../../app/components/ConfirmDialog';
import { EmptyState } from '../../app/components/EmptyState';
import { FilterBar, SelectFilter } from '../../app/components/FilterBar';
import { PageHeader } from '../../app/components/PageHeader';
import { SearchField } from '../../app/components/SearchField';
import { TablePager } from '../../app/components/TablePager';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { testId } from '../../app/test-id';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useInventoryStore } from '../inventory/inventory-store';
import { useCan } from '../session/session-store';
import { NEXT_STATUS, ORDER_STATUSES, type TargetStatus } from './order-status';
import { OrderCreateDialog } from './OrderCreateDialog';
import { OrderDrawer } from './OrderDrawer';
import { OrderStatusChip, PaymentStatusChip } from './OrderStatusChip';

type Target = TargetStatus;
type Failure = { number: string; message: string };
const BULK_TARGETS: readonly Target[] = ['PROCESSED', 'SHIPPED', 'COMPLETED', 'CANCELLED'];

/** Orders taken by phone, WhatsApp or marketplace: filter, bulk status changes, details and documents. */
export function OrdersScreen() {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('orders.manage');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [paymentStatus, setPaymentStatus] = useState<Order['paymentStatus'] | ''>('');
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 250);
  const [page, setPage] = useState(0);
  const [rows, setRows] = useState(25);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkTarget, setBulkTarget] = useState<Target | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<Order | null>(null);

  useEffect(() => {
    void useInventoryStore.getState().loadWarehouses();
  }, []);

  const { data, loading, reload } = useLoader(
    JSON.stringify([status, paymentStatus, wanted, page, rows]),
    async () => {
      const result = await call('orders.list', {
        offset: page * rows,
        limit: rows,
        ...(status ? { status } : {}),
        ...(paymentStatus ? { paymentStatus } : {}),
        ...(wanted ? { query: wanted } : {}),
      });
      return result.ok ? result.data : null;
    },
  );
  const orders = data?.orders ?? [];
  const chosen = orders.filter((order) => selected.has(order.id));
  const allChosen = orders.length > 0 && chosen.length === orders.length;
  const resetPage = () => {
    setPage(0);
    setSelected(new Set());
  };

  const bulkMove = async (target: Target) => {
    const byId = new Map(chosen.map((order) => [order.id, order.number]));
    const result = await call('orders.setStatus', { ids: [...byId.keys()], status: target });
    setBulkTarget(null);
    if (!result.ok) return;
    setFailures(
      result.data.failed.map((failure) => ({
        number: byId.get(failure.id) ?? failure.id,
        message: failure.message,
      })),
    );
    if (result.data.updated.length > 0) {
      notify(
        t('orders.bulkDone', { count: result.data.updated.length, status: t(`orders.status.${target}`) }),
        'success',
      );
    }
    setSelected(new Set(result.data.failed.map((failure) => failure.id)));
    reload();
  };

  return (
    <>
      <PageHeader
        title={t('nav.orders')}
        subtitle={t('orders.subtitle')}
        actions={
          canManage ? (
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setCreating(true)}
              data-testid="order-new"
            >
              {t('orders.createTitle')}
            </Button>
          ) : null
        }
      />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <FilterBar>
          <SearchField
            label={t('orders.search')}
            value={query}
            onChange={(value) => {
              setQuery(value);
              resetPage();
            }}
            testId="orders-search"
            sx={{ maxWidth: 320 }}
          />
          <SelectFilter
            label={t('orders.col.status')}
            value={status}
            onChange={(value) => {
              setStatus(value);
              resetPage();
            }}
            options={ORDER_STATUSES.map((option) => ({ value: option, label: t(`orders.status.${option}`) }))}
            testId="orders-status"
            width={180}
          />
          <SelectFilter
            label={t('orders.col.payment')}
            value={paymentStatus}
            onChange={(value) => {
              setPaymentStatus(value);
              resetPage();
            }}
            options={(['unpaid', 'partial', 'paid'] as const).map((option) => ({
              value: option,
              label: t(`orders.payment.${option}`),
            }))}
            testId="orders-payment"
            width={180}
          />
        </FilterBar>

        {canManage && chosen.length > 0 ? (
          <Alert
            severity="info"
            icon={false}
            sx={{ mb: 1.5, alignItems: 'center' }}
            data-testid="orders-bulk-bar"
            action={
              <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                {BULK_TARGETS.map((target) => (
                  <Button
                    key={target}
                    size="small"
                    variant={target === 'CANCELLED' ? 'text' : 'outlined'}
                    color={target === 'CANCELLED' ? 'error' : 'primary'}
                    disabled={!chosen.some((order) => NEXT_STATUS[order.status].includes(target))}
                    onClick={() => setBulkTarget(target)}
                    data-testid={`orders-bulk-${target}`}
                  >
                    {t(`orders.action.${target}`)}
                  </Button>
                ))}
              </Box>
            }
          >
            {t('orders.selected', { count: chosen.length })}
          </Alert>
        ) : null}
        {failures.length > 0 ? (
          <Alert
            severity="warning"
            onClose={() => setFailures([])}
            sx={{ mb: 1.5 }}
            data-testid="orders-bulk-failures"
          >
            <AlertTitle>{t('orders.bulkFailed', { count: failures.length })}</AlertTitle>
            {failures.map((failure) => (
              <Typography key={failure.number} variant="body2">
                <strong>{failure.number}</strong>: {failure.message}
              </Typography>
            ))}
          </Alert>
        ) : null}

        <TableContainer>
          <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
          <Table size="small" data-testid="orders-table">
            <TableHead>
              <TableRow>
                {canManage ? (
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={allChosen}
                      indeterminate={chosen.length > 0 && !allChosen}
                      onChange={() =>
                        setSelected(allChosen ? new Set() : new Set(orders.map((order) => order.id)))
                      }
                      slotProps={{
                        input: { ...testId('orders-select-all'), 'aria-label': t('orders.selectAll') },
                      }}
                    />
                  </TableCell>
                ) : null}
                <TableCell>{t('orders.col.number')}</TableCell>
                <TableCell>{t('orders.col.customer')}</TableCell>
                <TableCell>{t('orders.col.channel')}</TableCell>
                <TableCell>{t('orders.col.status')}</TableCell>
                <TableCell>{t('orders.col.payment')}</TableCell>
                <TableCell align="right">{t('orders.col.total')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {orders.map((order) => (
                <TableRow
                  key={order.id}
                  hover
                  selected={selected.has(order.id)}
                  onClick={() => setOpen(order)}
                  sx={{ cursor: 'pointer' }}
                  data-testid={`order-row-${order.number}`}
                >
                  {canManage ? (
                    <TableCell padding="checkbox" onClick={(event) => event.stopPropagation()}>
                      <Checkbox
                        checked={selected.has(order.id)}
                        onChange={(event) =>
                          setSelected((current) => {
                            const next = new Set(current);
                            if (event.target.checked) next.add(order.id);
                            else next.delete(order.id);
                            return next;
                          })
                        }
                        slotProps={{
                          input: { ...testId(`order-select-${order.number}`), 'aria-label': order.number },
                        }}
                      />
                    </TableCell>
                  ) : null}
                  <TableCell>
                    <Typography variant="body2" sx={{ fontFamily: 'ui-monospace, monospace' }}>
                      {order.number}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {format.dateTime(order.createdAt)}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {order.customerName}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {order.customerPhone}
                    </Typography>
                  </TableCell>
                  <TableCell>{t(`orders.channel.${order.channel}`)}</TableCell>
                  <TableCell>
                    <OrderStatusChip status={order.status} />
                  </TableCell>
                  <TableCell>
                    <PaymentStatusChip status={order.paymentStatus} />
                  </TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                    {format.rupiah(order.total)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!loading && data && orders.length === 0 ? (
            <EmptyState
              icon={<ReceiptLongIcon />}
              title={status || paymentStatus || wanted ? t('orders.noMatch') : t('orders.empty')}
              description={status || paymentStatus || wanted ? undefined : t('orders.emptyHint')}
              testId="orders-empty"
            />
          ) : null}
        </TableContainer>
        {data ? (
          <TablePager
            count={data.total}
            page={page}
            rowsPerPage={rows}
            onPageChange={(next) => {
              setPage(next);
              setSelected(new Set());
            }}
            onRowsPerPageChange={(next) => {
              setRows(next);
              resetPage();
            }}
          />
        ) : null}
      </Paper>

      {creating ? (
        <OrderCreateDialog
          onClose={() => setCreating(false)}
          onCreated={(order) => {
            setCreating(false);
            reload();
            setOpen(order);
          }}
        />
      ) : null}
      {open ? (
        <OrderDrawer
          order={open}
          onClose={() => setOpen(null)}
          onChanged={(order) => {
            setOpen(order);
            reload();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={bulkTarget !== null}
        title={t('orders.bulkTitle', {
          count: chosen.length,
          status: bulkTarget ? t(`orders.status.${bulkTarget}`) : '',
        })}
        body={t(bulkTarget === 'CANCELLED' ? 'orders.bulkCancelBody' : 'orders.bulkBody')}
        confirmLabel={bulkTarget ? t(`orders.action.${bulkTarget}`) : ''}
        danger={bulkTarget === 'CANCELLED'}
        testId="orders-bulk-dialog"
        onClose={() => setBulkTarget(null)}
        onConfirm={async () => {
          if (bulkTarget) await bulkMove(bulkTarget);
        }}
      />
    </>
  );
}
