import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Customer } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { useT } from '../../app/i18n/use-t';
import { useDebouncedValue } from '../../app/use-debounced-value';
import type { PickedCustomer } from './adopt-rows';

/** Searches an existing customer for one adopted secret (name, code or WhatsApp). */
export function AdoptCustomerPicker({
  secretName,
  initialQuery,
  onPick,
  onClose,
}: {
  secretName: string;
  initialQuery: string;
  onPick(customer: PickedCustomer): void;
  onClose(): void;
}) {
  const t = useT();
  const [input, setInput] = useState(initialQuery);
  const wanted = useDebouncedValue(input.trim(), 250);
  const [options, setOptions] = useState<Customer[]>([]);
  const [answered, setAnswered] = useState('');
  const loading = wanted.length >= 2 && answered !== wanted;
  useEffect(() => {
    if (wanted.length < 2) return;
    let live = true;
    void call('customers.list', { query: wanted, limit: 20 }, { quiet: true }).then((result) => {
      if (!live) return;
      setAnswered(wanted);
      if (result.ok) setOptions(result.data.customers);
    });
    return () => {
      live = false;
    };
  }, [wanted]);
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth data-testid="adopt-customer-picker">
      <DialogTitle>{t('subs.adopt.pickCustomer', { name: secretName })}</DialogTitle>
      <DialogContent>
        <Autocomplete<Customer, false, false, false>
          sx={{ pt: 1 }}
          options={wanted.length >= 2 ? options : []}
          loading={loading}
          filterOptions={(list) => list}
          getOptionLabel={(option) => `${option.name} · ${option.code}`}
          inputValue={input}
          onInputChange={(_event, next) => setInput(next)}
          onChange={(_event, picked) => {
            if (picked) onPick({ id: picked.id, code: picked.code, name: picked.name });
          }}
          noOptionsText={wanted.length >= 2 ? t('subs.adopt.noCustomer') : t('subs.adopt.typeToSearch')}
          renderOption={({ key, ...props }, option) => (
            <li key={key} {...props} data-testid="adopt-customer-option">
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {option.name} · {option.code}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {[option.phone, option.address].filter(Boolean).join(' · ')}
                </Typography>
              </Box>
            </li>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('subs.field.customer')}
              helperText={t('subs.field.customerHelp')}
              autoFocus
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'adopt-customer-search' },
              }}
            />
          )}
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
