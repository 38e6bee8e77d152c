import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { StockLevel } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';

/** The low-stock threshold of one item in one warehouse; empty falls back to the item's own. */
export function ThresholdDialog({
  level,
  onClose,
  onDone,
}: {
  level: StockLevel;
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const [value, setValue] = useState<number | null>(level.lowStockThreshold || null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await call(
      'inventory.thresholds.set',
      { itemId: level.itemId, warehouseId: level.warehouseId, lowStockThreshold: value },
      { form: ['lowStockThreshold'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('stock.thresholdSaved', { name: level.name, code: level.warehouseCode }), 'success');
    onDone();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="threshold-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('stock.thresholdTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            <Typography variant="body2">
              <strong>{level.name}</strong> · {level.sku} · {level.warehouseCode}
            </Typography>
            <IntegerField
              label={t('stock.threshold')}
              value={value}
              onChange={setValue}
              autoFocus
              error={Boolean(errors.lowStockThreshold)}
              helperText={errors.lowStockThreshold ?? t('stock.thresholdHelp')}
              testId="threshold-value"
            />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="threshold-submit">
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
