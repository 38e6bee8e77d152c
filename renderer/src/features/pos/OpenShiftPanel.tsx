import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { PageHeader } from '../../app/components/PageHeader';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { usePosStore } from './pos-store';

/** "Buka shift": which warehouse the till sells from, and the cash float in the drawer. */
export function OpenShiftPanel() {
  const t = useT();
  const warehouses = usePosStore((state) => state.warehouses);
  const openShift = usePosStore((state) => state.openShift);
  const [warehouseId, setWarehouseId] = useState('');
  const [openingFloat, setOpeningFloat] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const chosen = warehouseId || warehouses[0]?.id || '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!chosen) found.warehouseId = t('validation.required');
    if (openingFloat === null) found.openingFloat = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || openingFloat === null) return;
    setBusy(true);
    const result = await openShift({ warehouseId: chosen, openingFloat });
    setBusy(false);
    if (result.ok) notify(t('pos.shift.opened', { number: result.data.number }), 'success');
    else setErrors(result.fields);
  };

  return (
    <>
      <PageHeader title={t('nav.pos')} />
      <Box sx={{ display: 'grid', placeItems: 'center', py: { xs: 2, md: 6 } }}>
        <Card sx={{ width: '100%', maxWidth: 440 }} data-testid="pos-open-shift">
          <CardContent sx={{ p: 4 }}>
            <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
              <Stack spacing={2.5}>
                <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
                  <PointOfSaleIcon color="primary" fontSize="large" />
                  <Box>
                    <Typography variant="h6" component="h2">
                      {t('pos.shift.openTitle')}
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {t('pos.shift.openHint')}
                    </Typography>
                  </Box>
                </Box>
                <TextField
                  select
                  label={t('pos.shift.warehouse')}
                  value={chosen}
                  onChange={(event) => setWarehouseId(event.target.value)}
                  error={Boolean(errors.warehouseId)}
                  helperText={errors.warehouseId}
                  slotProps={{
                    select: { native: true },
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': 'pos-shift-warehouse' },
                  }}
                >
                  {warehouses.map((warehouse) => (
                    <option key={warehouse.id} value={warehouse.id}>
                      {warehouse.code} — {warehouse.name}
                    </option>
                  ))}
                </TextField>
                <MoneyField
                  label={t('pos.shift.openingFloat')}
                  value={openingFloat}
                  onChange={setOpeningFloat}
                  autoFocus
                  error={Boolean(errors.openingFloat)}
                  helperText={errors.openingFloat ?? t('pos.shift.openingFloatHelp')}
                  testId="pos-shift-float"
                />
                <Button
                  type="submit"
                  variant="contained"
                  size="large"
                  disabled={busy}
                  data-testid="pos-shift-open"
                >
                  {t('pos.shift.open')}
                </Button>
              </Stack>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </>
  );
}
