import type { CustomerMessage } from '../notify/notify-queue';
import type { HandlerContext } from '../context';
import { longDate, periodName } from './billing-words';

type IssuedInvoice = {
  id: string;
  number: string;
  customer_id: string;
  subscription_id: string | null;
  period: string | null;
  plan_name?: string | null;
  total: number;
  due_date: string;
};

/** "Pasang baru, Router WiFi, +1 lainnya": what a one-off invoice is for, in one line. */
async function summary(ctx: Pick<HandlerContext, 'db'>, invoiceId: string): Promise<string> {
  const lines = await ctx.db
    .selectFrom('invoice_lines')
    .select('description')
    .where('invoice_id', '=', invoiceId)
    .where('deleted_at', 'is', null)
    .where('amount', '>', 0)
    .orderBy('created_at')
    .execute();
  const shown = lines.slice(0, 2).map((line) => line.description);
  if (lines.length > 2) shown.push(`+${lines.length - 2} lainnya`);
  return shown.join(', ') || '-';
}

/**
 * The customer's "invoice issued" message: a period invoice names its plan and period
 * (`invoice.issued`), a one-off invoice what it is for (`invoice.oneoff`).
 */
export async function invoiceIssuedMessage(
  ctx: Pick<HandlerContext, 'db'>,
  invoice: IssuedInvoice,
  balance: number,
  dedupeKey: string,
): Promise<CustomerMessage> {
  if (invoice.subscription_id !== null) {
    return {
      templateKey: 'invoice.issued',
      customerId: invoice.customer_id,
      dedupeKey,
      vars: {
        nomor: invoice.number,
        periode: periodName(invoice.period),
        paket: invoice.plan_name ?? '-',
        jumlah: invoice.total,
        saldo: balance,
        jatuh_tempo: longDate(invoice.due_date),
      },
    };
  }
  return {
    templateKey: 'invoice.oneoff',
    customerId: invoice.customer_id,
    dedupeKey,
    vars: {
      nomor: invoice.number,
      rincian: await summary(ctx, invoice.id),
      jumlah: invoice.total,
      saldo: balance,
      jatuh_tempo: longDate(invoice.due_date),
    },
  };
}
