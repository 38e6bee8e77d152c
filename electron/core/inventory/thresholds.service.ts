import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { requireWarehouse } from './inventory.service';

/**
 * Sets (or with null clears) an item's low-stock threshold in one warehouse; without one, the item's
 * own threshold applies there.
 */
export async function setThreshold(ctx: HandlerContext, input: ParsedInput<'inventory.thresholds.set'>) {
  await requireWarehouse(ctx, input.warehouseId);
  const item = await ctx.db
    .selectFrom('items')
    .select(['id', 'low_stock_threshold'])
    .where('id', '=', input.itemId)
    .executeTakeFirst();
  if (!item)
    throw new AppError(
      'VALIDATION',
      { id: 'Barang tidak ditemukan.', en: 'Item not found.' },
      { fields: { itemId: 'unknown item' } },
    );
  const existing = await ctx.db
    .selectFrom('stock_thresholds')
    .select(['id', 'low_stock_threshold'])
    .where('item_id', '=', input.itemId)
    .where('warehouse_id', '=', input.warehouseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (input.lowStockThreshold === null) {
    if (existing) await ctx.writer.softDelete(ctx.db, 'stock_thresholds', existing.id);
  } else if (existing) {
    await ctx.writer.update(ctx.db, 'stock_thresholds', existing.id, {
      low_stock_threshold: input.lowStockThreshold,
    });
  } else {
    await ctx.writer.insert(ctx.db, 'stock_thresholds', {
      item_id: input.itemId,
      warehouse_id: input.warehouseId,
      low_stock_threshold: input.lowStockThreshold,
    });
  }
  const effective = input.lowStockThreshold ?? item.low_stock_threshold;
  await ctx.audit({
    entity: 'stock_threshold',
    entityId: input.itemId,
    before: { warehouseId: input.warehouseId, threshold: existing?.low_stock_threshold ?? null },
    after: { warehouseId: input.warehouseId, threshold: input.lowStockThreshold },
  });
  return {
    itemId: input.itemId,
    warehouseId: input.warehouseId,
    lowStockThreshold: effective,
    own: input.lowStockThreshold !== null,
  };
}
