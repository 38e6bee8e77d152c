import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

type ItemPickerProps = {
  label: string;
  testId: string;
  onPick(hit: SearchHit): void;
  /** Shows on-hand in this warehouse next to each hit. */
  warehouseId?: string;
  autoFocus?: boolean;
  size?: 'small' | 'medium';
};

const SEARCH_DELAY_MS = 200;

/**
 * Finds an item by name, SKU or barcode (server-side, never the whole catalogue). A scanner's
 * Enter picks the exact barcode/SKU at once, even before the suggestions arrive.
 */
export function ItemPicker({
  label,
  testId,
  onPick,
  warehouseId,
  autoFocus,
  size = 'medium',
}: ItemPickerProps) {
  const t = useT();
  const format = useFormat();
  const [input, setInput] = useState('');
  const [open, setOpen] = useState(false);
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] }>({ query: '', hits: [] });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sequence = useRef(0);

  const search = async (query: string): Promise<SearchHit[]> => {
    const mine = ++sequence.current;
    const result = await call(
      'catalog.products.search',
      { query, limit: 15, ...(warehouseId ? { warehouseId } : {}) },
      { quiet: true },
    );
    const found = result.ok ? result.data : [];
    if (mine === sequence.current) setHits({ query, hits: found });
    return found;
  };

  const pick = (hit: SearchHit) => {
    clearTimeout(timer.current);
    sequence.current++;
    setInput('');
    setHits({ query: '', hits: [] });
    onPick(hit);
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLDivElement> & { defaultMuiPrevented?: boolean }) => {
    if (event.key !== 'Enter') return;
    const query = input.trim();
    // Suggestions for this very text are showing: let the highlighted one be chosen.
    if (query === '' || (hits.query === query && hits.hits.length > 0)) return;
    event.defaultMuiPrevented = true;
    event.preventDefault();
    clearTimeout(timer.current);
    const found = await search(query);
    const exact = found.find((hit) => hit.barcode === query || hit.sku === query.toUpperCase());
    if (exact) pick(exact);
    else if (found.length === 0) notify(t('pos.search.nothing', { query }), 'warning');
  };

  const loading = input.trim() !== '' && hits.query !== input.trim();
  return (
    <Autocomplete<SearchHit, false, false, false>
      options={input.trim() ? hits.hits : []}
      filterOptions={(options) => options}
      getOptionLabel={(hit) => hit.name}
      isOptionEqualToValue={(a, b) => a.itemId === b.itemId}
      value={null}
      inputValue={input}
      // Nothing to suggest before something is typed: no empty popup under the field.
      open={open && input.trim() !== ''}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      autoHighlight
      size={size}
      loading={loading}
      loadingText={t('common.loading')}
      noOptionsText={input.trim() ? t('pos.search.none', { query: input.trim() }) : t('items.typeToSearch')}
      onInputChange={(_event, value, reason) => {
        if (reason === 'reset') return;
        setInput(value);
        clearTimeout(timer.current);
        if (value.trim()) timer.current = setTimeout(() => void search(value.trim()), SEARCH_DELAY_MS);
      }}
      onChange={(_event, hit) => {
        if (hit) pick(hit);
      }}
      renderOption={({ key, ...props }, hit) => (
        <Box
          component="li"
          key={key}
          {...props}
          sx={{ display: 'flex', gap: 1 }}
          data-testid={`${testId}-option-${hit.sku}`}
        >
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
              {hit.name}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {hit.sku}
              {hit.barcode ? ` · ${hit.barcode}` : ''}
            </Typography>
          </Box>
          <Box sx={{ textAlign: 'right' }}>
            <Typography variant="body2">{format.rupiah(hit.price)}</Typography>
            {hit.onHand !== null ? (
              <Typography variant="caption" color={hit.onHand > 0 ? 'text.secondary' : 'error.main'}>
                {t('pos.search.onHand', { count: format.number(hit.onHand), unit: hit.unit })}
              </Typography>
            ) : null}
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          autoFocus={autoFocus}
          onKeyDown={(event) => void onKeyDown(event)}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId, spellCheck: false },
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <QrCodeScannerIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
      )}
    />
  );
}
