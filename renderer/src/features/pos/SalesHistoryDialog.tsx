import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import BlockIcon from '@mui/icons-material/Block';
import PrintIcon from '@mui/icons-material/Print';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import UndoIcon from '@mui/icons-material/Undo';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Sale, Shift } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { ReasonDialog } from '../../app/components/ReasonDialog';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useLoader } from '../../app/use-loader';
import { useCan } from '../session/session-store';
import { methodLabel } from './payment-methods';
import { usePosStore } from './pos-store';
import { printReceipt } from './ReceiptDialog';
import { ReceiptFrame } from './ReceiptFrame';
import { RefundDialog } from './RefundDialog';
import { SaleStatusChip } from './SaleStatusChip';

const PAGE = 20;

function SaleDetail({ sale, onChanged }: { sale: Sale; onChanged(): void }) {
  const t = useT();
  const format = useFormat();
  const canVoid = useCan('pos.void');
  const [refunding, setRefunding] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const [reprint, setReprint] = useState(false);
  const refundable =
    sale.status === 'completed' && sale.lines.some((line) => line.quantity > line.refundedQuantity);

  return (
    <Stack spacing={2} data-testid="sale-detail">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h6" sx={{ fontWeight: 800 }}>
          {sale.number}
        </Typography>
        <SaleStatusChip sale={sale} />
        <Box sx={{ flex: 1 }} />
        <Typography color="text.secondary">{format.dateTime(sale.createdAt)}</Typography>
      </Box>
      {sale.voided ? (
        <Alert severity="error">
          {t('sale.voidedBy', {
            by: sale.voided.by,
            time: format.dateTime(sale.voided.at),
            reason: sale.voided.reason,
          })}
        </Alert>
      ) : null}
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('sale.col.item')}</TableCell>
            <TableCell align="right">{t('sale.col.sold')}</TableCell>
            <TableCell align="right">{t('sale.col.refunded')}</TableCell>
            <TableCell align="right">{t('sale.col.price')}</TableCell>
            <TableCell align="right">{t('sale.col.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sale.lines.map((line) => (
            <TableRow key={line.id}>
              <TableCell>
                {line.name}
                <Typography variant="caption" color="text.secondary" component="div">
                  {line.sku}
                </Typography>
              </TableCell>
              <TableCell align="right">{format.number(line.quantity)}</TableCell>
              <TableCell align="right">
                {line.refundedQuantity ? format.number(line.refundedQuantity) : '–'}
              </TableCell>
              <TableCell align="right">{format.rupiah(line.unitPrice)}</TableCell>
              <TableCell align="right">{format.rupiah(line.total)}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={4} sx={{ fontWeight: 700 }}>
              {t('receipt.total')}
            </TableCell>
            <TableCell align="right" sx={{ fontWeight: 800 }}>
              {format.rupiah(sale.amountDue)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="body2" color="text.secondary">
        {sale.payments
          .map((payment) => `${t(methodLabel(payment.method))} ${format.rupiah(payment.amount)}`)
          .join(' · ')}
        {sale.refunded > 0 ? ` · ${t('sale.refundedTotal', { amount: format.rupiah(sale.refunded) })}` : ''}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<ReceiptLongIcon />}
          onClick={() => setReprint((shown) => !shown)}
          data-testid="sale-reprint-preview"
        >
          {t('sale.reprint')}
        </Button>
        <Button
          variant="outlined"
          color="warning"
          startIcon={<UndoIcon />}
          disabled={!refundable}
          onClick={() => setRefunding(true)}
          data-testid="sale-refund"
        >
          {t('sale.refund')}
        </Button>
        {canVoid ? (
          <Button
            variant="outlined"
            color="error"
            startIcon={<BlockIcon />}
            disabled={sale.status !== 'completed' || sale.refunded > 0}
            onClick={() => setVoiding(true)}
            data-testid="sale-void"
          >
            {t('sale.void')}
          </Button>
        ) : null}
      </Box>
      {reprint ? (
        <Box>
          <ReceiptFrame saleId={sale.id} reprint height={420} />
          <Button
            startIcon={<PrintIcon />}
            sx={{ mt: 1 }}
            onClick={() =>
              void printReceipt(sale.id, true, false, (destination) => t('receipt.printed', { destination }))
            }
            data-testid="sale-reprint"
          >
            {t('receipt.print')}
          </Button>
        </Box>
      ) : null}
      {refunding ? (
        <RefundDialog
          sale={sale}
          onClose={() => setRefunding(false)}
          onDone={() => {
            setRefunding(false);
            onChanged();
          }}
        />
      ) : null}
      {voiding ? (
        <ReasonDialog
          title={t('sale.voidTitle', { number: sale.number })}
          body={t('sale.voidBody')}
          label={t('sale.voidReason')}
          confirmLabel={t('sale.void')}
          danger
          testId="sale-void-dialog"
          onClose={() => setVoiding(false)}
          onConfirm={async (reason) => {
            const result = await call('pos.sales.void', { saleId: sale.id, reason });
            if (result.ok) {
              notify(t('sale.voided', { number: sale.number }), 'success');
              onChanged();
            }
            return result.ok;
          }}
        />
      ) : null}
    </Stack>
  );
}

/** The shift's sales, newest first; open one to reprint, refund or void it. */
export function SalesHistoryDialog({ shift, onClose }: { shift: Shift; onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const [page, setPage] = useState(0);
  const [number, setNumber] = useState('');
  const wanted = useDebouncedValue(number.trim(), 250);
  const [selected, setSelected] = useState<Sale | null>(null);
  const { data, loading, reload } = useLoader(JSON.stringify([shift.id, page, wanted]), async () => {
    const result = await call('pos.sales.list', {
      shiftId: shift.id,
      offset: page * PAGE,
      limit: PAGE,
      ...(wanted ? { number: wanted } : {}),
    });
    return result.ok ? result.data : null;
  });

  const refreshSelected = async (sale: Sale) => {
    const result = await call('pos.sales.get', { id: sale.id });
    if (result.ok) setSelected(result.data);
    reload();
    // Refunds and voids move cash: the drawer's expected amount changes.
    void usePosStore.getState().loadShift();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="md"
      fullWidth
      disableRestoreFocus
      data-testid="pos-history-dialog"
    >
      <DialogTitle sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {selected ? (
          <IconButton
            size="small"
            onClick={() => setSelected(null)}
            aria-label={t('common.back')}
            data-testid="sale-back"
          >
            <ArrowBackIcon fontSize="small" />
          </IconButton>
        ) : null}
        {t('history.title', { number: shift.number })}
      </DialogTitle>
      <DialogContent dividers sx={{ minHeight: 420 }}>
        {selected ? (
          <SaleDetail sale={selected} onChanged={() => void refreshSelected(selected)} />
        ) : (
          <>
            <TextField
              size="small"
              placeholder={t('history.search')}
              value={number}
              onChange={(event) => {
                setNumber(event.target.value);
                setPage(0);
              }}
              sx={{ maxWidth: 320, mb: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'history-search' } }}
            />
            <Box sx={{ height: 4 }}>{loading ? <LinearProgress /> : null}</Box>
            <Table size="small" data-testid="history-table">
              <TableHead>
                <TableRow>
                  <TableCell>{t('history.col.number')}</TableCell>
                  <TableCell>{t('history.col.time')}</TableCell>
                  <TableCell>{t('history.col.payments')}</TableCell>
                  <TableCell>{t('history.col.status')}</TableCell>
                  <TableCell align="right">{t('history.col.total')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(data?.sales ?? []).map((sale) => (
                  <TableRow
                    key={sale.id}
                    hover
                    onClick={() => setSelected(sale)}
                    sx={{ cursor: 'pointer' }}
                    data-testid={`history-row-${sale.number}`}
                  >
                    <TableCell sx={{ fontFamily: 'ui-monospace, monospace' }}>{sale.number}</TableCell>
                    <TableCell>{format.time(sale.createdAt)}</TableCell>
                    <TableCell>
                      {[...new Set(sale.payments.map((payment) => t(methodLabel(payment.method))))].join(
                        ', ',
                      )}
                    </TableCell>
                    <TableCell>
                      <SaleStatusChip sale={sale} />
                    </TableCell>
                    <TableCell align="right" sx={{ fontWeight: 600 }}>
                      {format.rupiah(sale.amountDue)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {data && data.sales.length === 0 ? (
              <EmptyState icon={<ReceiptLongIcon />} title={t('history.empty')} testId="history-empty" />
            ) : null}
            {data && data.total > PAGE ? (
              <TablePagination
                component="div"
                count={data.total}
                page={page}
                rowsPerPage={PAGE}
                rowsPerPageOptions={[PAGE]}
                onPageChange={(_event, next) => setPage(next)}
                labelDisplayedRows={({ from, to, count }) => t('common.pageRange', { from, to, count })}
              />
            ) : null}
          </>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
