import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { PaymentMethod, Sale } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { newId } from '../../app/new-id';
import { useFormat } from '../../app/use-format';
import { PAYMENT_METHODS } from './payment-methods';
import { usePosStore } from './pos-store';

/** The core's share rule: cumulative shares, so returning every unit returns exactly the line total. */
function refundShare(
  lineTotal: number,
  lineQuantity: number,
  alreadyRefunded: number,
  quantity: number,
): number {
  const cumulative = (units: number) => Math.round((lineTotal * units) / lineQuantity);
  return cumulative(alreadyRefunded + quantity) - cumulative(alreadyRefunded);
}

/** A partial or full return: quantities per line, where the goods go back, how the money goes back. */
export function RefundDialog({ sale, onDone, onClose }: { sale: Sale; onDone(): void; onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const warehouses = usePosStore((state) => state.warehouses);
  // One id per opened dialog: pressing "Refund" again after a lost answer cannot refund twice.
  const [refundId] = useState(newId);
  const [quantities, setQuantities] = useState<Record<string, number | null>>({});
  const [warehouseId, setWarehouseId] = useState(sale.warehouseId);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const open = sale.lines.filter((line) => line.quantity - line.refundedQuantity > 0);
  const chosen = open
    .map((line) => ({ line, quantity: quantities[line.id] ?? 0 }))
    .filter((entry) => entry.quantity > 0);
  const amount = chosen.reduce(
    (sum, { line, quantity }) =>
      sum + refundShare(line.total, line.quantity, line.refundedQuantity, quantity),
    0,
  );
  const methods = PAYMENT_METHODS.filter(
    (entry) => entry.method !== 'store_credit' || sale.customer !== null,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (chosen.length === 0) found.lines = t('refund.nothing');
    if (reason.trim().length < 3) found.reason = t('validation.reason');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'pos.sales.refund',
      {
        id: refundId,
        saleId: sale.id,
        warehouseId,
        method,
        reason: reason.trim(),
        lines: chosen.map(({ line, quantity }) => ({ saleLineId: line.id, quantity })),
      },
      { form: ['reason', 'method', 'warehouseId'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t('refund.done', { number: result.data.number, amount: format.rupiah(result.data.amount) }),
      'success',
    );
    onDone();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="pos-refund-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('refund.title', { number: sale.number })}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{t('sale.col.item')}</TableCell>
                  <TableCell align="right">{t('sale.col.sold')}</TableCell>
                  <TableCell align="right">{t('sale.col.refunded')}</TableCell>
                  <TableCell align="center">{t('refund.quantity')}</TableCell>
                  <TableCell align="right">{t('refund.amount')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {open.map((line) => {
                  const left = line.quantity - line.refundedQuantity;
                  const quantity = quantities[line.id] ?? 0;
                  return (
                    <TableRow key={line.id}>
                      <TableCell>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {line.name}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {line.sku}
                        </Typography>
                      </TableCell>
                      <TableCell align="right">{format.number(line.quantity)}</TableCell>
                      <TableCell align="right">{format.number(line.refundedQuantity)}</TableCell>
                      <TableCell align="center" sx={{ width: 120 }}>
                        <IntegerField
                          size="small"
                          value={quantities[line.id] ?? null}
                          onChange={(value) => setQuantities((current) => ({ ...current, [line.id]: value }))}
                          max={left}
                          testId={`refund-qty-${line.sku}`}
                          helperText={t('refund.left', { count: left })}
                        />
                      </TableCell>
                      <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                        {format.rupiah(
                          quantity > 0
                            ? refundShare(line.total, line.quantity, line.refundedQuantity, quantity)
                            : 0,
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
            {errors.lines ? <Alert severity="error">{errors.lines}</Alert> : null}
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                select
                label={t('refund.warehouse')}
                value={warehouseId}
                onChange={(event) => setWarehouseId(event.target.value)}
                error={Boolean(errors.warehouseId)}
                helperText={errors.warehouseId}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'refund-warehouse' },
                }}
              >
                {warehouses.map((warehouse) => (
                  <option key={warehouse.id} value={warehouse.id}>
                    {warehouse.code} — {warehouse.name}
                  </option>
                ))}
              </TextField>
              <TextField
                select
                label={t('refund.method')}
                value={method}
                onChange={(event) => setMethod(event.target.value as PaymentMethod)}
                error={Boolean(errors.method)}
                helperText={errors.method}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'refund-method' },
                }}
              >
                {methods.map((entry) => (
                  <option key={entry.method} value={entry.method}>
                    {t(entry.label)}
                  </option>
                ))}
              </TextField>
            </Stack>
            <TextField
              label={t('refund.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'refund-reason' } }}
            />
            <Typography variant="h6" sx={{ textAlign: 'right' }} data-testid="refund-total">
              {t('refund.total', { amount: format.rupiah(amount) })}
            </Typography>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="warning"
            disabled={busy || amount === 0}
            data-testid="refund-submit"
          >
            {t('refund.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
