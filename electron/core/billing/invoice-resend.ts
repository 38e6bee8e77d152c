import { invoiceIssuedMessage } from './invoice-message';
import { invoiceBalance } from '../../../shared/domain/invoice-math';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { queueCustomerMessage } from '../notify/notify-queue';
import { uuidv7 } from '../platform/ids';
import { AppError, notFound } from '../platform/errors';

/**
 * `billing.invoices.resend`: the `invoice.issued` message of an open invoice (issued or partial, with
 * a balance) queued again, under a dedupe key of its own so it is never taken for the first notice or
 * an earlier resend. Jumlah is the invoice total, saldo what is still owed. Answers how many channel
 * messages went in (0 when the customer has no WhatsApp number or email, or those channels are off).
 */
export async function resendInvoice(
  ctx: HandlerContext,
  input: ParsedInput<'billing.invoices.resend'>,
): Promise<{ queued: number }> {
  const invoice = await ctx.db
    .selectFrom('invoices as i')
    .leftJoin('subscriptions as s', 's.id', 'i.subscription_id')
    .leftJoin('plans as p', 'p.id', 's.plan_id')
    .selectAll('i')
    .select('p.name as plan_name')
    .where('i.id', '=', input.id)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!invoice) throw notFound({ id: 'Tagihan', en: 'Invoice' });
  if (invoice.status === 'void') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} sudah dibatalkan; tidak ada yang dikirim ulang.`,
      en: `Invoice ${invoice.number} is void; there is nothing to resend.`,
    });
  }
  if (invoice.status === 'draft') {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} masih draf; terbitkan dulu sebelum dikirim.`,
      en: `Invoice ${invoice.number} is still a draft; issue it before sending it.`,
    });
  }
  const balance = invoiceBalance(invoice);
  if (balance <= 0) {
    throw new AppError('CONFLICT', {
      id: `Tagihan ${invoice.number} sudah lunas; tidak ada yang ditagih ulang.`,
      en: `Invoice ${invoice.number} is paid; there is nothing left to bill.`,
    });
  }
  const resendId = uuidv7(ctx.clock.now());
  const queued = await queueCustomerMessage(
    ctx,
    await invoiceIssuedMessage(ctx, invoice, balance, `invoice.issued:${invoice.id}:resend:${resendId}`),
  );
  await ctx.audit({
    entity: 'invoice',
    entityId: invoice.id,
    before: null,
    after: { resent: 'invoice.issued', number: invoice.number, balance, queued },
  });
  return { queued };
}
