import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { Discount } from '../../../../shared/domain/pricing';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

type DiscountDialogProps = {
  title: string;
  subtitle?: string;
  /** What the discount applies to, for the preview and to cap an amount. */
  gross: number;
  initial: Discount | null;
  limitPercent: number;
  needsApproval: boolean;
  onApply(discount: Discount | null): void;
  onClose(): void;
};

/** A discount in rupiah or percent, with what it comes to; rendered only while open. */
export function DiscountDialog({
  title,
  subtitle,
  gross,
  initial,
  limitPercent,
  needsApproval,
  onApply,
  onClose,
}: DiscountDialogProps) {
  const t = useT();
  const format = useFormat();
  const [kind, setKind] = useState<Discount['kind']>(initial?.kind ?? 'percent');
  const [value, setValue] = useState<number | null>(initial ? initial.value : null);
  const amount =
    value === null ? 0 : kind === 'amount' ? Math.min(gross, value) : Math.floor((gross * value) / 100);
  const percent = gross > 0 ? (amount * 100) / gross : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(
      value === null || value === 0
        ? null
        : { kind, value: kind === 'amount' ? Math.min(gross, value) : value },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="xs"
      fullWidth
      disableRestoreFocus
      data-testid="pos-discount-dialog"
    >
      <form noValidate onSubmit={submit}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {subtitle ? (
              <Typography variant="body2" color="text.secondary">
                {subtitle}
              </Typography>
            ) : null}
            <ToggleButtonGroup
              exclusive
              fullWidth
              size="small"
              value={kind}
              onChange={(_event, next: Discount['kind'] | null) => {
                if (!next) return;
                setKind(next);
                setValue(null);
              }}
            >
              <ToggleButton value="percent" data-testid="pos-discount-percent">
                {t('pos.discount.percent')}
              </ToggleButton>
              <ToggleButton value="amount" data-testid="pos-discount-amount">
                {t('pos.discount.amount')}
              </ToggleButton>
            </ToggleButtonGroup>
            {kind === 'amount' ? (
              <MoneyField
                label={t('pos.discount.value')}
                value={value}
                onChange={setValue}
                max={gross}
                autoFocus
                testId="pos-discount-value"
              />
            ) : (
              <IntegerField
                label={t('pos.discount.valuePercent')}
                value={value}
                onChange={setValue}
                max={100}
                autoFocus
                testId="pos-discount-value"
              />
            )}
            <Typography variant="body2" data-testid="pos-discount-preview">
              {t('pos.discount.preview', {
                amount: format.rupiah(amount),
                total: format.rupiah(gross - amount),
              })}
            </Typography>
            {needsApproval && percent > limitPercent ? (
              <Typography variant="body2" color="warning.main">
                {t('pos.discount.aboveLimit', { limit: limitPercent })}
              </Typography>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {initial ? (
            <Button color="error" onClick={() => onApply(null)} sx={{ mr: 'auto' }}>
              {t('pos.discount.remove')}
            </Button>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="pos-discount-apply">
            {t('pos.discount.apply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
