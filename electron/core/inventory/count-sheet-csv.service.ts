import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { formatCsv, parseCsv } from '../platform/csv';
import { getCount, recordCount } from './counts.service';

/** An open sheet as CSV to print or fill in a spreadsheet: every item of the warehouse, counted blank. */
export async function exportCountSheet(ctx: HandlerContext, input: ParsedInput<'inventory.counts.exportCsv'>) {
  const sheet = await getCount(ctx, { id: input.id });
  const counted = new Map(sheet.lines.map((line) => [line.itemId, line.counted]));
  const items = await ctx.db
    .selectFrom('items')
    .leftJoin('stock_balances as b', (join) => join.onRef('b.item_id', '=', 'items.id').on('b.warehouse_id', '=', sheet.warehouseId))
    .select(['items.id', 'items.sku', 'items.barcode', 'items.name', 'b.on_hand'])
    .where('items.deleted_at', 'is', null)
    .where('items.archived', '=', 0)
    .orderBy('items.name')
    .execute();
  const rows = items.map((item) => [item.sku, item.barcode, item.name, item.on_hand ?? 0, counted.has(item.id) ? counted.get(item.id)! : null]);
  return { fileName: `opname-${sheet.number.replace(/\//g, '-')}.csv`, csv: formatCsv([['sku', 'barcode', 'name', 'expected', 'counted'], ...rows], input.delimiter) };
}

/** Counts from CSV (sku + counted; blank counted rows are skipped). Any bad row records nothing. */
export async function importCountSheet(ctx: HandlerContext, input: ParsedInput<'inventory.counts.importCsv'>) {
  const table = parseCsv(input.csv);
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const skuAt = header.findIndex((h) => h === 'sku' || h === 'kode');
  const countedAt = header.findIndex((h) => h === 'counted' || h === 'jumlah' || h === 'hitung' || h === 'fisik');
  const errors: { row: number; field: string; message: string }[] = [];
  if (skuAt === -1) errors.push({ row: 1, field: 'sku', message: 'column "sku" is missing' });
  if (countedAt === -1) errors.push({ row: 1, field: 'counted', message: 'column "counted" is missing' });
  if (errors.length) return { recorded: 0, errors };
  const skus = new Map(
    (await ctx.db.selectFrom('items').select(['id', 'sku']).where('deleted_at', 'is', null).execute()).map((item) => [item.sku, item.id]),
  );
  const lines: { itemId: string; counted: number }[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    const sku = (cells[skuAt] ?? '').trim().toUpperCase();
    const countedText = (cells[countedAt] ?? '').trim();
    if (!sku && !countedText) continue;
    if (countedText === '') continue;
    const itemId = skus.get(sku);
    const counted = Number(countedText.replace(/\./g, ''));
    if (!itemId) errors.push({ row: r + 1, field: 'sku', message: `unknown SKU ${sku || '(empty)'}` });
    else if (seen.has(sku)) errors.push({ row: r + 1, field: 'sku', message: `SKU ${sku} also on row ${seen.get(sku)}` });
    if (!Number.isInteger(counted) || counted < 0) errors.push({ row: r + 1, field: 'counted', message: 'a whole number, 0 or more' });
    seen.set(sku, r + 1);
    if (itemId && Number.isInteger(counted) && counted >= 0) lines.push({ itemId, counted });
  }
  if (errors.length) return { recorded: 0, errors };
  if (lines.length === 0) return { recorded: 0, errors: [{ row: 1, field: 'counted', message: 'no counted rows' }] };
  for (let i = 0; i < lines.length; i += 5000) await recordCount(ctx, { countId: input.countId, lines: lines.slice(i, i + 5000) });
  return { recorded: lines.length, errors: [] };
}
