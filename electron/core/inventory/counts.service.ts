import type { StockCount } from '../../../shared/contract/inventory.contract';
import { requireSession } from '../auth/auth.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { AppError, notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import { requireWarehouse } from './inventory.service';
import { postMovement } from './stock-ledger';


const COUNT = { id: 'Lembar opname', en: 'Count sheet' };

async function requireCount(ctx: HandlerContext, id: string) {
  const row = await ctx.db.selectFrom('stock_counts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound(COUNT);
  return row;
}

function assertOpen(status: string) {
  if (status !== 'open') throw new AppError('CONFLICT', { id: 'Lembar opname sudah ditutup.', en: 'The count sheet is closed.' });
}

/**
 * A sheet with its lines. While open, `expected` is the on-hand now; once approved it is what the
 * count movement corrected from (counted minus the posted variance).
 */
async function countOut(ctx: HandlerContext, id: string): Promise<StockCount> {
  const row = await requireCount(ctx, id);
  const lines = await ctx.db
    .selectFrom('stock_count_lines as l')
    .innerJoin('items as i', 'i.id', 'l.item_id')
    .leftJoin('stock_balances as b', (join) => join.onRef('b.item_id', '=', 'l.item_id').on('b.warehouse_id', '=', row.warehouse_id))
    .leftJoin('stock_movements as m', (join) =>
      join.onRef('m.item_id', '=', 'l.item_id').on('m.ref_type', '=', 'stock_count').on('m.ref_id', '=', id),
    )
    .select(['l.item_id', 'i.sku', 'i.name', 'l.counted', 'b.on_hand', 'm.quantity as posted'])
    .where('l.count_id', '=', id)
    .where('l.deleted_at', 'is', null)
    .orderBy('i.name')
    .execute();
  return {
    id: row.id,
    number: row.number,
    warehouseId: row.warehouse_id,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
    lines: lines.map((line) => {
      const expected = row.status === 'approved' ? line.counted - (line.posted ?? 0) : (line.on_hand ?? 0);
      return { itemId: line.item_id, sku: line.sku, name: line.name, counted: line.counted, expected, variance: line.counted - expected };
    }),
  };
}

export async function createCount(ctx: HandlerContext, input: ParsedInput<'inventory.counts.create'>): Promise<StockCount> {
  const session = requireSession(ctx);
  await requireWarehouse(ctx, input.warehouseId);
  const number = await nextDocumentNumber(ctx.db, 'count', ctx.device.code, ctx.clock.now(), await branchTimeZone(ctx.db));
  const row = await ctx.writer.insert(ctx.db, 'stock_counts', {
    number,
    warehouse_id: input.warehouseId,
    status: 'open',
    note: input.note,
    created_by: session.user.id,
    approved_by: null,
    approved_at: null,
  });
  const out = await countOut(ctx, row.id);
  await ctx.audit({ entity: 'stock_count', entityId: row.id, before: null, after: { number, warehouseId: input.warehouseId } });
  return out;
}

export async function recordCount(ctx: HandlerContext, input: ParsedInput<'inventory.counts.record'>): Promise<StockCount> {
  const sheet = await requireCount(ctx, input.countId);
  assertOpen(sheet.status);
  const itemIds = [...new Set(input.lines.map((line) => line.itemId))];
  const known = await ctx.db.selectFrom('items').select('id').where('id', 'in', itemIds).execute();
  if (known.length !== itemIds.length) {
    const missing = input.lines.findIndex((line) => !known.some((k) => k.id === line.itemId));
    throw new AppError('VALIDATION', { id: 'Barang tidak ditemukan.', en: 'Item not found.' }, { fields: { [`lines.${missing}.itemId`]: 'unknown item' } });
  }
  for (const line of input.lines) {
    const existing = await ctx.db
      .selectFrom('stock_count_lines')
      .select('id')
      .where('count_id', '=', input.countId)
      .where('item_id', '=', line.itemId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (existing) await ctx.writer.update(ctx.db, 'stock_count_lines', existing.id, { counted: line.counted });
    else await ctx.writer.insert(ctx.db, 'stock_count_lines', { count_id: input.countId, item_id: line.itemId, counted: line.counted });
  }
  await ctx.audit({ entity: 'stock_count', entityId: input.countId, before: null, after: { recorded: input.lines } });
  return countOut(ctx, input.countId);
}

/** Posts every variance as a `count` movement (the goods are what they are, so the policy does not block). */
export async function approveCount(ctx: HandlerContext, input: ParsedInput<'inventory.counts.approve'>): Promise<StockCount> {
  const session = requireSession(ctx);
  const sheet = await requireCount(ctx, input.id);
  assertOpen(sheet.status);
  const open = await countOut(ctx, input.id);
  if (open.lines.length === 0) {
    throw new AppError('VALIDATION', { id: 'Belum ada barang yang dihitung.', en: 'Nothing has been counted yet.' });
  }
  for (const line of open.lines) {
    if (line.variance === 0) continue;
    await postMovement(ctx.db, ctx, {
      itemId: line.itemId,
      warehouseId: sheet.warehouse_id,
      quantity: line.variance,
      kind: 'count',
      refType: 'stock_count',
      refId: sheet.id,
      reason: sheet.number,
      userId: session.user.id,
      shortfall: 'force',
    });
  }
  await ctx.writer.update(ctx.db, 'stock_counts', sheet.id, { status: 'approved', approved_by: session.user.id, approved_at: ctx.clock.now() });
  const after = await countOut(ctx, sheet.id);
  await ctx.audit({
    entity: 'stock_count',
    entityId: sheet.id,
    before: { status: 'open' },
    after: { status: 'approved', variances: after.lines.filter((l) => l.variance !== 0).map((l) => ({ sku: l.sku, variance: l.variance })) },
  });
  return after;
}

export async function cancelCount(ctx: HandlerContext, input: ParsedInput<'inventory.counts.cancel'>): Promise<StockCount> {
  const sheet = await requireCount(ctx, input.id);
  assertOpen(sheet.status);
  await ctx.writer.update(ctx.db, 'stock_counts', sheet.id, { status: 'cancelled' });
  await ctx.audit({ entity: 'stock_count', entityId: sheet.id, before: { status: 'open' }, after: { status: 'cancelled' } });
  return countOut(ctx, sheet.id);
}

export async function getCount(ctx: HandlerContext, input: ParsedInput<'inventory.counts.get'>): Promise<StockCount> {
  return countOut(ctx, input.id);
}

export async function listCounts(ctx: HandlerContext, input: ParsedInput<'inventory.counts.list'>) {
  const rows = await ctx.db
    .selectFrom('stock_counts')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    warehouseId: row.warehouse_id,
    status: row.status,
    note: row.note,
    createdAt: row.created_at,
    approvedAt: row.approved_at,
  }));
}
