import SearchIcon from '@mui/icons-material/Search';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useLoader } from '../../app/use-loader';
import { formatIndonesianPhone } from '../../../../shared/domain/phone';

export type PickedCustomer = { id: string; code: string; name: string };

/** Finds a customer by name, code or phone; Enter picks the first match. */
export function CustomerSearch({
  onPick,
  testId = 'pay-customer-search',
}: {
  onPick(customer: PickedCustomer): void;
  testId?: string;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query.trim(), 200);
  const { data, loading } = useLoader(wanted, async () => {
    if (!wanted) return { customers: [], total: 0 };
    const result = await call('customers.list', { query: wanted, limit: 8 });
    return result.ok ? result.data : null;
  });
  const customers = wanted ? (data?.customers ?? []) : [];
  return (
    <>
      <TextField
        fullWidth
        autoFocus
        placeholder={t('billing.pay.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && customers[0]) {
            event.preventDefault();
            onPick(customers[0]);
          }
        }}
        slotProps={{
          htmlInput: { 'data-testid': testId, 'aria-label': t('billing.pay.search') },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      {wanted && loading ? <LinearProgress sx={{ mt: 0.5 }} /> : null}
      {wanted && !loading && customers.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="pay-customer-none">
          {t('billing.pay.noCustomer')}
        </Typography>
      ) : null}
      <List dense>
        {customers.map((customer) => (
          <ListItemButton
            key={customer.id}
            onClick={() => onPick(customer)}
            data-testid="pay-customer-option"
          >
            <ListItemText
              primary={customer.name}
              secondary={`${customer.code}${customer.phone ? ` · ${formatIndonesianPhone(customer.phone)}` : ''}`}
            />
          </ListItemButton>
        ))}
      </List>
    </>
  );
}
