import type { Transfer } from '../../../shared/contract/inventory.contract';
import { requireSession } from '../auth/auth.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { AppError, notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import { requireWarehouse } from './inventory.service';
import { postMovement } from './stock-ledger';


const TRANSFER = { id: 'Transfer', en: 'Transfer' };

async function transferOut(ctx: HandlerContext, id: string): Promise<Transfer> {
  const row = await ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(TRANSFER);
  const lines = await ctx.db
    .selectFrom('transfer_lines')
    .innerJoin('items', 'items.id', 'transfer_lines.item_id')
    .select(['transfer_lines.item_id', 'items.sku', 'items.name', 'transfer_lines.quantity_sent', 'transfer_lines.quantity_received'])
    .where('transfer_lines.transfer_id', '=', id)
    .orderBy('transfer_lines.created_at')
    .execute();
  return {
    id: row.id,
    number: row.number,
    fromWarehouseId: row.from_warehouse_id,
    toWarehouseId: row.to_warehouse_id,
    status: row.status,
    note: row.note,
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    lines: lines.map((line) => ({
      itemId: line.item_id,
      sku: line.sku,
      name: line.name,
      quantitySent: line.quantity_sent,
      quantityReceived: line.quantity_received,
    })),
  };
}

/** First leg: stock leaves the source now (blocked like a sale when short) and is in transit. */
export async function sendTransfer(ctx: HandlerContext, input: ParsedInput<'inventory.transfers.send'>): Promise<Transfer> {
  const session = requireSession(ctx);
  if (input.fromWarehouseId === input.toWarehouseId) {
    throw new AppError('VALIDATION', { id: 'Gudang asal dan tujuan harus berbeda.', en: 'Source and destination must differ.' }, { fields: { toWarehouseId: 'same as source' } });
  }
  await requireWarehouse(ctx, input.fromWarehouseId, 'fromWarehouseId');
  await requireWarehouse(ctx, input.toWarehouseId, 'toWarehouseId');
  const merged = new Map<string, number>();
  for (const line of input.lines) merged.set(line.itemId, (merged.get(line.itemId) ?? 0) + line.quantity);
  const now = ctx.clock.now();
  const number = await nextDocumentNumber(ctx.db, 'transfer', ctx.device.code, now, await branchTimeZone(ctx.db));
  const transfer = await ctx.writer.insert(ctx.db, 'transfers', {
    number,
    from_warehouse_id: input.fromWarehouseId,
    to_warehouse_id: input.toWarehouseId,
    status: 'in_transit',
    note: input.note,
    sent_by: session.user.id,
    sent_at: now,
    received_at: null,
  });
  for (const [itemId, quantity] of merged) {
    await ctx.writer.insert(ctx.db, 'transfer_lines', { transfer_id: transfer.id, item_id: itemId, quantity_sent: quantity, quantity_received: 0 });
    await postMovement(ctx.db, ctx, {
      itemId,
      warehouseId: input.fromWarehouseId,
      quantity: -quantity,
      kind: 'transfer_out',
      refType: 'transfer',
      refId: transfer.id,
      reason: number,
      userId: session.user.id,
      respectReserved: true,
    });
  }
  const out = await transferOut(ctx, transfer.id);
  await ctx.audit({ entity: 'transfer', entityId: transfer.id, before: null, after: out });
  return out;
}

/** Second leg: all or part arrives; the transfer closes when every line is fully received. */
export async function receiveTransfer(ctx: HandlerContext, input: ParsedInput<'inventory.transfers.receive'>): Promise<Transfer> {
  const session = requireSession(ctx);
  const before = await transferOut(ctx, input.transferId);
  if (before.status === 'received') throw new AppError('CONFLICT', { id: 'Transfer sudah diterima penuh.', en: 'The transfer is already fully received.' });
  // The same item on two lines is one receipt of their sum (checked as a sum against what is in transit).
  const merged = new Map<string, { index: number; itemId: string; quantity: number }>();
  input.lines.forEach((line, i) => {
    const known = merged.get(line.itemId);
    if (known) known.quantity += line.quantity;
    else merged.set(line.itemId, { index: i, itemId: line.itemId, quantity: line.quantity });
  });
  const fields: Record<string, string> = {};
  for (const line of merged.values()) {
    const sent = before.lines.find((l) => l.itemId === line.itemId);
    if (!sent) fields[`lines.${line.index}.itemId`] = 'not on this transfer';
    else if (line.quantity > sent.quantitySent - sent.quantityReceived) fields[`lines.${line.index}.quantity`] = `at most ${sent.quantitySent - sent.quantityReceived} still in transit`;
  }
  if (Object.keys(fields).length) {
    throw new AppError('VALIDATION', { id: 'Jumlah terima melebihi yang dikirim.', en: 'Received more than is in transit.' }, { fields });
  }
  for (const line of merged.values()) {
    const current = await ctx.db
      .selectFrom('transfer_lines')
      .select(['id', 'quantity_received'])
      .where('transfer_id', '=', input.transferId)
      .where('item_id', '=', line.itemId)
      .executeTakeFirstOrThrow();
    await ctx.writer.update(ctx.db, 'transfer_lines', current.id, { quantity_received: current.quantity_received + line.quantity });
    await postMovement(ctx.db, ctx, {
      itemId: line.itemId,
      warehouseId: before.toWarehouseId,
      quantity: line.quantity,
      kind: 'transfer_in',
      refType: 'transfer',
      refId: input.transferId,
      reason: before.number,
      userId: session.user.id,
    });
  }
  const lines = await ctx.db.selectFrom('transfer_lines').select(['quantity_sent', 'quantity_received']).where('transfer_id', '=', input.transferId).execute();
  const complete = lines.every((line) => line.quantity_received === line.quantity_sent);
  await ctx.writer.update(ctx.db, 'transfers', input.transferId, {
    status: complete ? 'received' : 'partially_received',
    received_at: complete ? ctx.clock.now() : null,
  });
  const after = await transferOut(ctx, input.transferId);
  await ctx.audit({ entity: 'transfer', entityId: input.transferId, before, after });
  return after;
}

export async function listTransfers(ctx: HandlerContext, input: ParsedInput<'inventory.transfers.list'>): Promise<Transfer[]> {
  let query = ctx.db.selectFrom('transfers').select('id').orderBy('sent_at', 'desc').offset(input.offset).limit(input.limit);
  if (input.openOnly) query = query.where('status', '!=', 'received');
  const ids = await query.execute();
  return Promise.all(ids.map((row) => transferOut(ctx, row.id)));
}
