import SearchIcon from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import type { SxProps, Theme } from '@mui/material/styles';

type SearchFieldProps = {
  /** Placeholder and accessible name. */
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  sx?: SxProps<Theme>;
};

/** A list screen's search box with its magnifier; the caller debounces what it sends. */
export function SearchField({ label, value, onChange, testId, sx }: SearchFieldProps) {
  return (
    <TextField
      size="small"
      placeholder={label}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      sx={sx}
      slotProps={{
        htmlInput: { 'data-testid': testId, 'aria-label': label },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
