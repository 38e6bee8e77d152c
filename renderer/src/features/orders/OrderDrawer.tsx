import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import PaymentsIcon from '@mui/icons-material/Payments';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Order } from '../../../../shared/contract/index';
import { AmountRow } from '../../app/components/AmountRow';
import { DrawerHeader } from '../../app/components/DrawerHeader';
import { ReasonDialog } from '../../app/components/ReasonDialog';
import { SideDrawer } from '../../app/components/SideDrawer';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useCan } from '../session/session-store';
import { downloadOrderPdf, type OrderDocument } from './order-documents';
import { NEXT_STATUS, type TargetStatus } from './order-status';
import { OrderPaymentDialog } from './OrderPaymentDialog';
import { OrderStatusChip, PaymentStatusChip } from './OrderStatusChip';

const DOCUMENTS: readonly OrderDocument[] = ['invoice', 'packing_slip', 'label'];

/** One order: lines, money, status history; move it on, record a payment, print its documents. */
export function OrderDrawer({
  order,
  onClose,
  onChanged,
}: {
  order: Order;
  onClose(): void;
  onChanged(order: Order): void;
}) {
  const t = useT();
  const format = useFormat();
  const canManage = useCan('orders.manage');
  const [paying, setPaying] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  const move = async (status: TargetStatus, note = '') => {
    setBusy(status);
    const result = await call('orders.setStatus', { ids: [order.id], status, note });
    setBusy(null);
    if (!result.ok) return false;
    const failure = result.data.failed[0];
    if (failure) {
      notify(failure.message, 'warning');
      return false;
    }
    const updated = result.data.updated[0];
    if (updated) {
      notify(t('orders.moved', { number: order.number, status: t(`orders.status.${status}`) }), 'success');
      onChanged(updated);
    }
    return true;
  };

  const pdf = async (kind: OrderDocument) => {
    setBusy(kind);
    await downloadOrderPdf(order.id, kind);
    setBusy(null);
  };

  return (
    <SideDrawer width={600} testId="order-drawer" onClose={onClose}>
      <DrawerHeader
        overline={`${t(`orders.channel.${order.channel}`)} · ${format.dateTime(order.createdAt)}`}
        title={order.number}
        chips={
          <>
            <OrderStatusChip status={order.status} />
            <PaymentStatusChip status={order.paymentStatus} />
          </>
        }
        onClose={onClose}
        closeTestId="order-drawer-close"
      />

      <Stack spacing={0.5} sx={{ mt: 2 }}>
        <Typography sx={{ fontWeight: 700 }}>{order.customerName}</Typography>
        {order.customerPhone ? <Typography variant="body2">{order.customerPhone}</Typography> : null}
        {order.shippingAddress ? (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
            {order.shippingAddress}
          </Typography>
        ) : null}
        {order.note ? (
          <Typography variant="body2" color="text.secondary">
            {t('stock.note')}: {order.note}
          </Typography>
        ) : null}
        {order.cancelReason ? (
          <Typography variant="body2" color="error">
            {t('orders.cancelReason', { reason: order.cancelReason })}
          </Typography>
        ) : null}
      </Stack>

      {canManage && NEXT_STATUS[order.status].length > 0 ? (
        <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
          {NEXT_STATUS[order.status].map((status) =>
            status === 'CANCELLED' ? (
              <Button
                key={status}
                color="error"
                onClick={() => setCancelling(true)}
                disabled={busy !== null}
                data-testid="order-cancel"
              >
                {t('orders.cancel')}
              </Button>
            ) : (
              <Button
                key={status}
                variant="contained"
                startIcon={status === 'SHIPPED' ? <LocalShippingIcon /> : undefined}
                onClick={() => void move(status)}
                disabled={busy !== null}
                data-testid={`order-move-${status}`}
              >
                {t(`orders.action.${status}`)}
              </Button>
            ),
          )}
        </Box>
      ) : null}

      <Table size="small" sx={{ mt: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('sale.col.item')}</TableCell>
            <TableCell align="right">{t('stock.col.quantity')}</TableCell>
            <TableCell align="right">{t('sale.col.price')}</TableCell>
            <TableCell align="right">{t('sale.col.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {order.lines.map((line) => (
            <TableRow key={line.lineNo}>
              <TableCell>
                {line.name}
                <Typography variant="caption" color="text.secondary" component="div">
                  {line.sku}
                </Typography>
              </TableCell>
              <TableCell align="right">{format.number(line.quantity)}</TableCell>
              <TableCell align="right">{format.rupiah(line.unitPrice)}</TableCell>
              <TableCell align="right">{format.rupiah(line.total)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Stack spacing={0.5} sx={{ mt: 1.5, ml: 'auto', maxWidth: 300 }}>
        <AmountRow label={t('pos.total.subtotal')} value={format.rupiah(order.subtotal)} />
        {order.discount ? (
          <AmountRow label={t('pos.cart.discount')} value={`−${format.rupiah(order.discount)}`} />
        ) : null}
        {order.ppn ? <AmountRow label={t('pos.total.ppn')} value={format.rupiah(order.ppn)} /> : null}
        <AmountRow label={t('orders.field.shippingFee')} value={format.rupiah(order.shippingFee)} />
        <AmountRow
          label={t('pos.total.total')}
          value={format.rupiah(order.total)}
          strong
          testId="order-total"
        />
        <AmountRow label={t('orders.paid')} value={format.rupiah(order.paid)} testId="order-paid" />
        <AmountRow label={t('orders.outstanding')} value={format.rupiah(order.total - order.paid)} strong />
      </Stack>

      <Box sx={{ display: 'flex', gap: 1, mt: 2, flexWrap: 'wrap' }}>
        {canManage && order.status !== 'CANCELLED' && order.paid < order.total ? (
          <Button
            variant="outlined"
            startIcon={<PaymentsIcon />}
            onClick={() => setPaying(true)}
            data-testid="order-record-payment"
          >
            {t('orders.recordPayment')}
          </Button>
        ) : null}
        {DOCUMENTS.map((kind) => (
          <Button
            key={kind}
            startIcon={<PictureAsPdfIcon />}
            onClick={() => void pdf(kind)}
            disabled={busy !== null}
            data-testid={`order-pdf-${kind}`}
          >
            {t(`orders.pdf.${kind}`)}
          </Button>
        ))}
      </Box>

      <Divider sx={{ my: 2 }} />
      <Typography variant="subtitle2" sx={{ fontWeight: 700, mb: 1 }}>
        {t('orders.history')}
      </Typography>
      <Stack spacing={1} data-testid="order-history">
        {[...order.history].reverse().map((entry, index) => (
          <Box key={`${entry.at}-${index}`} sx={{ display: 'flex', gap: 1.5 }}>
            <Box
              sx={{
                width: 8,
                height: 8,
                borderRadius: '50%',
                bgcolor: 'primary.main',
                mt: 0.75,
                flexShrink: 0,
              }}
            />
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {entry.from ? `${t(`orders.status.${entry.from}`)} → ` : ''}
                {t(`orders.status.${entry.to}`)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {format.dateTime(entry.at)} · {entry.by}
                {entry.note ? ` · ${entry.note}` : ''}
              </Typography>
            </Box>
          </Box>
        ))}
      </Stack>
      {paying ? (
        <OrderPaymentDialog order={order} onClose={() => setPaying(false)} onDone={onChanged} />
      ) : null}
      {cancelling ? (
        <ReasonDialog
          title={t('orders.cancelTitle', { number: order.number })}
          body={t('orders.cancelBody')}
          label={t('orders.cancelReasonLabel')}
          confirmLabel={t('orders.cancel')}
          danger
          testId="order-cancel-dialog"
          onClose={() => setCancelling(false)}
          onConfirm={(reason) => move('CANCELLED', reason)}
        />
      ) : null}
    </SideDrawer>
  );
}
