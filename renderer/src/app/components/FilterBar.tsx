import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/** The row above a list: search, filters, then (after a `FilterSpacer`) totals and actions. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>{children}</Box>
  );
}

/** Pushes what follows it in a `FilterBar` to the right. */
export function FilterSpacer() {
  return <Box sx={{ flex: 1 }} />;
}

type SelectFilterProps<V extends string> = {
  label: string;
  value: V | '';
  onChange(value: V | ''): void;
  options: readonly { value: V; label: string }[];
  testId: string;
  width: number;
  disabled?: boolean;
};

/** A native select whose first choice, "all", means no filter. */
export function SelectFilter<V extends string>({
  label,
  value,
  onChange,
  options,
  testId,
  width,
  disabled,
}: SelectFilterProps<V>) {
  const t = useT();
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as V | '')}
      disabled={disabled}
      sx={{ width }}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId },
      }}
    >
      <option value="">{t('common.all')}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}
