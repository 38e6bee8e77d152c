import { priceInvoiceLine, settledStatus, sumStoredLines } from '../../../shared/domain/invoice-math';
import type { TaxMode } from '../../../shared/domain/tax';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { billingBranch, type BillingBranch } from './billing-branch';
import type { InvoiceLineKind, InvoiceRow } from './billing.tables';

export type NewInvoiceLine = { kind: InvoiceLineKind; description: string; amount: number; taxMode: TaxMode };

export function requireInvoice(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<InvoiceRow> {
  return ctx.db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
    .then((row) => {
      if (!row) throw notFound({ id: 'Tagihan', en: 'Invoice' });
      return row;
    });
}

/**
 * Recomputes an invoice's totals from its lines and its status from what was paid and credited
 * (paid_on is the day it became paid). Answers the invoice as it is now.
 */
export async function recomputeInvoice(
  ctx: HandlerContext,
  invoiceId: string,
  today: string,
  patch: Partial<Pick<InvoiceRow, 'paid' | 'credited'>> = {},
): Promise<InvoiceRow> {
  const invoice = await requireInvoice(ctx, invoiceId);
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .select(['amount', 'tax_mode', 'ppn'])
    .where('invoice_id', '=', invoiceId)
    .where('deleted_at', 'is', null)
    .execute();
  const totals = sumStoredLines(lines.map((l) => ({ amount: l.amount, taxMode: l.tax_mode, ppn: l.ppn })));
  const paid = patch.paid ?? invoice.paid;
  const credited = patch.credited ?? invoice.credited;
  const status = settledStatus({ total: totals.total, paid, credited, status: invoice.status });
  const next: InvoiceRow = {
    ...invoice,
    subtotal: totals.subtotal,
    discount: totals.discount,
    ppn: totals.ppn,
    total: totals.total,
    paid,
    credited,
    status,
    paid_on: status === 'paid' ? (invoice.paid_on ?? today) : null,
  };
  await ctx.writer.update(ctx.db, 'invoices', invoiceId, {
    subtotal: next.subtotal,
    discount: next.discount,
    ppn: next.ppn,
    total: next.total,
    paid: next.paid,
    credited: next.credited,
    status: next.status,
    paid_on: next.paid_on,
  });
  return next;
}

/** Inserts priced lines (PPN per line under the branch's rule) without recomputing the invoice. */
export async function insertInvoiceLines(
  ctx: HandlerContext,
  branch: BillingBranch,
  invoiceId: string,
  lines: readonly (NewInvoiceLine & { chargeId?: string | null })[],
): Promise<void> {
  await ctx.writer.insertMany(
    ctx.db,
    'invoice_lines',
    lines.map((line) => {
      const priced = priceInvoiceLine(line, branch.rule, branch.pkp);
      return {
        invoice_id: invoiceId,
        kind: line.kind,
        description: line.description,
        quantity: 1,
        unit_price: line.amount,
        amount: line.amount,
        tax_mode: priced.taxMode,
        ppn: priced.ppn,
        charge_id: line.chargeId ?? null,
      };
    }),
  );
}

/**
 * Adds a line to an invoice (a late fee, a proration) and recomputes its totals and status. A void
 * invoice takes no lines.
 */
export async function addInvoiceLine(
  ctx: HandlerContext,
  invoiceId: string,
  line: NewInvoiceLine,
): Promise<void> {
  const invoice = await requireInvoice(ctx, invoiceId);
  if (invoice.status === 'void') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} sudah dibatalkan.`,
      en: `Invoice ${invoice.number} is void.`,
    });
  }
  const branch = await billingBranch(ctx);
  await insertInvoiceLines(ctx, branch, invoiceId, [line]);
  await recomputeInvoice(ctx, invoiceId, branch.today);
}
