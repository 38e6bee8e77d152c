import type { BillingPayment as Payment, CustomerBalance } from '../../../shared/contract/billing.contract';
import { invoiceBalance } from '../../../shared/domain/invoice-math';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { queueCustomerMessage } from '../notify/notify-queue';
import { AppError, notFound } from '../platform/errors';
import { uuidv7 } from '../platform/ids';
import { customerCredit } from '../pos/customer-credit';
import { findOpenShift, postCash } from '../pos/shifts.service';
import { reactivateSubscription } from '../subscriptions/subscription-lifecycle';
import { billingBranch } from './billing-branch';
import { readBillingSettings } from './billing-settings';
import type { BillingPaymentRow, InvoiceRow } from './billing.tables';
import { longDate, METHOD_NAMES } from './billing-words';
import { nextNumber } from './document-numbers';
import { recomputeInvoice } from './invoice-lines';
import { selectInvoices, toInvoice } from './invoices.service';

/** Credit-ledger kinds billing writes (customer_credit_movements.kind). */
const CREDIT_IN = 'billing_overpayment';
const CREDIT_OUT = 'billing_payment';

function selectPayments(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('billing_payments as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .leftJoin('users as u', 'u.id', 'p.received_by')
    .selectAll('p')
    .select(['c.code as customer_code', 'c.name as customer_name', 'u.name as received_by_name'])
    .where('p.deleted_at', 'is', null);
}

type PaymentListRow = Awaited<ReturnType<ReturnType<typeof selectPayments>['executeTakeFirstOrThrow']>>;

/** Payments as the contract shows them, with their allocations and what went to credit (batched). */
async function toPayments(ctx: Pick<HandlerContext, 'db'>, rows: PaymentListRow[]): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const allocations = await ctx.db
    .selectFrom('payment_allocations as a')
    .innerJoin('invoices as i', 'i.id', 'a.invoice_id')
    .select(['a.payment_id', 'a.invoice_id', 'i.number', 'a.amount'])
    .where('a.payment_id', 'in', ids)
    .where('a.deleted_at', 'is', null)
    .orderBy('i.due_date')
    .orderBy('i.number')
    .execute();
  const credits = await ctx.db
    .selectFrom('customer_credit_movements')
    .select(['ref_id', (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('ref_id', 'in', ids)
    .where('kind', '=', CREDIT_IN)
    .groupBy('ref_id')
    .execute();
  const creditBy = new Map(credits.map((c) => [c.ref_id, Number(c.amount)]));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    amount: row.amount,
    method: row.method,
    reference: row.reference,
    receivedOn: row.received_on,
    receivedBy: row.received_by_name,
    allocations: allocations
      .filter((a) => a.payment_id === row.id)
      .map((a) => ({ invoiceId: a.invoice_id, invoiceNumber: a.number, amount: a.amount })),
    toCredit: creditBy.get(row.id) ?? 0,
    createdAt: row.created_at,
  }));
}

export async function paymentOut(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<Payment> {
  const row = await selectPayments(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Pembayaran', en: 'Payment' });
  return (await toPayments(ctx, [row]))[0]!;
}

/** A customer's open invoices (issued or partial with something left), oldest due first. */
function openInvoices(ctx: Pick<HandlerContext, 'db'>, customerId: string) {
  return ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['issued', 'partial'])
    .orderBy('due_date')
    .orderBy('issue_date')
    .orderBy('number')
    .execute();
}

type Target = { invoice: InvoiceRow; left: number; allocated: number };

/** Spreads `amount` over the targets in order; answers what was not needed. */
async function allocate(
  ctx: HandlerContext,
  paymentId: string,
  amount: number,
  targets: Target[],
): Promise<number> {
  let rest = amount;
  const rows: { payment_id: string; invoice_id: string; amount: number }[] = [];
  for (const target of targets) {
    if (rest <= 0) break;
    const take = Math.min(rest, target.left);
    if (take <= 0) continue;
    rows.push({ payment_id: paymentId, invoice_id: target.invoice.id, amount: take });
    target.left -= take;
    target.allocated += take;
    rest -= take;
  }
  await ctx.writer.insertMany(ctx.db, 'payment_allocations', rows);
  return rest;
}

function sameRequest(row: BillingPaymentRow, input: ParsedInput<'billing.payments.record'>): boolean {
  if (row.customer_id !== input.customerId) return false;
  return input.amount > 0
    ? row.amount === input.amount && row.method === input.method
    : row.method === 'credit';
}

/**
 * Records a payment: the customer's credit first when asked, then the money, each allocated to the
 * open invoices oldest due first (or the chosen ones); anything left becomes customer credit. Cash
 * lands in this device's open shift drawer when there is one. Isolated subscriptions with nothing
 * overdue left are reactivated (auto_reactivate) in the same transaction. The client's id makes a
 * retry answer the payment already recorded.
 */
export async function recordPayment(
  ctx: HandlerContext,
  input: ParsedInput<'billing.payments.record'>,
): Promise<Payment> {
  const existing = await ctx.db
    .selectFrom('billing_payments')
    .selectAll()
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (existing) {
    if (!sameRequest(existing, input)) {
      throw new AppError('CONFLICT', {
        id: 'ID pembayaran ini sudah dipakai untuk pembayaran lain.',
        en: 'This payment id was already used for a different payment.',
      });
    }
    await ctx.audit({
      entity: 'billing_payment',
      entityId: input.id,
      before: null,
      after: { retried: true },
    });
    return paymentOut(ctx, input.id);
  }
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['id', 'name'])
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) {
    throw new AppError(
      'VALIDATION',
      { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' },
      { fields: { customerId: 'unknown customer' } },
    );
  }
  const branch = await billingBranch(ctx);
  let open = await openInvoices(ctx, input.customerId);
  if (input.invoiceIds && input.invoiceIds.length > 0) {
    const chosen = new Set(input.invoiceIds);
    const found = open.filter((invoice) => chosen.has(invoice.id));
    if (found.length !== chosen.size) {
      throw new AppError(
        'VALIDATION',
        {
          id: 'Ada tagihan yang bukan milik pelanggan ini atau sudah lunas/dibatalkan.',
          en: 'Some invoices are not this customer’s open invoices.',
        },
        { fields: { invoiceIds: 'not open invoices of this customer' } },
      );
    }
    open = found;
  }
  const targets: Target[] = open.map((invoice) => ({ invoice, left: invoiceBalance(invoice), allocated: 0 }));
  const due = targets.reduce((sum, t) => sum + t.left, 0);
  const userId = ctx.session?.user.id ?? null;

  let primaryId: string | null = null;
  const written: string[] = [];
  if (input.useCredit) {
    const use = Math.min(await customerCredit(ctx.db, input.customerId), due);
    if (use > 0) {
      const id = input.amount > 0 ? uuidv7(ctx.clock.now()) : input.id;
      const number = await nextNumber(ctx, 'payment', branch.timeZone);
      await ctx.writer.insert(ctx.db, 'billing_payments', {
        id,
        number,
        customer_id: input.customerId,
        amount: use,
        method: 'credit',
        reference: '',
        received_by: userId,
        shift_id: null,
        received_on: branch.today,
        voided_at: null,
        notes: input.amount > 0 ? `with ${input.id}` : '',
      });
      await allocate(ctx, id, use, targets);
      await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
        customer_id: input.customerId,
        amount: -use,
        kind: CREDIT_OUT,
        ref_id: id,
        user_id: userId,
      });
      written.push(number);
      if (input.amount === 0) primaryId = id;
    }
  }
  if (input.amount > 0) {
    const shift = input.method === 'cash' ? await findOpenShift(ctx) : undefined;
    const number = await nextNumber(ctx, 'payment', branch.timeZone);
    await ctx.writer.insert(ctx.db, 'billing_payments', {
      id: input.id,
      number,
      customer_id: input.customerId,
      amount: input.amount,
      method: input.method,
      reference: input.reference,
      received_by: userId,
      shift_id: shift?.id ?? null,
      received_on: branch.today,
      voided_at: null,
      notes: '',
    });
    const rest = await allocate(ctx, input.id, input.amount, targets);
    if (rest > 0) {
      await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
        customer_id: input.customerId,
        amount: rest,
        kind: CREDIT_IN,
        ref_id: input.id,
        user_id: userId,
      });
    }
    // Billing cash is not a sale: it enters the drawer as a document payment, like an order's.
    if (shift) await postCash(ctx, shift.id, 'order_payment', input.amount, number, input.id);
    written.push(number);
    primaryId = input.id;
  }
  if (!primaryId) {
    throw new AppError(
      'VALIDATION',
      { id: 'Tidak ada saldo atau tagihan untuk dibayar.', en: 'There is no credit or nothing due to pay.' },
      { fields: { amount: 'nothing to pay' } },
    );
  }

  for (const target of targets) {
    if (target.allocated > 0) {
      await recomputeInvoice(ctx, target.invoice.id, branch.today, {
        paid: target.invoice.paid + target.allocated,
      });
    }
  }

  const reactivated: string[] = [];
  const settings = await readBillingSettings(ctx);
  if (settings.autoReactivate) {
    const isolated = await ctx.db
      .selectFrom('subscriptions')
      .select('id')
      .where('customer_id', '=', input.customerId)
      .where('state', '=', 'isolated')
      .where('deleted_at', 'is', null)
      .execute();
    for (const sub of isolated) {
      const overdue = await ctx.db
        .selectFrom('invoices')
        .select('id')
        .where('subscription_id', '=', sub.id)
        .where('status', 'in', ['issued', 'partial'])
        .where('due_date', '<', branch.today)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!overdue && (await reactivateSubscription(ctx, sub.id, 'paid'))) reactivated.push(sub.id);
    }
  }

  const out = await paymentOut(ctx, primaryId);
  const left = (await openInvoices(ctx, input.customerId)).reduce(
    (sum, invoice) => sum + invoiceBalance(invoice),
    0,
  );
  await queueCustomerMessage(ctx, {
    templateKey: 'payment.received',
    customerId: input.customerId,
    dedupeKey: `payment.received:${primaryId}`,
    vars: {
      nomor: out.number,
      jumlah: input.amount > 0 ? input.amount : out.amount,
      saldo: left,
      tanggal: longDate(branch.today),
      metode: METHOD_NAMES[out.method] ?? out.method,
    },
  });
  await ctx.audit({
    entity: 'billing_payment',
    entityId: primaryId,
    before: null,
    after: {
      numbers: written,
      customerId: input.customerId,
      amount: input.amount,
      method: input.method,
      allocations: targets
        .filter((t) => t.allocated > 0)
        .map((t) => ({ invoice: t.invoice.number, amount: t.allocated })),
      toCredit: out.toCredit,
      reactivated,
    },
  });
  return out;
}

export async function listPayments(ctx: HandlerContext, input: ParsedInput<'billing.payments.list'>) {
  let query = selectPayments(ctx);
  if (input.customerId) query = query.where('p.customer_id', '=', input.customerId);
  if (input.from) query = query.where('p.received_on', '>=', input.from);
  if (input.to) query = query.where('p.received_on', '<=', input.to);
  const sums = await ctx.db
    .selectFrom(query.as('q'))
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('q.amount'), eb.lit(0)).as('sum'),
    ])
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('p.created_at', 'desc').offset(input.offset).limit(input.limit).execute();
  return { payments: await toPayments(ctx, rows), total: Number(sums.n), sum: Number(sums.sum) };
}

/** What a customer owes: open invoices, the overdue part, and their credit. */
export async function customerBalance(
  ctx: HandlerContext,
  input: ParsedInput<'billing.customers.balance'>,
): Promise<CustomerBalance> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['id', 'code', 'name'])
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) throw notFound({ id: 'Pelanggan', en: 'Customer' });
  const { today } = await billingBranch(ctx);
  const rows = await selectInvoices(ctx)
    .where('i.customer_id', '=', input.customerId)
    .where('i.status', 'in', ['issued', 'partial'])
    .orderBy('i.due_date')
    .orderBy('i.issue_date')
    .orderBy('i.number')
    .execute();
  const invoices = rows.map((row) => toInvoice(row, today)).filter((invoice) => invoice.balance > 0);
  return {
    customerId: customer.id,
    customerCode: customer.code,
    customerName: customer.name,
    openInvoices: invoices,
    due: invoices.reduce((sum, invoice) => sum + invoice.balance, 0),
    overdue: invoices.filter((invoice) => invoice.overdue).reduce((sum, invoice) => sum + invoice.balance, 0),
    credit: await customerCredit(ctx.db, input.customerId),
  };
}
