import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type FormEvent } from 'react';
import type { Customer, Order } from '../../../../shared/contract/index';
import type { FieldErrors } from '../../../../shared/domain/errors';
import { MoneyField } from '../../app/components/MoneyField';
import { call } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useT } from '../../app/i18n/use-t';
import { newId } from '../../app/new-id';
import { useDebouncedValue } from '../../app/use-debounced-value';
import { useFormat } from '../../app/use-format';
import { useActiveWarehouses, useInventoryStore } from '../inventory/inventory-store';
import { addLine, ItemLines, type ItemLine } from '../inventory/ItemLines';
import { ItemPicker } from '../inventory/ItemPicker';
import { WarehouseSelect } from '../inventory/WarehouseSelect';
import { searchCustomers } from '../pos/customers';
import { useCan } from '../session/session-store';

type Channel = Order['channel'];
const CHANNELS: readonly Channel[] = ['whatsapp', 'phone', 'marketplace', 'walk_in', 'other'];

function CustomerNameField({
  value,
  error,
  onType,
  onPick,
}: {
  value: string;
  error?: string;
  onType(name: string): void;
  onPick(customer: Customer): void;
}) {
  const t = useT();
  const canSee = useCan('customers.view');
  const wanted = useDebouncedValue(value.trim(), 250);
  const [options, setOptions] = useState<Customer[]>([]);
  useEffect(() => {
    if (!canSee || wanted.length < 2) return;
    let live = true;
    void searchCustomers(wanted).then((page) => {
      if (live) setOptions(page?.customers ?? []);
    });
    return () => {
      live = false;
    };
  }, [canSee, wanted]);
  return (
    <Autocomplete<Customer, false, false, true>
      freeSolo
      options={wanted.length >= 2 ? options : []}
      filterOptions={(list) => list}
      getOptionLabel={(option) => (typeof option === 'string' ? option : option.name)}
      inputValue={value}
      onInputChange={(_event, next, reason) => {
        if (reason !== 'reset') onType(next);
      }}
      onChange={(_event, picked) => {
        if (picked && typeof picked !== 'string') onPick(picked);
      }}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <Box>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {option.name} · {option.code}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {[option.phone, option.groupName].filter(Boolean).join(' · ')}
            </Typography>
          </Box>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('orders.field.customerName')}
          error={Boolean(error)}
          helperText={error ?? (canSee ? t('orders.field.customerHelp') : undefined)}
          autoFocus
          slotProps={{
            ...params.slotProps,
            htmlInput: {
              ...params.slotProps.htmlInput,
              maxLength: 100,
              'data-testid': 'order-customer-name',
            },
          }}
        />
      )}
    />
  );
}

/** A phone, WhatsApp or marketplace order: who, where to, what, shipping. Prices and stock are reserved by the core. */
export function OrderCreateDialog({
  onClose,
  onCreated,
}: {
  onClose(): void;
  onCreated(order: Order): void;
}) {
  const t = useT();
  const format = useFormat();
  const warehouses = useActiveWarehouses();
  // One id per opened dialog: saving again after a lost answer returns the same order.
  const [orderId] = useState(newId);
  const [channel, setChannel] = useState<Channel>('whatsapp');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [customerName, setCustomerName] = useState('');
  const [customerPhone, setCustomerPhone] = useState('');
  const [shippingAddress, setShippingAddress] = useState('');
  const [chosenWarehouse, setWarehouseId] = useState('');
  // The first warehouse until one is chosen (the list may arrive after the dialog opened).
  const warehouseId = chosenWarehouse || warehouses[0]?.id || '';
  const [shippingFee, setShippingFee] = useState<number | null>(0);
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<ItemLine[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const goods = lines.reduce((sum, line) => sum + line.price * (line.quantity ?? 0), 0);

  useEffect(() => {
    if (useInventoryStore.getState().warehouses.length === 0)
      void useInventoryStore.getState().loadWarehouses();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!customerName.trim()) found.customerName = t('validation.required');
    if (lines.length === 0) found.lines = t('items.noLines');
    lines.forEach((line, i) => {
      if (!line.quantity) found[`lines.${i}.quantity`] = t('validation.positive');
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await call(
      'orders.create',
      {
        id: orderId,
        channel,
        customerId,
        customerName: customerName.trim(),
        customerPhone: customerPhone.trim(),
        shippingAddress: shippingAddress.trim(),
        shippingFee: shippingFee ?? 0,
        note: note.trim(),
        lines: lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity ?? 1 })),
        ...(warehouseId ? { warehouseId } : {}),
      },
      {
        form: [
          'customerName',
          'customerPhone',
          'shippingAddress',
          'shippingFee',
          'warehouseId',
          'customerId',
          ...lines.map((_, i) => `lines.${i}.quantity`),
        ],
      },
    );
    setBusy(false);
    if (!result.ok) {
      setErrors(result.fields);
      return;
    }
    notify(t('orders.created', { number: result.data.number }), 'success');
    onCreated(result.data);
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      data-testid="order-create-dialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <DialogTitle>{t('orders.createTitle')}</DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2}>
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' } }}>
              <CustomerNameField
                value={customerName}
                error={errors.customerName}
                onType={(name) => {
                  setCustomerName(name);
                  setCustomerId(null);
                }}
                onPick={(customer) => {
                  setCustomerId(customer.id);
                  setCustomerName(customer.name);
                  setCustomerPhone(customer.phone);
                  if (customer.address) setShippingAddress(customer.address);
                }}
              />
              <TextField
                label={t('orders.field.phone')}
                value={customerPhone}
                onChange={(event) => setCustomerPhone(event.target.value)}
                type="tel"
                error={Boolean(errors.customerPhone)}
                helperText={errors.customerPhone}
                slotProps={{ htmlInput: { maxLength: 30, 'data-testid': 'order-customer-phone' } }}
              />
              <TextField
                select
                label={t('orders.field.channel')}
                value={channel}
                onChange={(event) => setChannel(event.target.value as Channel)}
                slotProps={{
                  select: { native: true },
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'order-channel' },
                }}
              >
                {CHANNELS.map((option) => (
                  <option key={option} value={option}>
                    {t(`orders.channel.${option}`)}
                  </option>
                ))}
              </TextField>
            </Box>
            <TextField
              label={t('orders.field.address')}
              value={shippingAddress}
              onChange={(event) => setShippingAddress(event.target.value)}
              multiline
              minRows={2}
              error={Boolean(errors.shippingAddress)}
              helperText={errors.shippingAddress}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'order-address' } }}
            />
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              <WarehouseSelect
                value={warehouseId}
                onChange={(id) => {
                  setWarehouseId(id);
                  setLines([]);
                }}
                warehouses={warehouses}
                error={Boolean(errors.warehouseId)}
                helperText={errors.warehouseId ?? t('orders.field.warehouseHelp')}
                testId="order-warehouse"
              />
              <MoneyField
                label={t('orders.field.shippingFee')}
                value={shippingFee}
                onChange={setShippingFee}
                error={Boolean(errors.shippingFee)}
                helperText={errors.shippingFee}
                testId="order-shipping-fee"
              />
            </Box>
            <ItemPicker
              key={warehouseId}
              label={t('items.addByScan')}
              testId="order-item"
              warehouseId={warehouseId || undefined}
              onPick={(hit) => setLines((current) => addLine(current, hit))}
            />
            <ItemLines
              lines={lines}
              onChange={setLines}
              testId="order-lines"
              withPrice
              showOnHand
              errors={errors}
            />
            {errors.lines ? <Typography color="error">{errors.lines}</Typography> : null}
            <TextField
              label={t('stock.note')}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'order-note' } }}
            />
            <Box sx={{ textAlign: 'right' }}>
              <Typography variant="h6" data-testid="order-estimate">
                {t('orders.estimate', { amount: format.rupiah(goods + (shippingFee ?? 0)) })}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {t('orders.estimateHint')}
              </Typography>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="order-create-submit">
            {t('orders.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
