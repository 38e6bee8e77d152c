import CloseIcon from '@mui/icons-material/Close';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { SearchHit } from '../../../../shared/contract/index';
import { IntegerField } from '../../app/components/IntegerField';
import { MoneyField } from '../../app/components/MoneyField';
import { useT } from '../../app/i18n/use-t';
import { useFormat } from '../../app/use-format';

export type ItemLine = {
  itemId: string;
  sku: string;
  name: string;
  price: number;
  onHand: number | null;
  quantity: number | null;
  unitCost: number | null;
};

export function lineFromHit(hit: SearchHit): ItemLine {
  return {
    itemId: hit.itemId,
    sku: hit.sku,
    name: hit.name,
    price: hit.price,
    onHand: hit.onHand,
    quantity: 1,
    unitCost: null,
  };
}

/** Adds a picked item, or one more of it when it is already listed (a scanner scanning twice). */
export function addLine(lines: readonly ItemLine[], hit: SearchHit): ItemLine[] {
  const at = lines.findIndex((line) => line.itemId === hit.itemId);
  if (at < 0) return [...lines, lineFromHit(hit)];
  return lines.map((line, i) => (i === at ? { ...line, quantity: (line.quantity ?? 0) + 1 } : line));
}

type ItemLinesProps = {
  lines: readonly ItemLine[];
  onChange(lines: ItemLine[]): void;
  testId: string;
  withCost?: boolean;
  withPrice?: boolean;
  /** Shows what the source warehouse holds (transfers). */
  showOnHand?: boolean;
  errors?: Record<string, string>;
};

/** The lines of a goods receipt, transfer or order: quantity (and unit cost) per item. */
export function ItemLines({
  lines,
  onChange,
  testId,
  withCost,
  withPrice,
  showOnHand,
  errors = {},
}: ItemLinesProps) {
  const t = useT();
  const format = useFormat();
  const patch = (index: number, change: Partial<ItemLine>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  if (lines.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2, textAlign: 'center' }}>
        {t('items.noLines')}
      </Typography>
    );
  }
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{t('sale.col.item')}</TableCell>
          {showOnHand ? <TableCell align="right">{t('stock.col.onHand')}</TableCell> : null}
          <TableCell align="center">{t('stock.col.quantity')}</TableCell>
          {withCost ? <TableCell>{t('stock.unitCost')}</TableCell> : null}
          {withPrice ? <TableCell align="right">{t('sale.col.price')}</TableCell> : null}
          {withCost || withPrice ? <TableCell align="right">{t('sale.col.total')}</TableCell> : null}
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((line, index) => (
          <TableRow key={line.itemId} data-testid={`${testId}-${line.sku}`}>
            <TableCell>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {line.name}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {line.sku}
              </Typography>
            </TableCell>
            {showOnHand ? (
              <TableCell
                align="right"
                sx={{ color: (line.onHand ?? 0) < (line.quantity ?? 0) ? 'error.main' : undefined }}
              >
                {line.onHand === null ? '–' : format.number(line.onHand)}
              </TableCell>
            ) : null}
            <TableCell align="center" sx={{ width: 110 }}>
              <IntegerField
                size="small"
                value={line.quantity}
                onChange={(quantity) => patch(index, { quantity })}
                error={Boolean(errors[`lines.${index}.quantity`])}
                helperText={errors[`lines.${index}.quantity`]}
                testId={`${testId}-${line.sku}-qty`}
              />
            </TableCell>
            {withCost ? (
              <TableCell sx={{ width: 150 }}>
                <MoneyField
                  size="small"
                  value={line.unitCost}
                  onChange={(unitCost) => patch(index, { unitCost })}
                  testId={`${testId}-${line.sku}-cost`}
                />
              </TableCell>
            ) : null}
            {withPrice ? <TableCell align="right">{format.rupiah(line.price)}</TableCell> : null}
            {withCost || withPrice ? (
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {format.rupiah((line.quantity ?? 0) * (withCost ? (line.unitCost ?? 0) : line.price))}
              </TableCell>
            ) : null}
            <TableCell sx={{ width: 40 }}>
              <IconButton
                size="small"
                aria-label={t('common.delete')}
                onClick={() => onChange(lines.filter((_, i) => i !== index))}
              >
                <CloseIcon fontSize="small" />
              </IconButton>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
