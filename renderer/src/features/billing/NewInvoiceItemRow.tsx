import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import {
  ITEM_KINDS,
  ITEM_TAX_MODES,
  type ItemDraft,
  type ItemKind,
  type ItemTaxMode,
} from './new-invoice-lines';

/** The contract's cap on one line's amount. */
const MAX_LINE = 100_000_000;

/** One line of the new-invoice form: description, kind, amount (rupiah) and, when PKP, tax mode. */
export function NewInvoiceItemRow({
  item,
  index,
  errors,
  pkp,
  gross,
  isLast,
  canRemove,
  autoFocus,
  onChange,
  onRemove,
  onAddLine,
}: {
  item: ItemDraft;
  index: number;
  errors: FieldErrors;
  pkp: boolean;
  /** What the line adds to the total (negative for a discount); null without an amount. */
  gross: number | null;
  isLast: boolean;
  canRemove: boolean;
  autoFocus: boolean;
  onChange(patch: Partial<ItemDraft>): void;
  onRemove(): void;
  onAddLine(): void;
}) {
  const t = useT();
  const format = useFormat();
  const field = (name: string) => errors[`items.${index}.${name}`];
  const other = Object.entries(errors)
    .filter(
      ([name]) =>
        name.startsWith(`items.${index}.`) &&
        name !== `items.${index}.description` &&
        name !== `items.${index}.amount`,
    )
    .map(([, message]) => message);
  return (
    <Box data-testid="new-invoice-line" data-index={index}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: { xs: 'wrap', sm: 'nowrap' } }}>
        <TextField
          size="small"
          autoFocus={autoFocus}
          label={t('billing.col.description')}
          value={item.description}
          onChange={(event) => onChange({ description: event.target.value })}
          error={Boolean(field('description'))}
          helperText={field('description')}
          sx={{ flex: 1, minWidth: 180 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'new-invoice-description' } }}
        />
        <TextField
          select
          size="small"
          label={t('billing.col.kind')}
          value={item.kind}
          onChange={(event) => onChange({ kind: event.target.value as ItemKind })}
          sx={{ width: 150, flexShrink: 0 }}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'new-invoice-kind' },
          }}
        >
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`billing.kind.${k}`)}
            </option>
          ))}
        </TextField>
        <MoneyField
          size="small"
          label={t('billing.amount')}
          value={item.amount}
          onChange={(amount) => onChange({ amount })}
          max={MAX_LINE}
          error={Boolean(field('amount'))}
          helperText={field('amount')}
          testId="new-invoice-amount"
          sx={{ width: 160, flexShrink: 0 }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || !isLast) return;
            event.preventDefault();
            onAddLine();
          }}
        />
        {pkp ? (
          <TextField
            select
            size="small"
            label={t('billing.col.tax')}
            value={item.taxMode}
            onChange={(event) => onChange({ taxMode: event.target.value as ItemTaxMode })}
            sx={{ width: 210, flexShrink: 0 }}
            slotProps={{
              select: { native: true },
              inputLabel: { shrink: true },
              htmlInput: { 'data-testid': 'new-invoice-tax' },
            }}
          >
            {ITEM_TAX_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`billing.tax.${m}`)}
              </option>
            ))}
          </TextField>
        ) : null}
        <IconButton
          size="small"
          aria-label={t('billing.new.removeLine')}
          title={t('billing.new.removeLine')}
          disabled={!canRemove}
          onClick={onRemove}
          sx={{ mt: 0.5 }}
          data-testid="new-invoice-remove"
        >
          <DeleteOutlineIcon fontSize="small" />
        </IconButton>
      </Box>
      {gross !== null || other.length > 0 ? (
        <Typography
          variant="caption"
          color={other.length > 0 ? 'error' : 'text.secondary'}
          component="div"
          sx={{ mt: 0.25, ml: 0.5 }}
          data-testid="new-invoice-line-gross"
        >
          {other.length > 0
            ? other.join(' ')
            : t('billing.new.lineGross', {
                amount: gross! < 0 ? `−${format.rupiah(-gross!)}` : format.rupiah(gross!),
              })}
        </Typography>
      ) : null}
    </Box>
  );
}
