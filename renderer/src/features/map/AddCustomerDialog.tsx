import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { required, validate } from '../../app/validation';
import { MapFormDialog } from './MapFormDialog';
import { formatCoordinate, type LatLng } from './map-store';

const FORM = ['name', 'phone', 'address', 'category', 'latitude', 'longitude'] as const;

/** "Add customer here": a new customer placed where the map was clicked. */
export function AddCustomerDialog({
  at,
  onClose,
  onCreated,
}: {
  at: LatLng;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const t = useT();
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [category, setCategory] = useState<'residential' | 'business'>('residential');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(t, { name: [name, required] });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'customers.create',
      {
        name: name.trim(),
        phone: phone.trim(),
        address: address.trim(),
        category,
        latitude: at[0],
        longitude: at[1],
      },
      { form: FORM },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('map.add.created', { code: result.data.code }), 'success');
    onCreated(result.data.id);
  };

  return (
    <MapFormDialog
      title={t('map.add.title')}
      testId="map-add-customer"
      busy={busy}
      onClose={onClose}
      onSubmit={submit}
    >
      <Typography variant="body2" color="text.secondary" data-testid="map-add-customer-location">
        {t('map.add.location', { lat: formatCoordinate(at[0]), lng: formatCoordinate(at[1]) })}
      </Typography>
      <TextField
        label={t('map.add.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={Boolean(errors.name)}
        helperText={errors.name}
        autoFocus
        required
        slotProps={{ htmlInput: { maxLength: 100, 'data-testid': 'map-add-customer-name' } }}
      />
      <TextField
        label={t('map.add.phone')}
        value={phone}
        onChange={(event) => setPhone(event.target.value)}
        error={Boolean(errors.phone)}
        helperText={errors.phone ?? t('map.add.phoneHint')}
        inputMode="tel"
        slotProps={{ htmlInput: { maxLength: 30, 'data-testid': 'map-add-customer-phone' } }}
      />
      <TextField
        label={t('map.add.address')}
        value={address}
        onChange={(event) => setAddress(event.target.value)}
        error={Boolean(errors.address)}
        helperText={errors.address}
        multiline
        minRows={2}
        slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'map-add-customer-address' } }}
      />
      <TextField
        select
        label={t('map.add.category')}
        value={category}
        onChange={(event) => setCategory(event.target.value === 'business' ? 'business' : 'residential')}
        slotProps={{ htmlInput: { 'data-testid': 'map-add-customer-category' } }}
      >
        <MenuItem value="residential">{t('map.add.category.residential')}</MenuItem>
        <MenuItem value="business">{t('map.add.category.business')}</MenuItem>
      </TextField>
    </MapFormDialog>
  );
}
