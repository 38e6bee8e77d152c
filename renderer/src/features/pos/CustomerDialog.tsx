import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Customer } from '../../../../shared/contract/index';
import { EmptyState } from '../../app/components/EmptyState';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useCartStore } from './cart-store';
import { memberPricesFor, searchCustomers, toCartCustomer } from './customers';

/** F4: find a customer by name, code or phone; their group's prices and store credit then apply. */
export function CustomerDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const wanted = useDebouncedValue(query, 200);
  const [found, setFound] = useState<{ query: string; customers: Customer[] } | null>(null);
  const current = useCartStore((state) => state.customer);

  useEffect(() => {
    let live = true;
    void searchCustomers(wanted).then((page) => {
      if (live) setFound({ query: wanted, customers: page?.customers ?? [] });
    });
    return () => {
      live = false;
    };
  }, [wanted]);

  const choose = async (customer: Customer) => {
    useCartStore.getState().setCustomer(toCartCustomer(customer), null);
    onClose();
    const prices = await memberPricesFor(customer.groupId);
    // Still the same customer on the cart? Then show their prices.
    if (useCartStore.getState().customer?.id === customer.id)
      useCartStore.getState().setCustomer(toCartCustomer(customer), prices);
  };

  const loading = found === null || found.query !== wanted || wanted !== query;
  return (
    <Dialog
      open
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      disableRestoreFocus
      data-testid="pos-customer-dialog"
    >
      <DialogTitle>{t('pos.customer.title')}</DialogTitle>
      <DialogContent>
        <TextField
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('pos.customer.search')}
          autoFocus
          sx={{ mt: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'pos-customer-search', autoComplete: 'off' } }}
        />
        <LinearProgress sx={{ mt: 1, visibility: loading ? 'visible' : 'hidden' }} />
        {!loading && found.customers.length === 0 ? (
          <EmptyState icon={<PersonSearchIcon />} title={t('pos.customer.none')} />
        ) : null}
        <List dense>
          {(found?.customers ?? []).map((customer) => (
            <ListItemButton
              key={customer.id}
              selected={customer.id === current?.id}
              onClick={() => void choose(customer)}
              data-testid={`pos-customer-${customer.code}`}
            >
              <ListItemText
                primary={`${customer.name} · ${customer.code}`}
                secondary={[customer.phone, customer.groupName].filter(Boolean).join(' · ')}
                slotProps={{ primary: { sx: { fontWeight: 600 } } }}
              />
              {customer.credit > 0 ? (
                <Typography variant="body2" color="primary" sx={{ fontWeight: 600 }}>
                  {t('pos.customer.credit', { amount: format.rupiah(customer.credit) })}
                </Typography>
              ) : null}
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {current ? (
          <Button
            color="error"
            sx={{ mr: 'auto' }}
            onClick={() => {
              useCartStore.getState().setCustomer(null);
              onClose();
            }}
          >
            {t('pos.customer.remove')}
          </Button>
        ) : null}
        <Button onClick={onClose}>{t('common.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
