import TextField from '@mui/material/TextField';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { useT } from '../../app/i18n/use-t';

export type LineKind = 'installation' | 'device' | 'other' | 'discount';
const TAX_MODES = ['included', 'excluded', 'exempt'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

/** What the line fields hold: amount is null until typed. */
export type LineDraft = { kind: LineKind; description: string; amount: number | null; taxMode: TaxMode };

type LineFieldsProps = {
  value: LineDraft;
  onChange(next: LineDraft): void;
  errors: FieldErrors;
  /** The kinds offered, in this order. */
  kinds: readonly LineKind[];
  /** Test ids: `<testId>-kind`, `-description`, `-amount`, `-tax`. */
  testId: string;
  autoFocusDescription?: boolean;
};

/** The fields of an invoice line or a one-off charge: kind, description, amount and tax mode. */
export function LineFields({
  value,
  onChange,
  errors,
  kinds,
  testId,
  autoFocusDescription,
}: LineFieldsProps) {
  const t = useT();
  const set = (patch: Partial<LineDraft>) => onChange({ ...value, ...patch });
  return (
    <>
      <TextField
        select
        label={t('billing.col.kind')}
        value={value.kind}
        onChange={(event) => set({ kind: event.target.value as LineKind })}
        slotProps={{
          select: { native: true },
          inputLabel: { shrink: true },
          htmlInput: { 'data-testid': `${testId}-kind` },
        }}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`billing.kind.${k}`)}
          </option>
        ))}
      </TextField>
      <TextField
        autoFocus={autoFocusDescription}
        label={t('billing.col.description')}
        value={value.description}
        onChange={(event) => set({ description: event.target.value })}
        error={Boolean(errors.description)}
        helperText={errors.description}
        slotProps={{ htmlInput: { maxLength: 200, 'data-testid': `${testId}-description` } }}
      />
      <MoneyField
        label={t('billing.amount')}
        value={value.amount}
        onChange={(amount) => set({ amount })}
        error={Boolean(errors.amount)}
        helperText={
          errors.amount ?? (value.kind === 'discount' ? t('billing.charge.discountHint') : undefined)
        }
        testId={`${testId}-amount`}
      />
      <TextField
        select
        label={t('billing.col.tax')}
        value={value.taxMode}
        onChange={(event) => set({ taxMode: event.target.value as TaxMode })}
        slotProps={{
          select: { native: true },
          inputLabel: { shrink: true },
          htmlInput: { 'data-testid': `${testId}-tax` },
        }}
      >
        {TAX_MODES.map((m) => (
          <option key={m} value={m}>
            {t(`billing.tax.${m}`)}
          </option>
        ))}
      </TextField>
    </>
  );
}
