import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Transfer } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { useWarehouseCode } from './inventory-store';

/** What arrived: all of it by default, or part (the rest stays in transit). */
export function TransferReceiveDialog({
  transfer,
  onClose,
  onDone,
}: {
  transfer: Transfer;
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const format = useFormat();
  const code = useWarehouseCode();
  const open = transfer.lines.filter((line) => line.quantitySent > line.quantityReceived);
  const [quantities, setQuantities] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(open.map((line) => [line.itemId, line.quantitySent - line.quantityReceived])),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const chosen = open.filter((line) => (quantities[line.itemId] ?? 0) > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setErrors({ lines: t('transfers.nothingReceived') });
      return;
    }
    setBusy(true);
    const result = await call(
      'inventory.transfers.receive',
      {
        transferId: transfer.id,
        lines: chosen.map((line) => ({ itemId: line.itemId, quantity: quantities[line.itemId] ?? 0 })),
      },
      { form: chosen.map((_, i) => `lines.${i}.quantity`) },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t(result.data.status === 'received' ? 'transfers.receivedAll' : 'transfers.receivedPart', {
        number: transfer.number,
      }),
      'success',
    );
    onDone();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      data-testid="transfer-receive-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('transfers.receiveTitle', { number: transfer.number })}</DialogTitle>
        <DialogContent dividers>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {code(transfer.fromWarehouseId)} → {code(transfer.toWarehouseId)} ·{' '}
            {format.dateTime(transfer.sentAt)}
          </Typography>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('sale.col.item')}</TableCell>
                <TableCell align="right">{t('transfers.col.sent')}</TableCell>
                <TableCell align="right">{t('transfers.col.received')}</TableCell>
                <TableCell align="center">{t('transfers.col.arrivedNow')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {open.map((line, index) => {
                const left = line.quantitySent - line.quantityReceived;
                const error =
                  errors[`lines.${chosen.findIndex((other) => other.itemId === line.itemId)}.quantity`];
                return (
                  <TableRow key={line.itemId}>
                    <TableCell>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {line.name}
                      </Typography>
                      <Typography variant="caption" color="text.secondary">
                        {line.sku}
                      </Typography>
                    </TableCell>
                    <TableCell align="right">{format.number(line.quantitySent)}</TableCell>
                    <TableCell align="right">{format.number(line.quantityReceived)}</TableCell>
                    <TableCell align="center" sx={{ width: 130 }}>
                      <IntegerField
                        size="small"
                        value={quantities[line.itemId] ?? null}
                        onChange={(value) =>
                          setQuantities((current) => ({ ...current, [line.itemId]: value }))
                        }
                        max={left}
                        error={Boolean(error)}
                        helperText={error ?? t('refund.left', { count: left })}
                        testId={`transfer-receive-qty-${index}`}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {errors.lines ? (
            <Typography color="error" sx={{ mt: 1 }}>
              {errors.lines}
            </Typography>
          ) : null}
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="transfer-receive-submit">
            {t('transfers.receive')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
