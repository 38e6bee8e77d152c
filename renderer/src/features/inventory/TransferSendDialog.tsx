import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useActiveWarehouses } from './inventory-store';
import { addLine, ItemLines, type ItemLine } from './ItemLines';
import { ItemPicker } from './ItemPicker';
import { WarehouseSelect } from './WarehouseSelect';

/** Stock leaves one warehouse now and is in transit until the other one receives it. */
export function TransferSendDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const warehouses = useActiveWarehouses();
  const [fromWarehouseId, setFrom] = useState(() => warehouses[0]?.id ?? '');
  const [toWarehouseId, setTo] = useState(() => warehouses[1]?.id ?? '');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<ItemLine[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!fromWarehouseId) found.fromWarehouseId = t('validation.required');
    if (!toWarehouseId) found.toWarehouseId = t('validation.required');
    else if (toWarehouseId === fromWarehouseId) found.toWarehouseId = t('transfers.sameWarehouse');
    if (lines.length === 0) found.lines = t('items.noLines');
    lines.forEach((line, i) => {
      if (!line.quantity) found[`lines.${i}.quantity`] = t('validation.positive');
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'inventory.transfers.send',
      {
        fromWarehouseId,
        toWarehouseId,
        note: note.trim(),
        lines: lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity ?? 0 })),
      },
      { form: ['fromWarehouseId', 'toWarehouseId', ...lines.map((_, i) => `lines.${i}.quantity`)] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('transfers.sent', { number: result.data.number }), 'success');
    onDone();
    onClose();
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      data-testid="transfer-send-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('transfers.sendTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: '1fr auto 1fr', alignItems: 'center' }}>
              <WarehouseSelect
                label={t('transfers.from')}
                value={fromWarehouseId}
                onChange={(id) => {
                  setFrom(id);
                  // On-hand shown on the lines belongs to the old source: start the lines again.
                  setLines([]);
                }}
                warehouses={warehouses}
                error={Boolean(errors.fromWarehouseId)}
                helperText={errors.fromWarehouseId}
                testId="transfer-from"
              />
              <ArrowForwardIcon color="action" />
              <WarehouseSelect
                label={t('transfers.to')}
                value={toWarehouseId}
                onChange={setTo}
                warehouses={warehouses}
                error={Boolean(errors.toWarehouseId)}
                helperText={errors.toWarehouseId}
                testId="transfer-to"
              />
            </Box>
            <ItemPicker
              key={fromWarehouseId}
              label={t('items.addByScan')}
              testId="transfer-item"
              warehouseId={fromWarehouseId || undefined}
              onPick={(hit) => setLines((current) => addLine(current, hit))}
            />
            <ItemLines lines={lines} onChange={setLines} testId="transfer-lines" showOnHand errors={errors} />
            {errors.lines ? <Typography color="error">{errors.lines}</Typography> : null}
            <TextField
              label={t('stock.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'transfer-note' } }}
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="transfer-send-submit">
            {t('transfers.send')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
