import type { Shift } from '../../../shared/contract/pos.contract';
import { requireSession } from '../auth/auth.service';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { requireWarehouse } from '../inventory/inventory.service';
import { AppError, notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import type { ShiftRow } from './pos.tables';


export function noOpenShift(): AppError {
  return new AppError('CONFLICT', {
    id: 'Belum ada shift yang dibuka di kasir ini. Buka shift dengan modal awal dulu.',
    en: 'No shift is open at this till. Open one with a cash float first.',
  });
}

/** This device's open shift, if any. */
export function findOpenShift(ctx: HandlerContext) {
  return ctx.db
    .selectFrom('shifts')
    .selectAll()
    .where('origin_device', '=', ctx.device.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function requireOpenShift(ctx: HandlerContext): Promise<ShiftRow> {
  const shift = await findOpenShift(ctx);
  if (!shift) throw noOpenShift();
  return shift;
}

export async function expectedCash(ctx: HandlerContext, shiftId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('cash_movements')
    .select((eb) => eb.fn.sum<number>('amount').as('n'))
    .where('shift_id', '=', shiftId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Appends a drawer movement to the cash ledger. */
export async function postCash(
  ctx: HandlerContext,
  shiftId: string,
  kind: 'float' | 'sale' | 'refund' | 'void' | 'cash_in' | 'cash_out' | 'order_payment',
  amount: number,
  reason: string,
  refId: string | null,
): Promise<void> {
  if (amount === 0) return;
  await ctx.writer.insert(ctx.db, 'cash_movements', {
    shift_id: shiftId,
    kind,
    amount,
    reason,
    ref_id: refId,
    user_id: ctx.session?.user.id ?? null,
  });
}

async function shiftOut(ctx: HandlerContext, row: ShiftRow): Promise<Shift> {
  const user = await ctx.db.selectFrom('users').select('name').where('id', '=', row.user_id).executeTakeFirst();
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    cashier: user?.name ?? '?',
    warehouseId: row.warehouse_id,
    openedAt: row.opened_at,
    openingFloat: row.opening_float,
    closedAt: row.closed_at,
    expectedCash: row.status === 'closed' && row.expected_cash !== null ? row.expected_cash : await expectedCash(ctx, row.id),
    countedCash: row.counted_cash,
    variance: row.variance,
  };
}

export async function openShift(ctx: HandlerContext, input: ParsedInput<'pos.shifts.open'>): Promise<Shift> {
  const session = requireSession(ctx);
  if (await findOpenShift(ctx)) {
    throw new AppError('CONFLICT', { id: 'Shift di kasir ini sudah terbuka.', en: 'A shift is already open at this till.' });
  }
  await requireWarehouse(ctx, input.warehouseId);
  const now = ctx.clock.now();
  const number = await nextDocumentNumber(ctx.db, 'shift', ctx.device.code, now, await branchTimeZone(ctx.db));
  const row = await ctx.writer.insert(ctx.db, 'shifts', {
    number,
    user_id: session.user.id,
    warehouse_id: input.warehouseId,
    status: 'open',
    opened_at: now,
    opening_float: input.openingFloat,
    closed_at: null,
    expected_cash: null,
    counted_cash: null,
    denominations: null,
    variance: null,
    note: '',
  });
  await postCash(ctx, row.id, 'float', input.openingFloat, 'modal awal', null);
  const out = await shiftOut(ctx, row);
  await ctx.audit({ entity: 'shift', entityId: row.id, before: null, after: out });
  return out;
}

export async function currentShift(ctx: HandlerContext): Promise<Shift | null> {
  const row = await findOpenShift(ctx);
  return row ? shiftOut(ctx, row) : null;
}

export async function moveCash(ctx: HandlerContext, input: ParsedInput<'pos.shifts.cashMove'>): Promise<Shift> {
  const shift = await requireOpenShift(ctx);
  if (input.kind === 'cash_out' && input.amount > (await expectedCash(ctx, shift.id))) {
    throw new AppError('VALIDATION', { id: 'Uang di laci tidak cukup.', en: 'There is not that much cash in the drawer.' }, { fields: { amount: 'more than the drawer holds' } });
  }
  await postCash(ctx, shift.id, input.kind, input.kind === 'cash_in' ? input.amount : -input.amount, input.reason, null);
  await ctx.audit({ entity: 'shift', entityId: shift.id, before: null, after: { [input.kind]: input.amount, reason: input.reason } });
  return shiftOut(ctx, shift);
}

async function report(ctx: HandlerContext, row: ShiftRow) {
  const sales = await ctx.db
    .selectFrom('sales')
    .select(['status', 'subtotal', 'discount', 'ppn', 'total', 'rounding', 'refunded'])
    .where('shift_id', '=', row.id)
    .execute();
  const completed = sales.filter((sale) => sale.status === 'completed');
  const payments = await ctx.db
    .selectFrom('payments')
    .select(['method', (eb) => eb.fn.sum<number>('amount').as('amount'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('shift_id', '=', row.id)
    .groupBy('method')
    .orderBy('method')
    .execute();
  const moves = await ctx.db.selectFrom('cash_movements').select(['kind', 'amount']).where('shift_id', '=', row.id).execute();
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const refunds = await ctx.db
    .selectFrom('refunds')
    .select((eb) => eb.fn.sum<number>('amount').as('n'))
    .where('shift_id', '=', row.id)
    .executeTakeFirst();
  const gross = sum(completed.map((s) => s.total + s.rounding));
  return {
    kind: row.status === 'open' ? ('X' as const) : ('Z' as const),
    shift: await shiftOut(ctx, row),
    salesCount: completed.length,
    voidCount: sales.length - completed.length,
    gross,
    discounts: sum(completed.map((s) => s.discount)),
    ppn: sum(completed.map((s) => s.ppn)),
    refunds: Number(refunds?.n ?? 0),
    net: gross - Number(refunds?.n ?? 0),
    byMethod: payments.map((p) => ({ method: p.method, amount: Number(p.amount), count: Number(p.count) })),
    cashIn: sum(moves.filter((m) => m.kind === 'cash_in').map((m) => m.amount)),
    cashOut: -sum(moves.filter((m) => m.kind === 'cash_out').map((m) => m.amount)),
    denominations: row.denominations ? (JSON.parse(row.denominations) as Record<string, number>) : null,
  };
}

/** Counts the drawer by denomination, records expected vs counted and closes the shift (Z report). */
export async function closeShift(ctx: HandlerContext, input: ParsedInput<'pos.shifts.close'>) {
  const shift = await requireOpenShift(ctx);
  const expected = await expectedCash(ctx, shift.id);
  const counted = Object.entries(input.denominations).reduce((sum, [value, count]) => sum + Number(value) * count, 0);
  await ctx.writer.update(ctx.db, 'shifts', shift.id, {
    status: 'closed',
    closed_at: ctx.clock.now(),
    expected_cash: expected,
    counted_cash: counted,
    denominations: JSON.stringify(input.denominations),
    variance: counted - expected,
    note: input.note,
  });
  const closed = await ctx.db.selectFrom('shifts').selectAll().where('id', '=', shift.id).executeTakeFirstOrThrow();
  const out = await report(ctx, closed);
  await ctx.audit({ entity: 'shift', entityId: shift.id, before: { status: 'open' }, after: { status: 'closed', expected, counted, variance: counted - expected } });
  return out;
}

export async function shiftReport(ctx: HandlerContext, input: ParsedInput<'pos.shifts.report'>) {
  const row = input.shiftId
    ? await ctx.db.selectFrom('shifts').selectAll().where('id', '=', input.shiftId).executeTakeFirst()
    : await findOpenShift(ctx);
  if (!row) throw input.shiftId ? notFound({ id: 'Shift', en: 'Shift' }) : noOpenShift();
  return report(ctx, row);
}
