import { sql } from 'kysely';
import type { Order, OrderStatus } from '../../../shared/contract/orders.contract';
import { priceCart } from '../../../shared/domain/pricing';
import type { TaxMode } from '../../../shared/domain/tax';
import { requireSession } from '../auth/auth.service';
import { priceListOfCustomer, unitPriceOf } from '../catalog/price-resolution';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { requireWarehouse } from '../inventory/inventory.service';
import { changeReserved, insufficientStock, postMovement } from '../inventory/stock-ledger';
import { AppError, notFound } from '../platform/errors';
import { postCash, requireOpenShift } from '../pos/shifts.service';
import { findBranch } from '../settings/settings.service';
import { orderPdf } from './order-documents';


/** Which statuses an order may move to from each status. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING: ['PROCESSED', 'CANCELLED'],
  PROCESSED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

function paymentStatus(paid: number, total: number): 'unpaid' | 'partial' | 'paid' {
  if (paid <= 0) return 'unpaid';
  return paid >= total ? 'paid' : 'partial';
}

export async function orderOut(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<Order> {
  const row = await ctx.db.selectFrom('orders').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound({ id: 'Pesanan', en: 'Order' });
  const lines = await ctx.db.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('line_no').execute();
  const history = await ctx.db
    .selectFrom('order_status_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.created_at', 'h.from_status', 'h.to_status', 'h.note', 'u.name'])
    .where('h.order_id', '=', id)
    .orderBy('h.created_at')
    .orderBy('h.id')
    .execute();
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    createdAt: row.created_at,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    warehouseId: row.warehouse_id,
    shippingAddress: row.shipping_address,
    shippingFee: row.shipping_fee,
    lines: lines.map((line) => ({
      lineNo: line.line_no,
      itemId: line.item_id,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      discount: line.discount,
      ppn: line.ppn,
      total: line.total,
    })),
    subtotal: row.subtotal,
    discount: row.discount,
    ppn: row.ppn,
    total: row.total,
    paid: row.paid,
    paymentStatus: paymentStatus(row.paid, row.total),
    note: row.note,
    cancelReason: row.cancel_reason,
    history: history.map((h) => ({
      at: h.created_at,
      from: (h.from_status as OrderStatus | null) ?? null,
      to: h.to_status as OrderStatus,
      note: h.note,
      by: h.name ?? '?',
    })),
  };
}

async function recordStatus(ctx: HandlerContext, orderId: string, from: OrderStatus | null, to: OrderStatus, note: string) {
  await ctx.writer.insert(ctx.db, 'order_status_history', {
    order_id: orderId,
    from_status: from,
    to_status: to,
    note,
    user_id: ctx.session?.user.id ?? null,
  });
}

/** Prices the order like the till does and reserves its stock (blocked-policy items must be available). */
export async function createOrder(ctx: HandlerContext, input: ParsedInput<'orders.create'>): Promise<Order> {
  const session = requireSession(ctx);
  const existing = await ctx.db.selectFrom('orders').select('id').where('id', '=', input.id).executeTakeFirst();
  if (existing) return orderOut(ctx, input.id);
  const branch = (await findBranch(ctx.db))!;
  const warehouses = await ctx.db.selectFrom('warehouses').select('id').where('archived', '=', 0).where('deleted_at', 'is', null).orderBy('code').execute();
  const warehouseId = input.warehouseId ?? warehouses[0]?.id;
  if (!warehouseId) throw new AppError('VALIDATION', { id: 'Belum ada gudang.', en: 'There is no warehouse yet.' }, { fields: { warehouseId: 'required' } });
  await requireWarehouse(ctx, warehouseId);
  if (input.customerId && !(await ctx.db.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst())) {
    throw new AppError('VALIDATION', { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' }, { fields: { customerId: 'unknown customer' } });
  }
  const priceListId = await priceListOfCustomer(ctx.db, input.customerId);
  const priced: { id: string; name: string; sku: string; unitPrice: number; taxMode: TaxMode; policy: 'block' | 'allow' }[] = [];
  for (const [i, line] of input.lines.entries()) {
    const item = await ctx.db
      .selectFrom('items')
      .innerJoin('products', 'products.id', 'items.product_id')
      .select(['items.id', 'items.name', 'items.sku', 'items.price', 'items.archived', 'items.negative_policy', 'products.tax_mode'])
      .where('items.id', '=', line.itemId)
      .executeTakeFirst();
    if (!item || item.archived) {
      throw new AppError('VALIDATION', { id: 'Barang tidak ditemukan atau diarsipkan.', en: 'Item not found or archived.' }, { fields: { [`lines.${i}.itemId`]: 'unknown item' } });
    }
    priced.push({
      id: item.id,
      name: item.name,
      sku: item.sku,
      unitPrice: await unitPriceOf(ctx.db, item, line.quantity, priceListId),
      taxMode: branch.pkp ? item.tax_mode : 'exempt',
      policy: item.negative_policy,
    });
  }
  const cart = priceCart(
    input.lines.map((line, i) => ({ unitPrice: priced[i]!.unitPrice, quantity: line.quantity, taxMode: priced[i]!.taxMode, discount: line.discount })),
    undefined,
    { ratePercent: branch.ppn_rate_percent, dppNumerator: 11, dppDenominator: 12 },
  );
  const number = await nextDocumentNumber(ctx.db, 'order', ctx.device.code, ctx.clock.now(), branch.time_zone);
  await ctx.writer.insert(ctx.db, 'orders', {
    id: input.id,
    number,
    customer_id: input.customerId ?? null,
    customer_name: input.customerName,
    customer_phone: input.customerPhone,
    channel: input.channel,
    status: 'PENDING',
    warehouse_id: warehouseId,
    shipping_address: input.shippingAddress,
    shipping_fee: input.shippingFee,
    subtotal: cart.subtotal,
    discount: cart.discount,
    base: cart.base,
    ppn: cart.ppn,
    total: cart.total + input.shippingFee,
    paid: 0,
    note: input.note,
    cancel_reason: null,
    user_id: session.user.id,
  });
  for (const [i, line] of cart.lines.entries()) {
    const item = priced[i]!;
    if (item.policy === 'block') {
      const balance = await ctx.db
        .selectFrom('stock_balances')
        .select(['on_hand', 'reserved'])
        .where('item_id', '=', item.id)
        .where('warehouse_id', '=', warehouseId)
        .executeTakeFirst();
      const available = (balance?.on_hand ?? 0) - (balance?.reserved ?? 0);
      if (available < line.quantity) throw insufficientStock(item.name, Math.max(0, available), line.quantity);
    }
    await ctx.writer.insert(ctx.db, 'order_lines', {
      order_id: input.id,
      line_no: i + 1,
      item_id: item.id,
      name: item.name,
      sku: item.sku,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      discount: line.lineDiscount,
      base: line.base,
      ppn: line.ppn,
      total: line.total,
      tax_mode: item.taxMode,
    });
    await changeReserved(ctx.db, item.id, warehouseId, line.quantity);
  }
  await recordStatus(ctx, input.id, null, 'PENDING', input.note);
  const out = await orderOut(ctx, input.id);
  await ctx.audit({ entity: 'order', entityId: input.id, before: null, after: { number, total: out.total, lines: out.lines.length } });
  return out;
}

/** One order's move: shipping takes the reserved stock out; cancelling releases it, or restocks if shipped. */
async function moveOrder(ctx: HandlerContext, id: string, to: OrderStatus, note: string): Promise<Order> {
  const before = await orderOut(ctx, id);
  if (!NEXT[before.status].includes(to)) {
    throw new AppError('CONFLICT', {
      id: `Pesanan ${before.number} tidak bisa diubah dari ${before.status} ke ${to}.`,
      en: `Order ${before.number} cannot go from ${before.status} to ${to}.`,
    });
  }
  const userId = ctx.session?.user.id ?? null;
  for (const line of before.lines) {
    if (to === 'SHIPPED') {
      await changeReserved(ctx.db, line.itemId, before.warehouseId, -line.quantity);
      await postMovement(ctx.db, ctx, {
        itemId: line.itemId, warehouseId: before.warehouseId, quantity: -line.quantity, kind: 'order_ship', refType: 'order', refId: id, reason: before.number, userId, respectReserved: true,
      });
    } else if (to === 'CANCELLED' && before.status === 'SHIPPED') {
      await postMovement(ctx.db, ctx, {
        itemId: line.itemId, warehouseId: before.warehouseId, quantity: line.quantity, kind: 'order_return', refType: 'order', refId: id, reason: note || before.number, userId,
      });
    } else if (to === 'CANCELLED') {
      await changeReserved(ctx.db, line.itemId, before.warehouseId, -line.quantity);
    }
  }
  await ctx.writer.update(ctx.db, 'orders', id, { status: to, ...(to === 'CANCELLED' ? { cancel_reason: note } : {}) });
  await recordStatus(ctx, id, before.status, to, note);
  await ctx.audit({ entity: 'order', entityId: id, before: { status: before.status }, after: { status: to, note } });
  return orderOut(ctx, id);
}

/** Bulk status change: each order moves or fails on its own; failures are reported, not thrown. */
export async function setOrderStatus(ctx: HandlerContext, input: ParsedInput<'orders.setStatus'>) {
  const updated: Order[] = [];
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of [...new Set(input.ids)]) {
    // A savepoint per order: a failure half-way through one order undoes that order only.
    await sql`SAVEPOINT order_move`.execute(ctx.db);
    try {
      updated.push(await moveOrder(ctx, id, input.status, input.note));
      await sql`RELEASE order_move`.execute(ctx.db);
    } catch (error) {
      await sql`ROLLBACK TO order_move`.execute(ctx.db);
      await sql`RELEASE order_move`.execute(ctx.db);
      if (!(error instanceof AppError)) throw error;
      failed.push({ id, code: error.code, message: error.messageFor(ctx.locale) });
    }
  }
  return { updated, failed };
}

export async function recordOrderPayment(ctx: HandlerContext, input: ParsedInput<'orders.payments.record'>): Promise<Order> {
  const session = requireSession(ctx);
  const order = await orderOut(ctx, input.orderId);
  if (order.status === 'CANCELLED') throw new AppError('CONFLICT', { id: 'Pesanan dibatalkan.', en: 'The order is cancelled.' });
  if (order.paid + input.amount > order.total) {
    throw new AppError('VALIDATION', {
      id: `Sisa tagihan hanya ${order.total - order.paid}.`,
      en: `Only ${order.total - order.paid} is still due.`,
    }, { fields: { amount: `at most ${order.total - order.paid}` } });
  }
  const shift = input.method === 'cash' ? await requireOpenShift(ctx) : null;
  await ctx.writer.insert(ctx.db, 'payments', {
    sale_id: null, refund_id: null, order_id: order.id, shift_id: shift?.id ?? null, method: input.method, amount: input.amount, reference: input.reference, user_id: session.user.id,
  });
  if (shift) await postCash(ctx, shift.id, 'order_payment', input.amount, order.number, order.id);
  await ctx.writer.update(ctx.db, 'orders', order.id, { paid: order.paid + input.amount });
  await ctx.audit({ entity: 'order', entityId: order.id, before: { paid: order.paid }, after: { paid: order.paid + input.amount, method: input.method } });
  return orderOut(ctx, order.id);
}

export async function listOrders(ctx: HandlerContext, input: ParsedInput<'orders.list'>) {
  let query = ctx.db.selectFrom('orders').where('deleted_at', 'is', null);
  if (input.status) query = query.where('status', '=', input.status);
  if (input.paymentStatus === 'unpaid') query = query.where('paid', '<=', 0);
  if (input.paymentStatus === 'partial') query = query.where('paid', '>', 0).whereRef('paid', '<', 'total');
  if (input.paymentStatus === 'paid') query = query.whereRef('paid', '>=', 'total');
  if (input.from !== undefined) query = query.where('created_at', '>=', input.from);
  if (input.to !== undefined) query = query.where('created_at', '<=', input.to);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('number', 'like', like), eb('customer_name', 'like', like), eb('customer_phone', 'like', like)]));
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await query.select('id').orderBy('created_at', 'desc').offset(input.offset).limit(input.limit).execute();
  const orders: Order[] = [];
  for (const row of ids) orders.push(await orderOut(ctx, row.id));
  return { orders, total: Number(total.n) };
}

export async function orderDocument(ctx: HandlerContext, input: ParsedInput<'orders.documents.pdf'>) {
  const order = await orderOut(ctx, input.id);
  const branch = (await findBranch(ctx.db))!;
  const pdf = await orderPdf(
    order,
    { name: branch.name, address: branch.address, phone: branch.phone, npwp: branch.npwp, pkp: branch.pkp === 1, timeZone: branch.time_zone },
    input.kind,
  );
  const prefix = { invoice: 'faktur', packing_slip: 'packing', label: 'label' }[input.kind];
  return { fileName: `${prefix}-${order.number.replace(/\//g, '-')}.pdf`, pdfBase64: pdf.toString('base64') };
}
