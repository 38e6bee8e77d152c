import { sql } from 'kysely';
import type { Movement, StockLevel, Warehouse } from '../../../shared/contract/inventory.contract';
import { requireSession } from '../auth/auth.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { AppError, notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import type { StockMovementRow, WarehouseRow } from './inventory.tables';
import { postMovement } from './stock-ledger';


const WAREHOUSE = { id: 'Gudang', en: 'Warehouse' };

function toWarehouse(row: WarehouseRow): Warehouse {
  return { id: row.id, code: row.code, name: row.name, address: row.address, archived: row.archived === 1 };
}

export async function requireWarehouse(ctx: HandlerContext, id: string, field = 'warehouseId'): Promise<WarehouseRow> {
  const row = await ctx.db.selectFrom('warehouses').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) {
    throw new AppError('VALIDATION', { id: 'Gudang tidak ditemukan.', en: 'Warehouse not found.' }, { fields: { [field]: 'unknown warehouse' } });
  }
  if (row.archived === 1) {
    throw new AppError('VALIDATION', { id: `Gudang ${row.code} diarsipkan.`, en: `Warehouse ${row.code} is archived.` }, { fields: { [field]: 'archived' } });
  }
  return row;
}

/** Part of first-run setup: the shop floor every till sells from until more warehouses exist. */
export async function seedDefaultWarehouse(ctx: Pick<HandlerContext, 'db' | 'writer'>): Promise<void> {
  await ctx.writer.insert(ctx.db, 'warehouses', { code: 'WH-01', name: 'Toko', address: '', archived: 0 });
}

export async function listWarehouses(ctx: HandlerContext, input: ParsedInput<'inventory.warehouses.list'>): Promise<Warehouse[]> {
  let query = ctx.db.selectFrom('warehouses').selectAll().where('deleted_at', 'is', null).orderBy('code');
  if (!input.includeArchived) query = query.where('archived', '=', 0);
  return (await query.execute()).map(toWarehouse);
}

export async function createWarehouse(ctx: HandlerContext, input: ParsedInput<'inventory.warehouses.create'>): Promise<Warehouse> {
  if (await ctx.db.selectFrom('warehouses').select('id').where('code', '=', input.code).executeTakeFirst()) {
    throw new AppError('CONFLICT', { id: `Kode ${input.code} sudah dipakai.`, en: `Code ${input.code} is taken.` }, { fields: { code: 'taken' } });
  }
  const row = await ctx.writer.insert(ctx.db, 'warehouses', { code: input.code, name: input.name, address: input.address, archived: 0 });
  const out = toWarehouse(row);
  await ctx.audit({ entity: 'warehouse', entityId: row.id, before: null, after: out });
  return out;
}

export async function updateWarehouse(ctx: HandlerContext, input: ParsedInput<'inventory.warehouses.update'>): Promise<Warehouse> {
  const row = await ctx.db.selectFrom('warehouses').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound(WAREHOUSE);
  const before = toWarehouse(row);
  await ctx.writer.update(ctx.db, 'warehouses', row.id, {
    name: input.name ?? row.name,
    address: input.address ?? row.address,
    archived: input.archived === undefined ? row.archived : input.archived ? 1 : 0,
  });
  const after = toWarehouse((await ctx.db.selectFrom('warehouses').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow()));
  await ctx.audit({ entity: 'warehouse', entityId: row.id, before, after });
  return after;
}

/** In-transit quantities by item for a destination warehouse (or all). */
function inTransitQuery(ctx: HandlerContext) {
  return ctx.db
    .selectFrom('transfer_lines')
    .innerJoin('transfers', 'transfers.id', 'transfer_lines.transfer_id')
    .select([
      'transfer_lines.item_id',
      'transfers.to_warehouse_id',
      (eb) => eb.fn.sum<number>(eb('transfer_lines.quantity_sent', '-', eb.ref('transfer_lines.quantity_received'))).as('qty'),
    ])
    .where('transfers.status', '!=', 'received')
    .groupBy(['transfer_lines.item_id', 'transfers.to_warehouse_id']);
}

export async function stockLevels(ctx: HandlerContext, input: ParsedInput<'inventory.stock.levels'>) {
  const threshold = sql<number>`coalesce(
    (SELECT low_stock_threshold FROM stock_thresholds t WHERE t.item_id = items.id AND t.warehouse_id = warehouses.id AND t.deleted_at IS NULL),
    items.low_stock_threshold)`;
  let query = ctx.db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .innerJoin('warehouses', (join) => join.on('warehouses.deleted_at', 'is', null).on('warehouses.archived', '=', 0))
    .leftJoin('stock_balances as b', (join) => join.onRef('b.item_id', '=', 'items.id').onRef('b.warehouse_id', '=', 'warehouses.id'))
    .leftJoin(inTransitQuery(ctx).as('transit'), (join) =>
      join.onRef('transit.item_id', '=', 'items.id').onRef('transit.to_warehouse_id', '=', 'warehouses.id'),
    )
    .where('items.deleted_at', 'is', null)
    .where('items.archived', '=', 0);
  if (input.warehouseId) query = query.where('warehouses.id', '=', input.warehouseId);
  if (input.itemId) query = query.where('items.id', '=', input.itemId);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([sql<boolean>`items.name LIKE ${like} ESCAPE '\\'`, sql<boolean>`items.sku LIKE ${like} ESCAPE '\\'`, eb('items.barcode', '=', input.query!)]));
  }
  if (input.lowOnly) query = query.where(sql<boolean>`coalesce(b.on_hand, 0) - coalesce(b.reserved, 0) <= ${threshold}`).where(sql<boolean>`${threshold} > 0`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'items.id as item_id',
      'items.sku',
      'items.name',
      'warehouses.id as warehouse_id',
      'warehouses.code as warehouse_code',
      sql<number>`coalesce(b.on_hand, 0)`.as('on_hand'),
      sql<number>`coalesce(b.reserved, 0)`.as('reserved'),
      sql<number>`coalesce(transit.qty, 0)`.as('in_transit'),
      threshold.as('threshold'),
    ])
    .orderBy('items.name')
    .orderBy('warehouses.code')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  const levels: StockLevel[] = rows.map((row) => {
    const available = row.on_hand - row.reserved;
    return {
      itemId: row.item_id,
      sku: row.sku,
      name: row.name,
      warehouseId: row.warehouse_id,
      warehouseCode: row.warehouse_code,
      onHand: row.on_hand,
      reserved: row.reserved,
      available,
      inTransit: Number(row.in_transit),
      lowStockThreshold: row.threshold,
      low: row.threshold > 0 && available <= row.threshold,
    };
  });
  return { levels, total: Number(total.n) };
}

function movementsQuery(ctx: HandlerContext) {
  return ctx.db
    .selectFrom('stock_movements as m')
    .innerJoin('warehouses as w', 'w.id', 'm.warehouse_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .selectAll('m')
    .select(['w.code as warehouse_code', 'u.username']);
}

export function toMovement(row: StockMovementRow & { warehouse_code: string; username: string | null }): Movement {
  return {
    id: row.id,
    at: row.created_at,
    itemId: row.item_id,
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    quantity: row.quantity,
    kind: row.kind,
    refType: row.ref_type,
    refId: row.ref_id,
    unitCost: row.unit_cost,
    reason: row.reason,
    username: row.username,
    balanceAfter: row.balance_after,
    flagged: row.flagged === 1,
  };
}

export async function stockHistory(ctx: HandlerContext, input: ParsedInput<'inventory.stock.history'>) {
  let query = movementsQuery(ctx).where('m.item_id', '=', input.itemId);
  if (input.warehouseId) query = query.where('m.warehouse_id', '=', input.warehouseId);
  const total = await ctx.db
    .selectFrom('stock_movements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('item_id', '=', input.itemId)
    .$if(Boolean(input.warehouseId), (q) => q.where('warehouse_id', '=', input.warehouseId!))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').offset(input.offset).limit(input.limit).execute();
  return { movements: rows.map(toMovement), total: Number(total.n) };
}

async function requireItem(ctx: HandlerContext, id: string, field: string) {
  const item = await ctx.db.selectFrom('items').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!item) throw new AppError('VALIDATION', { id: 'Barang tidak ditemukan.', en: 'Item not found.' }, { fields: { [field]: 'unknown item' } });
  return item;
}

/** Total on hand of an item across warehouses (for the moving-average cost). */
async function totalOnHand(ctx: HandlerContext, itemId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('stock_balances')
    .select((eb) => eb.fn.sum<number>('on_hand').as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Goods in from a supplier. Cost becomes the moving average of what was on hand and what came in. */
export async function receiveGoods(ctx: HandlerContext, input: ParsedInput<'inventory.stock.receive'>) {
  const session = requireSession(ctx);
  await requireWarehouse(ctx, input.warehouseId);
  const number = await nextDocumentNumber(ctx.db, 'receipt', ctx.device.code, ctx.clock.now(), await branchTimeZone(ctx.db));
  const totalCost = input.lines.reduce((sum, line) => sum + line.quantity * line.unitCost, 0);
  const receipt = await ctx.writer.insert(ctx.db, 'goods_receipts', {
    number,
    warehouse_id: input.warehouseId,
    supplier: input.supplier,
    note: input.note,
    total_cost: totalCost,
    user_id: session.user.id,
  });
  for (const [i, line] of input.lines.entries()) {
    const item = await requireItem(ctx, line.itemId, `lines.${i}.itemId`);
    const before = Math.max(0, await totalOnHand(ctx, item.id));
    const averaged = before + line.quantity > 0 ? Math.round((before * item.cost + line.quantity * line.unitCost) / (before + line.quantity)) : line.unitCost;
    await ctx.writer.insert(ctx.db, 'goods_receipt_lines', { receipt_id: receipt.id, item_id: item.id, quantity: line.quantity, unit_cost: line.unitCost });
    await postMovement(ctx.db, ctx, {
      itemId: item.id,
      warehouseId: input.warehouseId,
      quantity: line.quantity,
      kind: 'receipt',
      refType: 'goods_receipt',
      refId: receipt.id,
      unitCost: line.unitCost,
      reason: input.supplier,
      userId: session.user.id,
    });
    if (averaged !== item.cost) await ctx.writer.update(ctx.db, 'items', item.id, { cost: averaged });
  }
  const out = {
    id: receipt.id,
    number,
    warehouseId: input.warehouseId,
    supplier: input.supplier,
    totalCost,
    lines: input.lines.map((line) => ({ itemId: line.itemId, quantity: line.quantity, unitCost: line.unitCost })),
  };
  await ctx.audit({ entity: 'goods_receipt', entityId: receipt.id, before: null, after: out });
  return out;
}

export async function adjustStock(ctx: HandlerContext, input: ParsedInput<'inventory.stock.adjust'>): Promise<Movement> {
  const session = requireSession(ctx);
  await requireWarehouse(ctx, input.warehouseId);
  await requireItem(ctx, input.itemId, 'itemId');
  if (input.kind === 'write_off' && input.quantity > 0) {
    throw new AppError('VALIDATION', { id: 'Pemusnahan harus mengurangi stok.', en: 'A write-off must take stock out.' }, { fields: { quantity: 'must be negative' } });
  }
  const movement = await postMovement(ctx.db, ctx, {
    itemId: input.itemId,
    warehouseId: input.warehouseId,
    quantity: input.quantity,
    kind: input.kind,
    reason: input.reason,
    userId: session.user.id,
    shortfall: 'policy',
  });
  const row = await movementsQuery(ctx).where('m.id', '=', movement.id).executeTakeFirstOrThrow();
  const out = toMovement(row);
  await ctx.audit({ entity: 'stock', entityId: input.itemId, before: null, after: out });
  return out;
}

/** Sums the ledger per item × warehouse, compares with the balances and repairs any difference. */
export async function rebuildBalances(ctx: HandlerContext) {
  const mismatches = await sql<{ item_id: string; warehouse_id: string; stored: number; ledger: number }>`
    WITH ledger AS (
      SELECT item_id, warehouse_id, sum(quantity) AS qty FROM stock_movements GROUP BY item_id, warehouse_id
    ), pairs AS (
      SELECT item_id, warehouse_id FROM ledger UNION SELECT item_id, warehouse_id FROM stock_balances
    )
    SELECT p.item_id, p.warehouse_id, coalesce(b.on_hand, 0) AS stored, coalesce(l.qty, 0) AS ledger
    FROM pairs p
    LEFT JOIN ledger l ON l.item_id = p.item_id AND l.warehouse_id = p.warehouse_id
    LEFT JOIN stock_balances b ON b.item_id = p.item_id AND b.warehouse_id = p.warehouse_id
    WHERE coalesce(b.on_hand, 0) != coalesce(l.qty, 0)`.execute(ctx.db);
  const checked = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT DISTINCT item_id, warehouse_id FROM stock_movements)`.execute(ctx.db);
  for (const row of mismatches.rows) {
    await ctx.db
      .insertInto('stock_balances')
      .values({ item_id: row.item_id, warehouse_id: row.warehouse_id, on_hand: row.ledger, reserved: 0 })
      .onConflict((oc) => oc.columns(['item_id', 'warehouse_id']).doUpdateSet({ on_hand: row.ledger }))
      .execute();
  }
  const out = {
    checked: Number(checked.rows[0]?.n ?? 0),
    mismatches: mismatches.rows.map((row) => ({ itemId: row.item_id, warehouseId: row.warehouse_id, stored: row.stored, ledger: row.ledger })),
  };
  await ctx.audit({ entity: 'stock', entityId: null, before: null, after: { rebuilt: out.checked, repaired: out.mismatches.length } });
  return out;
}

export async function listReviews(ctx: HandlerContext, input: ParsedInput<'inventory.reviews.list'>) {
  const rows = await ctx.db
    .selectFrom('stock_movements as m')
    .innerJoin('items as i', 'i.id', 'm.item_id')
    .innerJoin('warehouses as w', 'w.id', 'm.warehouse_id')
    .leftJoin('stock_reviews as r', 'r.movement_id', 'm.id')
    .select(['m.id', 'm.created_at', 'm.item_id', 'i.sku', 'i.name', 'w.code', 'm.quantity', 'm.balance_after', 'm.kind', 'm.ref_id'])
    .where('m.flagged', '=', 1)
    .where('r.id', 'is', null)
    .orderBy('m.created_at', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return rows.map((row) => ({
    movementId: row.id,
    at: row.created_at,
    itemId: row.item_id,
    sku: row.sku,
    name: row.name,
    warehouseCode: row.code,
    quantity: row.quantity,
    balanceAfter: row.balance_after,
    kind: row.kind,
    refId: row.ref_id,
  }));
}

export async function resolveReview(ctx: HandlerContext, input: ParsedInput<'inventory.reviews.resolve'>) {
  const session = requireSession(ctx);
  const movement = await ctx.db.selectFrom('stock_movements').select(['id', 'flagged']).where('id', '=', input.movementId).executeTakeFirst();
  if (!movement || movement.flagged !== 1) throw notFound({ id: 'Pergerakan yang ditandai', en: 'Flagged movement' });
  if (await ctx.db.selectFrom('stock_reviews').select('id').where('movement_id', '=', input.movementId).executeTakeFirst()) {
    throw new AppError('CONFLICT', { id: 'Sudah ditinjau.', en: 'Already reviewed.' });
  }
  await ctx.writer.insert(ctx.db, 'stock_reviews', { movement_id: input.movementId, note: input.note, user_id: session.user.id });
  await ctx.audit({ entity: 'stock_review', entityId: input.movementId, before: null, after: { note: input.note } });
  return { ok: true as const };
}
