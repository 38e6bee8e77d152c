import InputAdornment from '@mui/material/InputAdornment';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type MoneyFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'slotProps'> & {
  value: number | null;
  onChange(value: number | null): void;
  testId: string;
  /** Largest amount accepted (the contract's own cap by default). */
  max?: number;
};

const MAX_RUPIAH = 1_000_000_000_000;

/** "12500" → "12.500": how people read rupiah, while typing too. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Whole rupiah in, whole rupiah out: digits only, grouped with dots as they are typed. */
export function MoneyField({ value, onChange, testId, max = MAX_RUPIAH, ...props }: MoneyFieldProps) {
  return (
    <TextField
      {...props}
      value={value === null ? '' : groupDigits(value)}
      onChange={(event) => {
        const digits = event.target.value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
        if (digits === '') return onChange(null);
        onChange(Math.min(Number(digits), max));
      }}
      slotProps={{
        htmlInput: { 'data-testid': testId, inputMode: 'numeric', autoComplete: 'off' },
        input: { startAdornment: <InputAdornment position="start">Rp</InputAdornment> },
      }}
    />
  );
}
