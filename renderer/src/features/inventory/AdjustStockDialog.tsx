import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { StockLevel } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { IntegerField } from '../../app/components/IntegerField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

type Kind = 'adjustment' | 'write_off';

/** A correction (signed) or a write-off (damaged, expired: stock out), always with a reason. */
export function AdjustStockDialog({
  level,
  onClose,
  onDone,
}: {
  level: StockLevel;
  onClose(): void;
  onDone(): void;
}) {
  const t = useT();
  const format = useFormat();
  const [kind, setKind] = useState<Kind>('adjustment');
  const [quantity, setQuantity] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // A write-off is typed as how many go out; the ledger stores it as a negative movement.
  const signed = quantity === null ? null : kind === 'write_off' ? -Math.abs(quantity) : quantity;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!signed) found.quantity = t('validation.nonZero');
    if (reason.trim().length < 3) found.reason = t('validation.reason');
    setErrors(found);
    if (Object.keys(found).length > 0 || !signed) return;
    setBusy(true);
    const result = await call(
      'inventory.stock.adjust',
      { warehouseId: level.warehouseId, itemId: level.itemId, kind, quantity: signed, reason: reason.trim() },
      { form: ['quantity', 'reason'] },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(
      t('stock.adjusted', { name: level.name, balance: format.number(result.data.balanceAfter) }),
      'success',
    );
    onDone();
    onClose();
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="xs" fullWidth data-testid="adjust-dialog">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('stock.adjustTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            <Typography variant="body2">
              <strong>{level.name}</strong> · {level.sku} · {level.warehouseCode}
              <br />
              {t('stock.onHandNow', { count: format.number(level.onHand) })}
            </Typography>
            <ToggleButtonGroup
              exclusive
              fullWidth
              size="small"
              value={kind}
              onChange={(_event, next: Kind | null) => next && setKind(next)}
            >
              <ToggleButton value="adjustment" data-testid="adjust-kind-adjustment">
                {t('stock.kind.adjustment')}
              </ToggleButton>
              <ToggleButton value="write_off" data-testid="adjust-kind-write_off">
                {t('stock.kind.write_off')}
              </ToggleButton>
            </ToggleButtonGroup>
            <IntegerField
              label={kind === 'write_off' ? t('stock.writeOffQuantity') : t('stock.adjustQuantity')}
              value={quantity}
              onChange={setQuantity}
              signed={kind === 'adjustment'}
              autoFocus
              error={Boolean(errors.quantity)}
              helperText={errors.quantity ?? (kind === 'adjustment' ? t('stock.adjustHelp') : undefined)}
              testId="adjust-quantity"
            />
            <TextField
              label={t('stock.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              error={Boolean(errors.reason)}
              helperText={errors.reason}
              slotProps={{ htmlInput: { maxLength: 300, 'data-testid': 'adjust-reason' } }}
            />
            {signed ? (
              <Alert severity={signed < 0 ? 'warning' : 'info'}>
                {t('stock.afterAdjust', { count: format.number(level.onHand + signed) })}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant="contained"
            color="warning"
            disabled={busy}
            data-testid="adjust-submit"
          >
            {t('common.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
