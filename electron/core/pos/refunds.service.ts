import { requireSession } from '../auth/auth.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { requireWarehouse } from '../inventory/inventory.service';
import { postMovement } from '../inventory/stock-ledger';
import { AppError, notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import { saleOut } from './sale-view';
import { findOpenShift, postCash, requireOpenShift } from './shifts.service';


/**
 * The part of a line's total that `quantity` more units are worth, given `alreadyRefunded` units.
 * Computed as a difference of cumulative shares so refunding every unit returns exactly the total.
 */
export function refundShare(lineTotal: number, lineQuantity: number, alreadyRefunded: number, quantity: number): number {
  const cumulative = (units: number) => Math.round((lineTotal * units) / lineQuantity);
  return cumulative(alreadyRefunded + quantity) - cumulative(alreadyRefunded);
}

async function refundOut(ctx: HandlerContext, id: string) {
  const refund = await ctx.db.selectFrom('refunds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!refund) throw notFound({ id: 'Retur', en: 'Refund' });
  const lines = await ctx.db.selectFrom('refund_lines').select(['sale_line_id', 'quantity', 'amount']).where('refund_id', '=', id).execute();
  return {
    id: refund.id,
    number: refund.number,
    saleId: refund.sale_id,
    amount: refund.amount,
    method: refund.method as 'cash',
    reason: refund.reason,
    lines: lines.map((line) => ({ saleLineId: line.sale_line_id, quantity: line.quantity, amount: line.amount })),
  };
}

/** Partial or full return: restock the chosen warehouse, pay back by the chosen method. Idempotent by id. */
export async function refundSale(ctx: HandlerContext, input: ParsedInput<'pos.sales.refund'>) {
  const session = requireSession(ctx);
  const existing = await ctx.db.selectFrom('refunds').select(['id', 'sale_id']).where('id', '=', input.id).executeTakeFirst();
  if (existing) {
    if (existing.sale_id !== input.saleId) throw new AppError('CONFLICT', { id: 'ID retur sudah dipakai.', en: 'This refund id is already used.' });
    return refundOut(ctx, input.id);
  }
  const sale = await saleOut(ctx, input.saleId);
  if (sale.status === 'voided') throw new AppError('CONFLICT', { id: 'Penjualan sudah dibatalkan.', en: 'The sale is void.' });
  await requireWarehouse(ctx, input.warehouseId);
  if (input.method === 'store_credit' && !sale.customer) {
    throw new AppError('VALIDATION', { id: 'Saldo butuh pelanggan.', en: 'Store credit needs a customer on the sale.' }, { fields: { method: 'no customer' } });
  }
  // The same sale line named twice is one return of the sum: checked, priced and recorded once.
  const merged = new Map<string, { index: number; saleLineId: string; quantity: number }>();
  input.lines.forEach((line, i) => {
    const known = merged.get(line.saleLineId);
    if (known) known.quantity += line.quantity;
    else merged.set(line.saleLineId, { index: i, saleLineId: line.saleLineId, quantity: line.quantity });
  });
  const fields: Record<string, string> = {};
  const planned = [...merged.values()].map((line) => {
    const saleLine = sale.lines.find((l) => l.id === line.saleLineId);
    if (!saleLine) {
      fields[`lines.${line.index}.saleLineId`] = 'not a line of this sale';
      return null;
    }
    const left = saleLine.quantity - saleLine.refundedQuantity;
    if (line.quantity > left) fields[`lines.${line.index}.quantity`] = `at most ${left} left to return`;
    return { saleLine, quantity: line.quantity, amount: refundShare(saleLine.total, saleLine.quantity, saleLine.refundedQuantity, line.quantity) };
  });
  if (Object.keys(fields).length) throw new AppError('VALIDATION', { id: 'Jumlah retur tidak valid.', en: 'Refund quantities are not valid.' }, { fields });
  const lines = planned.filter((p) => p !== null);
  const amount = lines.reduce((sum, line) => sum + line.amount, 0);
  // Cash comes out of this till's drawer, so it needs the open shift; any other method is still
  // counted in the open shift's report (when there is one) so the Z report shows every refund.
  const shift = input.method === 'cash' ? await requireOpenShift(ctx) : ((await findOpenShift(ctx)) ?? null);
  const number = await nextDocumentNumber(ctx.db, 'refund', ctx.device.code, ctx.clock.now(), await branchTimeZone(ctx.db));
  await ctx.writer.insert(ctx.db, 'refunds', {
    id: input.id,
    number,
    sale_id: sale.id,
    warehouse_id: input.warehouseId,
    shift_id: shift?.id ?? null,
    amount,
    method: input.method,
    reason: input.reason,
    user_id: session.user.id,
  });
  for (const line of lines) {
    await ctx.writer.insert(ctx.db, 'refund_lines', { refund_id: input.id, sale_line_id: line.saleLine.id, quantity: line.quantity, amount: line.amount });
    await ctx.writer.update(ctx.db, 'sale_lines', line.saleLine.id, { refunded_quantity: line.saleLine.refundedQuantity + line.quantity });
    await postMovement(ctx.db, ctx, {
      itemId: line.saleLine.itemId,
      warehouseId: input.warehouseId,
      quantity: line.quantity,
      kind: 'sale_return',
      refType: 'refund',
      refId: input.id,
      reason: input.reason,
      userId: session.user.id,
    });
  }
  await ctx.writer.insert(ctx.db, 'payments', {
    sale_id: sale.id, refund_id: input.id, order_id: null, shift_id: shift?.id ?? null, method: input.method, amount: -amount, reference: number, user_id: session.user.id,
  });
  if (shift && input.method === 'cash') await postCash(ctx, shift.id, 'refund', -amount, number, input.id);
  if (input.method === 'store_credit') {
    await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
      customer_id: sale.customer!.id, amount, kind: 'refund', ref_id: input.id, user_id: session.user.id,
    });
  }
  await ctx.writer.update(ctx.db, 'sales', sale.id, { refunded: sale.refunded + amount });
  const out = await refundOut(ctx, input.id);
  await ctx.audit({ entity: 'refund', entityId: input.id, before: null, after: { ...out, saleNumber: sale.number } });
  return out;
}
