import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { Warehouse } from '../../../../shared/contract/index';
import { useT } from '../../app/i18n/use-t';

type WarehouseSelectProps = Omit<
  TextFieldProps,
  'select' | 'value' | 'onChange' | 'slotProps' | 'children'
> & {
  value: string;
  onChange(id: string): void;
  warehouses: readonly Warehouse[];
  testId: string;
  /** Offers "all warehouses" as the empty value. */
  allowAll?: boolean;
};

export function WarehouseSelect({
  value,
  onChange,
  warehouses,
  testId,
  allowAll,
  label,
  ...props
}: WarehouseSelectProps) {
  const t = useT();
  return (
    <TextField
      {...props}
      select
      label={label ?? t('warehouses.warehouse')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId },
      }}
    >
      {allowAll ? <option value="">{t('warehouses.all')}</option> : null}
      {!allowAll && value === '' ? <option value="">{t('warehouses.choose')}</option> : null}
      {warehouses.map((warehouse) => (
        <option key={warehouse.id} value={warehouse.id}>
          {warehouse.code} — {warehouse.name}
        </option>
      ))}
    </TextField>
  );
}
