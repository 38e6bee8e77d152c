import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useState } from 'react';

type IntegerFieldProps = Omit<TextFieldProps, 'value' | 'onChange' | 'type' | 'slotProps'> & {
  value: number | null;
  onChange(value: number | null): void;
  testId: string;
  /** Allows a leading minus (stock adjustments). */
  signed?: boolean;
  max?: number;
};

function parse(text: string, signed: boolean, max: number): number | null {
  const match = (signed ? /^-?\d+$/ : /^\d+$/).exec(text.trim());
  if (!match) return null;
  const number = Number(text.trim());
  return Math.max(-max, Math.min(max, number));
}

/** Whole numbers (quantities, counts, percents): digits only, so a comma cannot slip in. */
export function IntegerField({
  value,
  onChange,
  testId,
  signed = false,
  max = 10_000_000,
  ...props
}: IntegerFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  // A value set from outside (a reset, a scan) replaces what is shown; what is being typed stays.
  if (value !== seen) {
    setSeen(value);
    if (parse(text, signed, max) !== value) setText(value === null ? '' : String(value));
  }
  return (
    <TextField
      {...props}
      value={text}
      onChange={(event) => {
        const cleaned = event.target.value.replace(signed ? /[^\d-]/g : /\D/g, '').slice(0, 11);
        const next = signed ? cleaned.replace(/(?!^)-/g, '') : cleaned;
        setText(next);
        const parsed = parse(next, signed, max);
        setSeen(parsed);
        onChange(parsed);
      }}
      slotProps={{
        htmlInput: {
          'data-testid': testId,
          inputMode: signed ? 'text' : 'numeric',
          autoComplete: 'off',
        },
      }}
    />
  );
}
