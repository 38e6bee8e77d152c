import InputBase from '@mui/material/InputBase';
import { useState } from 'react';
import { focusSearch } from './search-focus';

type QuantityInputProps = { value: number; onCommit(quantity: number): void; testId: string; label: string };

/** A line's quantity, typed: Enter or leaving the field applies it, Esc puts the old one back. */
export function QuantityInput({ value, onCommit, testId, label }: QuantityInputProps) {
  const [text, setText] = useState(String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(String(value));
  }
  const commit = () => {
    const quantity = Number(text);
    if (/^\d+$/.test(text) && quantity >= 1) onCommit(quantity);
    else setText(String(value));
  };
  return (
    <InputBase
      value={text}
      onChange={(event) => setText(event.target.value.replace(/\D/g, '').slice(0, 6))}
      onBlur={commit}
      onFocus={(event) => event.target.select()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
          focusSearch();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          setText(String(value));
          focusSearch();
        }
      }}
      inputProps={{
        'data-testid': testId,
        'aria-label': label,
        inputMode: 'numeric',
        style: { textAlign: 'center', padding: '4px 0' },
      }}
      sx={{
        width: 52,
        mx: 0.25,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        fontWeight: 700,
      }}
    />
  );
}
