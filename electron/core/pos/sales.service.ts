import { createHash } from 'node:crypto';
import type { Sale } from '../../../shared/contract/pos.contract';
import { roundCash, type CashRounding } from '../../../shared/domain/money';
import { priceCart } from '../../../shared/domain/pricing';
import type { TaxMode } from '../../../shared/domain/tax';
import { requireSession } from '../auth/auth.service';
import { priceListOfCustomer, unitPriceOf } from '../catalog/price-resolution';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextDocumentNumber } from '../documents/document-number';
import { requireWarehouse } from '../inventory/inventory.service';
import { postMovement } from '../inventory/stock-ledger';
import { AppError } from '../platform/errors';
import { findBranch } from '../settings/settings.service';
import { customerCredit } from './customer-credit';
import { approverFor } from './manager-approval';
import { saleOut } from './sale-view';
import { postCash, requireOpenShift } from './shifts.service';

function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

function invalid(message: { id: string; en: string }, fields: Record<string, string>): AppError {
  return new AppError('VALIDATION', message, { fields });
}

/**
 * Completes a sale: prices (customer's price list, discounts, PPN), checks payment, numbers it
 * `SAL/<DEVICE>/<YYMM>/<seq>`, and writes the sale, its lines, stock movements, payments, the cash
 * drawer movement, outbox and audit in the dispatcher's one transaction. The client's sale id is the
 * idempotency key: a retry answers the sale already made; the same id with another cart is CONFLICT.
 */
export async function completeSale(
  ctx: HandlerContext,
  input: ParsedInput<'pos.sales.complete'>,
): Promise<Sale> {
  const session = requireSession(ctx);
  const hash = requestHash(input);
  const existing = await ctx.db
    .selectFrom('sales')
    .select(['id', 'request_hash'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (existing) {
    if (existing.request_hash !== hash) {
      throw new AppError('CONFLICT', {
        id: 'ID penjualan ini sudah dipakai untuk keranjang lain.',
        en: 'This sale id was already used for a different cart.',
      });
    }
    await ctx.audit({ entity: 'sale', entityId: input.id, before: null, after: { retried: true } });
    return saleOut(ctx, input.id);
  }

  const branch = (await findBranch(ctx.db))!;
  const shift = await requireOpenShift(ctx);
  const warehouseId = input.warehouseId ?? shift.warehouse_id;
  await requireWarehouse(ctx, warehouseId);
  if (
    input.customerId &&
    !(await ctx.db.selectFrom('customers').select('id').where('id', '=', input.customerId).executeTakeFirst())
  ) {
    throw invalid(
      { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' },
      { customerId: 'unknown customer' },
    );
  }
  const priceListId = await priceListOfCustomer(ctx.db, input.customerId);

  // Price every line. A branch that is not PKP collects no PPN.
  const items = await ctx.db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .select([
      'items.id',
      'items.name',
      'items.sku',
      'items.price',
      'items.cost',
      'items.archived',
      'products.archived as product_archived',
      'products.tax_mode',
    ])
    .where('items.id', 'in', [...new Set(input.lines.map((line) => line.itemId))])
    .execute();
  const byId = new Map(items.map((item) => [item.id, item]));
  const priced: { item: (typeof items)[number]; unitPrice: number; taxMode: TaxMode }[] = [];
  for (const [i, line] of input.lines.entries()) {
    const item = byId.get(line.itemId);
    if (!item)
      throw invalid(
        { id: 'Barang tidak ditemukan.', en: 'Item not found.' },
        { [`lines.${i}.itemId`]: 'unknown item' },
      );
    if (item.archived || item.product_archived) {
      throw invalid(
        { id: `${item.name} sudah diarsipkan.`, en: `${item.name} is archived.` },
        { [`lines.${i}.itemId`]: 'archived' },
      );
    }
    const unitPrice = await unitPriceOf(ctx.db, item, line.quantity, priceListId);
    priced.push({ item, unitPrice, taxMode: branch.pkp ? item.tax_mode : 'exempt' });
  }
  const cart = priceCart(
    input.lines.map((line, i) => ({
      unitPrice: priced[i]!.unitPrice,
      quantity: line.quantity,
      taxMode: priced[i]!.taxMode,
      discount: line.discount,
    })),
    input.cartDiscount,
    { ratePercent: branch.ppn_rate_percent, dppNumerator: 11, dppDenominator: 12 },
  );

  // Discounts above the branch's limit need someone holding pos.discount (the cashier, or a PIN).
  let approvedBy: string | null = null;
  if (
    cart.discount > 0 &&
    cart.subtotal > 0 &&
    (cart.discount * 100) / cart.subtotal > branch.discount_limit_percent
  ) {
    approvedBy = await approverFor(ctx, 'pos.discount', input.managerPin, {
      id: `Diskon di atas ${branch.discount_limit_percent}%`,
      en: `A discount above ${branch.discount_limit_percent}%`,
    });
  }

  // Payments: non-cash methods pay exactly; cash is rounded (branch setting) and may give change.
  const cashTendered = input.payments
    .filter((p) => p.method === 'cash')
    .reduce((sum, p) => sum + p.amount, 0);
  const nonCash = input.payments.filter((p) => p.method !== 'cash');
  const nonCashTotal = nonCash.reduce((sum, p) => sum + p.amount, 0);
  if (nonCashTotal > cart.total) {
    throw invalid(
      { id: 'Pembayaran non-tunai melebihi total.', en: 'Non-cash payments exceed the total.' },
      { payments: 'non-cash more than the total' },
    );
  }
  const rounding =
    cashTendered > 0
      ? roundCash(
          cart.total - nonCashTotal,
          branch.cash_rounding === 0 ? 'none' : (branch.cash_rounding as CashRounding),
        ).adjustment
      : 0;
  const amountDue = cart.total + rounding;
  const paid = cashTendered + nonCashTotal;
  if (paid < amountDue) {
    throw invalid(
      {
        id: `Pembayaran kurang ${amountDue - paid} rupiah.`,
        en: `Payment is ${amountDue - paid} rupiah short.`,
      },
      { payments: `short by ${amountDue - paid}` },
    );
  }
  const change = paid - amountDue;
  const storeCredit = nonCash
    .filter((p) => p.method === 'store_credit')
    .reduce((sum, p) => sum + p.amount, 0);
  if (storeCredit > 0) {
    if (!input.customerId)
      throw invalid(
        { id: 'Saldo butuh pelanggan.', en: 'Store credit needs a customer.' },
        { customerId: 'required for store credit' },
      );
    const balance = await customerCredit(ctx.db, input.customerId);
    if (balance < storeCredit) {
      throw invalid(
        { id: `Saldo pelanggan hanya ${balance}.`, en: `The customer's credit is only ${balance}.` },
        { payments: 'not enough store credit' },
      );
    }
  }

  const now = ctx.clock.now();
  const number = await nextDocumentNumber(ctx.db, 'sale', ctx.device.code, now, branch.time_zone);
  await ctx.writer.insert(ctx.db, 'sales', {
    id: input.id,
    number,
    shift_id: shift.id,
    warehouse_id: warehouseId,
    customer_id: input.customerId ?? null,
    price_list_id: priceListId,
    user_id: session.user.id,
    status: 'completed',
    subtotal: cart.subtotal,
    discount: cart.discount,
    base: cart.base,
    ppn: cart.ppn,
    total: cart.total,
    rounding,
    amount_due: amountDue,
    paid,
    change,
    refunded: 0,
    approved_by: approvedBy,
    note: input.note,
    request_hash: hash,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  });
  await ctx.writer.insertMany(
    ctx.db,
    'sale_lines',
    cart.lines.map((line, i) => ({
      sale_id: input.id,
      line_no: i + 1,
      item_id: priced[i]!.item.id,
      name: priced[i]!.item.name,
      sku: priced[i]!.item.sku,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      line_discount: line.lineDiscount,
      cart_discount: line.cartDiscount,
      base: line.base,
      ppn: line.ppn,
      total: line.total,
      tax_mode: priced[i]!.taxMode,
      unit_cost: priced[i]!.item.cost,
      refunded_quantity: 0,
    })),
  );
  for (const [i, line] of cart.lines.entries()) {
    const { item } = priced[i]!;
    await postMovement(ctx.db, ctx, {
      itemId: item.id,
      warehouseId,
      quantity: -line.quantity,
      kind: 'sale',
      refType: 'sale',
      refId: input.id,
      unitCost: item.cost,
      reason: number,
      userId: session.user.id,
      respectReserved: true,
    });
  }
  const cashKept = cashTendered - change;
  if (cashKept > 0) {
    await ctx.writer.insert(ctx.db, 'payments', {
      sale_id: input.id,
      refund_id: null,
      order_id: null,
      shift_id: shift.id,
      method: 'cash',
      amount: cashKept,
      reference: '',
      user_id: session.user.id,
    });
    await postCash(ctx, shift.id, 'sale', cashKept, number, input.id);
  }
  for (const payment of nonCash) {
    await ctx.writer.insert(ctx.db, 'payments', {
      sale_id: input.id,
      refund_id: null,
      order_id: null,
      shift_id: shift.id,
      method: payment.method,
      amount: payment.amount,
      reference: payment.reference,
      user_id: session.user.id,
    });
  }
  if (storeCredit > 0) {
    await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
      customer_id: input.customerId!,
      amount: -storeCredit,
      kind: 'sale',
      ref_id: input.id,
      user_id: session.user.id,
    });
  }
  const sale = await saleOut(ctx, input.id);
  await ctx.audit({
    entity: 'sale',
    entityId: input.id,
    before: null,
    after: {
      number,
      total: sale.total,
      amountDue,
      lines: sale.lines.length,
      payments: sale.payments,
      approvedBy,
    },
  });
  return sale;
}

export async function listSales(ctx: HandlerContext, input: ParsedInput<'pos.sales.list'>) {
  let query = ctx.db.selectFrom('sales');
  if (input.shiftId) query = query.where('shift_id', '=', input.shiftId);
  if (input.from !== undefined) query = query.where('created_at', '>=', input.from);
  if (input.to !== undefined) query = query.where('created_at', '<=', input.to);
  if (input.number)
    query = query.where('number', 'like', `%${input.number.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await query
    .select('id')
    .orderBy('created_at', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  const sales: Sale[] = [];
  for (const row of ids) sales.push(await saleOut(ctx, row.id));
  return { sales, total: Number(total.n) };
}

/** Voids a whole sale that has no refunds: stock goes back, payments and drawer cash are reversed. */
export async function voidSale(ctx: HandlerContext, input: ParsedInput<'pos.sales.void'>): Promise<Sale> {
  const session = requireSession(ctx);
  const before = await saleOut(ctx, input.saleId);
  if (before.status === 'voided')
    throw new AppError('CONFLICT', { id: 'Penjualan sudah dibatalkan.', en: 'The sale is already void.' });
  if (before.refunded > 0) {
    throw new AppError('CONFLICT', {
      id: 'Penjualan ini sudah ada retur; buat retur untuk sisanya.',
      en: 'This sale has refunds; refund the rest instead.',
    });
  }
  const ledger = await ctx.db
    .selectFrom('payments')
    .select(['method', 'amount', 'reference'])
    .where('sale_id', '=', input.saleId)
    .execute();
  const cash = ledger.filter((p) => p.method === 'cash').reduce((sum, p) => sum + p.amount, 0);
  const shift = cash > 0 ? await requireOpenShift(ctx) : null;
  for (const line of before.lines) {
    await postMovement(ctx.db, ctx, {
      itemId: line.itemId,
      warehouseId: before.warehouseId,
      quantity: line.quantity,
      kind: 'sale_void',
      refType: 'sale',
      refId: before.id,
      reason: input.reason,
      userId: session.user.id,
    });
  }
  for (const payment of ledger) {
    await ctx.writer.insert(ctx.db, 'payments', {
      sale_id: before.id,
      refund_id: null,
      order_id: null,
      shift_id: shift?.id ?? before.shiftId,
      method: payment.method,
      amount: -payment.amount,
      reference: `void ${payment.reference}`.trim(),
      user_id: session.user.id,
    });
    if (payment.method === 'store_credit' && before.customer) {
      await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
        customer_id: before.customer.id,
        amount: payment.amount,
        kind: 'sale_void',
        ref_id: before.id,
        user_id: session.user.id,
      });
    }
  }
  if (shift) await postCash(ctx, shift.id, 'void', -cash, before.number, before.id);
  await ctx.writer.update(ctx.db, 'sales', before.id, {
    status: 'voided',
    voided_at: ctx.clock.now(),
    voided_by: session.user.id,
    void_reason: input.reason,
  });
  const after = await saleOut(ctx, before.id);
  await ctx.audit({
    entity: 'sale',
    entityId: before.id,
    before: { status: 'completed' },
    after: { status: 'voided', reason: input.reason },
  });
  return after;
}
