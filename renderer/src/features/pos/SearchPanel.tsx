import GridViewIcon from '@mui/icons-material/GridView';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import SearchIcon from '@mui/icons-material/Search';
import ViewListIcon from '@mui/icons-material/ViewList';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { keyframes } from '@mui/material/styles';
import { useState } from 'react';
import type { SearchHit } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';
import { registerSearchInput } from './search-focus';
import type { useProductSearch } from './use-product-search';

type Search = ReturnType<typeof useProductSearch>;
type View = 'grid' | 'list';
const VIEW_KEY = 'gerai.pos.view';

const pulseOk = keyframes`from { box-shadow: 0 0 0 4px rgba(34,197,94,.55); } to { box-shadow: 0 0 0 0 rgba(34,197,94,0); }`;
const pulseMiss = keyframes`from { box-shadow: 0 0 0 4px rgba(239,68,68,.6); } to { box-shadow: 0 0 0 0 rgba(239,68,68,0); }`;

function storedView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === 'list' ? 'list' : 'grid';
  } catch {
    return 'grid';
  }
}

function StockChip({ hit }: { hit: SearchHit }) {
  const t = useT();
  const format = useFormat();
  if (hit.onHand === null) return null;
  const out = hit.onHand <= 0;
  return (
    <Chip
      size="small"
      variant={out ? 'filled' : 'outlined'}
      color={out ? 'error' : 'default'}
      label={t('pos.search.onHand', { count: format.number(hit.onHand), unit: hit.unit })}
      sx={{ height: 22, fontSize: 12 }}
    />
  );
}

/** The search box the scanner types into, and what it found as tiles or a list. */
export function SearchPanel({ search }: { search: Search }) {
  const t = useT();
  const format = useFormat();
  const [view, setView] = useState<View>(storedView);
  const feedback = search.feedback;

  const chooseView = (next: View | null) => {
    if (!next) return;
    setView(next);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // Remembered for this session only.
    }
  };

  return (
    <Paper
      variant="outlined"
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', overflow: 'hidden' }}
    >
      <Box sx={{ p: 1.5, display: 'flex', gap: 1, alignItems: 'center' }}>
        <Box sx={{ position: 'relative', flex: 1 }}>
          {feedback ? (
            // Re-keyed on every scan so the flash plays again; the input itself keeps its focus.
            <Box
              key={feedback.at}
              aria-hidden
              data-testid="pos-scan-flash"
              data-kind={feedback.kind}
              data-via={feedback.via}
              sx={{
                position: 'absolute',
                inset: 0,
                borderRadius: 1.5,
                pointerEvents: 'none',
                animation: `${feedback.kind === 'added' ? pulseOk : pulseMiss} 700ms ease-out`,
              }}
            />
          ) : null}
          <TextField
            inputRef={registerSearchInput}
            value={search.query}
            onChange={(event) => search.setQuery(event.target.value)}
            placeholder={t('pos.search.placeholder')}
            autoFocus
            autoComplete="off"
            slotProps={{
              htmlInput: {
                'data-testid': 'pos-search',
                'aria-label': t('pos.search.placeholder'),
                spellCheck: false,
                autoCapitalize: 'none',
              },
              input: {
                sx: { fontSize: 18 },
                startAdornment: (
                  <InputAdornment position="start">
                    <SearchIcon />
                  </InputAdornment>
                ),
                endAdornment: (
                  <InputAdornment position="end">
                    <Chip size="small" label="F2" variant="outlined" sx={{ fontSize: 11, height: 20 }} />
                  </InputAdornment>
                ),
              },
            }}
          />
        </Box>
        <ToggleButtonGroup
          value={view}
          exclusive
          size="small"
          onChange={(_event, next: View | null) => chooseView(next)}
          aria-label={t('pos.search.view')}
        >
          <ToggleButton value="grid" aria-label={t('pos.search.grid')} data-testid="pos-view-grid">
            <GridViewIcon fontSize="small" />
          </ToggleButton>
          <ToggleButton value="list" aria-label={t('pos.search.list')} data-testid="pos-view-list">
            <ViewListIcon fontSize="small" />
          </ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ height: 3 }}>{search.searching ? <LinearProgress /> : null}</Box>
      <Box sx={{ flex: 1, overflow: 'auto', px: 1.5, pb: 1.5 }} data-testid="pos-results">
        {search.term === '' ? (
          <EmptyState
            icon={<QrCodeScannerIcon />}
            title={t('pos.search.idleTitle')}
            description={t('pos.search.idleHint')}
          />
        ) : search.hits.length === 0 && !search.searching ? (
          <EmptyState icon={<SearchIcon />} title={t('pos.search.none', { query: search.term })} />
        ) : view === 'grid' ? (
          <Box
            sx={{
              display: 'grid',
              gap: 1,
              gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
            }}
          >
            {search.hits.map((hit, index) => (
              <ButtonBase
                key={hit.itemId}
                onClick={() => search.pick(hit)}
                data-testid={`pos-hit-${hit.sku}`}
                sx={{
                  display: 'flex',
                  flexDirection: 'column',
                  alignItems: 'stretch',
                  textAlign: 'left',
                  gap: 0.5,
                  p: 1.25,
                  minHeight: 104,
                  borderRadius: 2,
                  border: 1,
                  borderColor: index === 0 ? 'primary.main' : 'divider',
                  bgcolor: 'background.paper',
                  '&:hover': { bgcolor: 'action.hover' },
                }}
              >
                <Typography
                  variant="body2"
                  sx={{
                    fontWeight: 650,
                    lineHeight: 1.25,
                    display: '-webkit-box',
                    WebkitLineClamp: 2,
                    WebkitBoxOrient: 'vertical',
                    overflow: 'hidden',
                  }}
                >
                  {hit.name}
                </Typography>
                <Typography variant="caption" color="text.secondary" noWrap>
                  {hit.sku}
                </Typography>
                <Box sx={{ flex: 1 }} />
                <Box
                  sx={{
                    display: 'flex',
                    alignItems: 'center',
                    gap: 0.5,
                    justifyContent: 'space-between',
                    flexWrap: 'wrap',
                  }}
                >
                  <Typography variant="body2" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }} color="primary">
                    {format.rupiah(hit.price)}
                  </Typography>
                  <StockChip hit={hit} />
                </Box>
              </ButtonBase>
            ))}
          </Box>
        ) : (
          <List dense disablePadding>
            {search.hits.map((hit, index) => (
              <ListItemButton
                key={hit.itemId}
                onClick={() => search.pick(hit)}
                selected={index === 0}
                data-testid={`pos-hit-${hit.sku}`}
                sx={{ borderRadius: 1.5, gap: 1 }}
              >
                <ListItemText
                  primary={hit.name}
                  secondary={hit.barcode ? `${hit.sku} · ${hit.barcode}` : hit.sku}
                  slotProps={{ primary: { sx: { fontWeight: 600 } } }}
                />
                <StockChip hit={hit} />
                <Typography sx={{ fontWeight: 700, minWidth: 96, textAlign: 'right' }}>
                  {format.rupiah(hit.price)}
                </Typography>
              </ListItemButton>
            ))}
          </List>
        )}
      </Box>
    </Paper>
  );
}
