import type { InvoiceDetail } from '../../../shared/contract/billing.contract';
import { invoiceBalance } from '../../../shared/domain/invoice-math';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { billingBranch } from './billing-branch';
import { nextNumber } from './document-numbers';
import { recomputeInvoice, requireInvoice } from './invoice-lines';
import { invoiceDetail } from './invoices.service';

/** A credit note (KRD/…) on an issued invoice, at most its balance; the status follows. */
export async function createCreditNote(
  ctx: HandlerContext,
  input: ParsedInput<'billing.creditNotes.create'>,
): Promise<InvoiceDetail> {
  const invoice = await requireInvoice(ctx, input.invoiceId);
  if (invoice.status === 'void' || invoice.status === 'draft') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} tidak bisa diberi nota kredit (${invoice.status === 'void' ? 'dibatalkan' : 'draf'}).`,
      en: `Invoice ${invoice.number} cannot take a credit note (${invoice.status}).`,
    });
  }
  const balance = invoiceBalance(invoice);
  if (input.amount > balance) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Nota kredit paling besar sisa tagihan (${balance}).`,
        en: `A credit note is at most the balance (${balance}).`,
      },
      { fields: { amount: `at most ${balance}` } },
    );
  }
  const branch = await billingBranch(ctx);
  const note = await ctx.writer.insert(ctx.db, 'credit_notes', {
    number: await nextNumber(ctx, 'creditNote', branch.timeZone),
    invoice_id: invoice.id,
    amount: input.amount,
    reason: input.reason,
    user_id: ctx.session?.user.id ?? null,
  });
  const after = await recomputeInvoice(ctx, invoice.id, branch.today, {
    credited: invoice.credited + input.amount,
  });
  await ctx.audit({
    entity: 'invoice',
    entityId: invoice.id,
    before: { credited: invoice.credited, status: invoice.status },
    after: {
      creditNote: note.number,
      amount: input.amount,
      reason: input.reason,
      credited: after.credited,
      status: after.status,
    },
  });
  return invoiceDetail(ctx, invoice.id);
}
