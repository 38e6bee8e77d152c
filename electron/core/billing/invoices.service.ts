import { invoiceIssuedMessage } from './invoice-message';
import { queueCustomerMessage } from '../notify/notify-queue';
import { customerCredit } from '../pos/customer-credit';
import { sql } from 'kysely';
import type { Invoice, InvoiceDetail } from '../../../shared/contract/billing.contract';
import { invoiceBalance, isOverdue, storedLineParts } from '../../../shared/domain/invoice-math';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { billingBranch } from './billing-branch';
import { readBillingSettings } from './billing-settings';
import { nextNumber } from './document-numbers';
import { insertInvoiceLines, recomputeInvoice, requireInvoice } from './invoice-lines';
import { addDays } from '../../../shared/domain/calendar';

/** Invoices with their customer's code and name and their subscription's code. */
export function selectInvoices(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('subscriptions as s', 's.id', 'i.subscription_id')
    .selectAll('i')
    .select(['c.code as customer_code', 'c.name as customer_name', 's.code as subscription_code'])
    .where('i.deleted_at', 'is', null);
}

type InvoiceListRow = Awaited<ReturnType<ReturnType<typeof selectInvoices>['executeTakeFirstOrThrow']>>;

export function toInvoice(row: InvoiceListRow, today: string): Invoice {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    customerCode: row.customer_code,
    customerName: row.customer_name,
    subscriptionId: row.subscription_id,
    subscriptionCode: row.subscription_code,
    period: row.period,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    status: row.status,
    overdue: isOverdue({ status: row.status, dueDate: row.due_date }, today),
    subtotal: row.subtotal,
    discount: row.discount,
    ppn: row.ppn,
    total: row.total,
    paid: row.paid,
    credited: row.credited,
    balance: invoiceBalance(row),
    notes: row.notes,
    voidReason: row.void_reason,
    paidOn: row.paid_on,
    createdAt: row.created_at,
  };
}

/** One invoice with lines, payments, credit notes and its customer's contact. */
export async function invoiceDetail(ctx: HandlerContext, id: string): Promise<InvoiceDetail> {
  const row = await selectInvoices(ctx).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Tagihan', en: 'Invoice' });
  const { today } = await billingBranch(ctx);
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['phone', 'address'])
    .where('id', '=', row.customer_id)
    .executeTakeFirstOrThrow();
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const payments = await ctx.db
    .selectFrom('payment_allocations as a')
    .innerJoin('billing_payments as p', 'p.id', 'a.payment_id')
    .select(['p.id', 'p.number', 'p.method', 'p.received_on', 'a.amount'])
    .where('a.invoice_id', '=', id)
    .where('a.deleted_at', 'is', null)
    .orderBy('p.created_at')
    .execute();
  const notes = await ctx.db
    .selectFrom('credit_notes')
    .selectAll()
    .where('invoice_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const outLines = lines.map((line) => {
    const parts = storedLineParts({ amount: line.amount, taxMode: line.tax_mode, ppn: line.ppn });
    return {
      id: line.id,
      kind: line.kind,
      description: line.description,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      amount: line.amount,
      taxMode: line.tax_mode,
      base: parts.base,
      ppn: line.ppn,
      gross: parts.gross,
    };
  });
  return {
    ...toInvoice(row, today),
    customerPhone: customer.phone,
    customerAddress: customer.address,
    base: outLines.reduce((sum, line) => sum + line.base, 0),
    lines: outLines,
    payments: payments.map((p) => ({
      paymentId: p.id,
      number: p.number,
      method: p.method,
      amount: p.amount,
      receivedOn: p.received_on,
    })),
    creditNotes: notes.map((note) => ({
      id: note.id,
      number: note.number,
      invoiceId: note.invoice_id,
      amount: note.amount,
      reason: note.reason,
      createdAt: note.created_at,
    })),
  };
}

export async function listInvoices(ctx: HandlerContext, input: ParsedInput<'billing.invoices.list'>) {
  const { today } = await billingBranch(ctx);
  // Filters, counts and the page's order are read from `invoices` alone (the customer's name only
  // through a subquery), so a page of 50,000 overdue invoices sorts an index, not a join; the page's
  // rows are then joined to their customer and subscription.
  let query = ctx.db.selectFrom('invoices as i').where('i.deleted_at', 'is', null);
  if (input.status === 'overdue') {
    query = query.where('i.status', 'in', ['issued', 'partial']).where('i.due_date', '<', today);
  } else if (input.status) {
    query = query.where('i.status', '=', input.status);
  }
  if (input.customerId) query = query.where('i.customer_id', '=', input.customerId);
  if (input.subscriptionId) query = query.where('i.subscription_id', '=', input.subscriptionId);
  if (input.period) query = query.where('i.period', '=', input.period);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`i.number LIKE ${like} ESCAPE '\\'`,
        eb(
          'i.customer_id',
          'in',
          eb
            .selectFrom('customers as c')
            .select('c.id')
            .where(sql<boolean>`(c.name LIKE ${like} ESCAPE '\\' OR c.code LIKE ${like} ESCAPE '\\')`),
        ),
      ]),
    );
  }
  const sums = await query
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(CASE WHEN i.status = 'void' THEN 0 ELSE i.total END), 0)`.as('total'),
      sql<number>`coalesce(sum(CASE WHEN i.status IN ('issued', 'partial') THEN max(i.total - i.paid - i.credited, 0) ELSE 0 END), 0)`.as(
        'balance',
      ),
    ])
    .executeTakeFirstOrThrow();
  const page = await query
    .select('i.id')
    .orderBy('i.issue_date', 'desc')
    .orderBy('i.number', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  const rows =
    page.length === 0
      ? []
      : await selectInvoices(ctx)
          .where(
            'i.id',
            'in',
            page.map((row) => row.id),
          )
          .orderBy('i.issue_date', 'desc')
          .orderBy('i.number', 'desc')
          .execute();
  return {
    invoices: rows.map((row) => toInvoice(row, today)),
    total: Number(sums.n),
    sums: { total: Number(sums.total), balance: Number(sums.balance) },
  };
}

/**
 * A one-off invoice (installation, a device, a service visit): issued today, due after due_days; or a
 * draft (asked for, or the branch's issue mode when not said) whose dates are set when it is issued.
 */
export async function createInvoice(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.create'>,
): Promise<InvoiceDetail> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
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
  const settings = await readBillingSettings(ctx);
  const draft = input.draft ?? settings.issueMode === 'draft';
  const items = input.items.map((item) => ({
    kind: item.kind,
    description: item.description,
    // A discount lowers the invoice whichever sign it was typed with.
    amount: item.kind === 'discount' ? -Math.abs(item.amount) : item.amount,
    taxMode: item.taxMode,
  }));
  const row = await ctx.writer.insert(ctx.db, 'invoices', {
    number: await nextNumber(ctx, 'invoice', branch.timeZone),
    customer_id: input.customerId,
    subscription_id: null,
    period: null,
    period_start: null,
    period_end: null,
    issue_date: branch.today,
    due_date: addDays(branch.today, settings.dueDays),
    status: draft ? 'draft' : 'issued',
    subtotal: 0,
    discount: 0,
    ppn: 0,
    total: 0,
    paid: 0,
    credited: 0,
    notes: input.notes,
    void_reason: '',
    paid_on: null,
  });
  await insertInvoiceLines(ctx, branch, row.id, items);
  const after = await recomputeInvoice(ctx, row.id, branch.today);
  if (after.total <= 0) {
    throw new AppError(
      'VALIDATION',
      { id: 'Total tagihan harus lebih dari nol.', en: 'The invoice total must be more than zero.' },
      { fields: { items: 'total must be positive' } },
    );
  }
  const out = await invoiceDetail(ctx, row.id);
  if (!draft) {
    await queueCustomerMessage(
      ctx,
      await invoiceIssuedMessage(
        ctx,
        { ...row, total: after.total, due_date: row.due_date },
        after.total,
        `invoice.issued:${row.id}`,
      ),
    );
  }
  await ctx.audit({
    entity: 'invoice',
    entityId: row.id,
    before: null,
    after: { number: out.number, total: out.total, customerId: out.customerId, status: out.status },
  });
  return out;
}

/**
 * Voids an invoice nobody has paid anything on (payments must be refunded as credit notes first:
 * money received is never silently undone). Its one-off charges go back to waiting for the next
 * invoice. A voided period invoice is not made again by later runs (one per period, ever).
 */
export async function voidInvoice(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.void'>,
): Promise<InvoiceDetail> {
  const invoice = await requireInvoice(ctx, input.id);
  if (invoice.status === 'void') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} sudah dibatalkan.`,
      en: `Invoice ${invoice.number} is already void.`,
    });
  }
  if (invoice.paid > 0) {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} sudah dibayar sebagian atau lunas; buat nota kredit, bukan pembatalan.`,
      en: `Invoice ${invoice.number} has payments; issue a credit note instead of voiding it.`,
    });
  }
  // Credits larger than the period's charges went to the customer's credit when the invoice was made;
  // voiding releases those credits to wait again, so the credit they became is taken back.
  const credited = await ctx.db
    .selectFrom('customer_credit_movements')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('amount'))
    .where('ref_id', '=', invoice.id)
    .where('kind', 'in', ['billing_credit', 'billing_credit_void'])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const creditToTakeBack = Number(credited.amount);
  if (creditToTakeBack > 0) {
    const available = await customerCredit(ctx.db, invoice.customer_id);
    if (available < creditToTakeBack) {
      throw new AppError('CONFLICT', {
        id: `Kelebihan kredit dari tagihan ${invoice.number} (${creditToTakeBack}) sudah terpakai; tagihan ini tidak bisa dibatalkan.`,
        en: `The credit invoice ${invoice.number} left (${creditToTakeBack}) has been used; it cannot be voided.`,
      });
    }
    await ctx.writer.insert(ctx.db, 'customer_credit_movements', {
      customer_id: invoice.customer_id,
      amount: -creditToTakeBack,
      kind: 'billing_credit_void',
      ref_id: invoice.id,
      user_id: ctx.session?.user.id ?? null,
    });
  }
  await ctx.writer.update(ctx.db, 'invoices', invoice.id, {
    status: 'void',
    void_reason: input.reason,
    paid_on: null,
  });
  const charges = await ctx.db
    .selectFrom('billing_charges')
    .select('id')
    .where('invoice_id', '=', invoice.id)
    .where('deleted_at', 'is', null)
    .execute();
  for (const charge of charges)
    await ctx.writer.update(ctx.db, 'billing_charges', charge.id, { invoice_id: null });
  await ctx.audit({
    entity: 'invoice',
    entityId: invoice.id,
    before: { status: invoice.status },
    after: {
      status: 'void',
      reason: input.reason,
      chargesReleased: charges.length,
      creditTakenBack: creditToTakeBack,
    },
  });
  return invoiceDetail(ctx, invoice.id);
}
