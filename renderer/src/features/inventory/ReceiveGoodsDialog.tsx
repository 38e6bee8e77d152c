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
import { useFormat } from '../../app/use-format';
import { useActiveWarehouses } from './inventory-store';
import { addLine, ItemLines, type ItemLine } from './ItemLines';
import { ItemPicker } from './ItemPicker';
import { WarehouseSelect } from './WarehouseSelect';

/** Goods in from a supplier: lines with quantity and unit cost (the moving-average cost follows). */
export function ReceiveGoodsDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const t = useT();
  const format = useFormat();
  const warehouses = useActiveWarehouses();
  const [warehouseId, setWarehouseId] = useState(() => warehouses[0]?.id ?? '');
  const [supplier, setSupplier] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<ItemLine[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const total = lines.reduce((sum, line) => sum + (line.quantity ?? 0) * (line.unitCost ?? 0), 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!warehouseId) found.warehouseId = t('validation.required');
    if (lines.length === 0) found.lines = t('items.noLines');
    lines.forEach((line, i) => {
      if (!line.quantity) found[`lines.${i}.quantity`] = t('validation.positive');
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'inventory.stock.receive',
      {
        warehouseId,
        supplier: supplier.trim(),
        note: note.trim(),
        lines: lines.map((line) => ({
          itemId: line.itemId,
          quantity: line.quantity ?? 0,
          unitCost: line.unitCost ?? 0,
        })),
      },
      { form: ['warehouseId', 'supplier', ...lines.map((_, i) => `lines.${i}.quantity`)] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('stock.received', { number: result.data.number }), 'success');
    onDone();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="md" fullWidth data-testid="receive-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('stock.receiveTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              <WarehouseSelect
                value={warehouseId}
                onChange={setWarehouseId}
                warehouses={warehouses}
                error={Boolean(errors.warehouseId)}
                helperText={errors.warehouseId}
                testId="receive-warehouse"
              />
              <TextField
                label={t('stock.supplier')}
                value={supplier}
                onChange={(event) => setSupplier(event.target.value)}
                slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'receive-supplier' } }}
              />
            </Box>
            <ItemPicker
              label={t('items.addByScan')}
              testId="receive-item"
              onPick={(hit) => setLines((current) => addLine(current, hit))}
              autoFocus
            />
            <ItemLines lines={lines} onChange={setLines} testId="receive-lines" withCost errors={errors} />
            {errors.lines ? <Typography color="error">{errors.lines}</Typography> : null}
            <TextField
              label={t('stock.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
            <Typography variant="h6" sx={{ textAlign: 'right' }}>
              {t('stock.receiveTotal', { amount: format.rupiah(total) })}
            </Typography>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="receive-submit">
            {t('stock.receive')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
