import { invoiceIssuedMessage } from './invoice-message';
import type { InvoiceDetail } from '../../../shared/contract/billing.contract';
import { addDays } from '../../../shared/domain/calendar';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { queueCustomerMessages, type CustomerMessage } from '../notify/notify-queue';
import { AppError, notFound } from '../platform/errors';
import { billingBranch } from './billing-branch';
import { readBillingSettings } from './billing-settings';
import type { InvoiceRow } from './billing.tables';
import { insertInvoiceLines, recomputeInvoice, requireInvoice } from './invoice-lines';
import { invoiceDetail } from './invoices.service';

/** How many invoice numbers an error or audit entry names before it says "…". */
const NAMED = 5;

function namesOf(rows: readonly { number: string }[]): string {
  const shown = rows.slice(0, NAMED).map((row) => row.number);
  return rows.length > NAMED ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** The invoice, when it is still a draft (only drafts are edited); CONFLICT otherwise. */
async function requireDraft(ctx: HandlerContext, invoiceId: string): Promise<InvoiceRow> {
  const invoice = await requireInvoice(ctx, invoiceId);
  if (invoice.status !== 'draft') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} bukan draf lagi; hanya draf yang bisa diubah.`,
      en: `Invoice ${invoice.number} is no longer a draft; only drafts can be edited.`,
    });
  }
  return invoice;
}

/** A draft's total may reach zero (issued, it is settled at once) but never go below it. */
function assertNotNegative(invoice: InvoiceRow): void {
  if (invoice.total < 0) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Total tagihan ${invoice.number} tidak boleh kurang dari nol.`,
        en: `The total of invoice ${invoice.number} cannot go below zero.`,
      },
      { fields: { amount: 'the invoice total would go below zero' } },
    );
  }
}

/** Drafts to issue: exactly the ids given (each must be a draft), or every draft of a period. */
async function draftsToIssue(ctx: HandlerContext, input: ParsedInput<'billing.invoices.issue'>) {
  const query = ctx.db
    .selectFrom('invoices as i')
    .leftJoin('subscriptions as s', 's.id', 'i.subscription_id')
    .leftJoin('plans as p', 'p.id', 's.plan_id')
    .selectAll('i')
    .select('p.name as plan_name')
    .where('i.deleted_at', 'is', null);
  if (!input.ids) {
    return query
      .where('i.period', '=', input.period!)
      .where('i.status', '=', 'draft')
      .orderBy('i.number')
      .execute();
  }
  const ids = [...new Set(input.ids)];
  const rows = await query.where('i.id', 'in', ids).orderBy('i.number').execute();
  if (rows.length !== ids.length) throw notFound({ id: 'Tagihan', en: 'Invoice' });
  const notDrafts = rows.filter((row) => row.status !== 'draft');
  if (notDrafts.length > 0) {
    throw new AppError('CONFLICT', {
      id: `Hanya draf yang bisa diterbitkan: ${namesOf(notDrafts)} bukan draf.`,
      en: `Only drafts can be issued: ${namesOf(notDrafts)} ${notDrafts.length === 1 ? 'is' : 'are'} not.`,
    });
  }
  return rows;
}

/**
 * `billing.invoices.issue`: drafts become issued, dated today (or their planned issue day when that is
 * later: a period billed ahead keeps its day) and due `due_days` after it. The number is kept. A
 * draft whose total is zero is settled at once. The customer is told now (`invoice.issued`, or
 * `invoice.oneoff` for a one-off invoice), never while it was a draft.
 */
export async function issueInvoices(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.issue'>,
): Promise<{ issued: number; totalAmount: number }> {
  const branch = await billingBranch(ctx);
  const settings = await readBillingSettings(ctx);
  const drafts = await draftsToIssue(ctx, input);
  const messages: CustomerMessage[] = [];
  let totalAmount = 0;
  for (const draft of drafts) {
    assertNotNegative(draft);
    const issueDate = draft.issue_date > branch.today ? draft.issue_date : branch.today;
    const dueDate = addDays(issueDate, settings.dueDays);
    const settled = draft.total === 0;
    await ctx.writer.update(ctx.db, 'invoices', draft.id, {
      issue_date: issueDate,
      due_date: dueDate,
      status: settled ? 'paid' : 'issued',
      paid_on: settled ? issueDate : null,
    });
    totalAmount += draft.total;
    if (!settled) {
      messages.push(
        await invoiceIssuedMessage(
          ctx,
          { ...draft, due_date: dueDate },
          draft.total,
          `invoice.issued:${draft.id}`,
        ),
      );
    }
  }
  await queueCustomerMessages(ctx, messages);
  if (drafts.length > 0) {
    await ctx.audit({
      entity: 'invoice',
      entityId: drafts.length === 1 ? drafts[0]!.id : null,
      before: { status: 'draft' },
      after: {
        status: 'issued',
        issued: drafts.length,
        numbers: drafts.slice(0, 50).map((draft) => draft.number),
        ...(input.period ? { period: input.period } : {}),
        totalAmount,
      },
    });
  }
  return { issued: drafts.length, totalAmount };
}

/** `billing.invoices.lines.add`: a line on a draft (a discount lowers it); totals recomputed. */
export async function addDraftLine(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.lines.add'>,
): Promise<InvoiceDetail> {
  const invoice = await requireDraft(ctx, input.invoiceId);
  const branch = await billingBranch(ctx);
  const amount = input.kind === 'discount' ? -input.amount : input.amount;
  await insertInvoiceLines(ctx, branch, invoice.id, [
    { kind: input.kind, description: input.description, amount, taxMode: input.taxMode },
  ]);
  const after = await recomputeInvoice(ctx, invoice.id, branch.today);
  assertNotNegative(after);
  await ctx.audit({
    entity: 'invoice',
    entityId: invoice.id,
    before: { total: invoice.total },
    after: { lineAdded: { kind: input.kind, description: input.description, amount }, total: after.total },
  });
  return invoiceDetail(ctx, invoice.id);
}

/**
 * `billing.invoices.lines.remove`: a line off a draft; a one-off charge it billed waits for the next
 * invoice again. A draft keeps at least one line (void it to drop it whole).
 */
export async function removeDraftLine(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.lines.remove'>,
): Promise<InvoiceDetail> {
  const invoice = await requireDraft(ctx, input.invoiceId);
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .selectAll()
    .where('invoice_id', '=', invoice.id)
    .where('deleted_at', 'is', null)
    .execute();
  const line = lines.find((l) => l.id === input.lineId);
  if (!line) throw notFound({ id: 'Baris tagihan', en: 'Invoice line' });
  if (lines.length === 1) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Draf ${invoice.number} harus punya paling sedikit satu baris; batalkan tagihannya bila tidak dipakai.`,
        en: `Draft ${invoice.number} must keep at least one line; void it if it is not wanted.`,
      },
      { fields: { lineId: 'the last line of the draft' } },
    );
  }
  const branch = await billingBranch(ctx);
  await ctx.writer.softDelete(ctx.db, 'invoice_lines', line.id);
  if (line.charge_id)
    await ctx.writer.update(ctx.db, 'billing_charges', line.charge_id, { invoice_id: null });
  const after = await recomputeInvoice(ctx, invoice.id, branch.today);
  assertNotNegative(after);
  await ctx.audit({
    entity: 'invoice',
    entityId: invoice.id,
    before: { total: invoice.total },
    after: {
      lineRemoved: { kind: line.kind, description: line.description, amount: line.amount },
      chargeReleased: line.charge_id,
      total: after.total,
    },
  });
  return invoiceDetail(ctx, invoice.id);
}
