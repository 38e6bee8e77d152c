import type { BillingPayment as Payment } from '../../../shared/contract/billing.contract';
import type { HandlerContext } from '../context';
import type { BranchRow } from '../db/schema';
import { customerCredit } from '../pos/customer-credit';
import {
  branchPaperWidth,
  receiptBranch,
  type PaperWidth,
  type ReceiptBranch,
} from '../pos/receipt/receipt-data';
import { billingBranch } from './billing-branch';
import { paymentOut } from './payments.service';

/** One invoice a payment settled (with the credit used alongside it), as the receipt lists it. */
export type PaymentReceiptInvoice = { number: string; period: string | null; amount: number };

/** Everything a bill payment's thermal receipt shows, gathered before rendering. */
export type PaymentReceiptData = {
  payment: Payment;
  /** The invoices paid, oldest due first: this payment's allocations plus the credit used with it. */
  invoices: PaymentReceiptInvoice[];
  /** Customer credit spent together with this payment (its own `credit` payments). */
  fromCredit: number;
  /** The customer's open balance and credit when the receipt is printed. */
  after: { due: number; credit: number };
  branch: ReceiptBranch;
  width: PaperWidth;
  reprint: boolean;
  printedAt: number;
};

/** What the customer still owes on issued and partial invoices. */
export async function customerDue(ctx: Pick<HandlerContext, 'db'>, customerId: string): Promise<number> {
  const due = await ctx.db
    .selectFrom('invoices')
    .select((eb) =>
      eb.fn
        .coalesce(eb.fn.sum<number>(eb('total', '-', eb('paid', '+', eb.ref('credited')))), eb.lit(0))
        .as('n'),
    )
    .where('customer_id', '=', customerId)
    .where('status', 'in', ['issued', 'partial'])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Math.max(0, Number(due.n));
}

/**
 * A payment's receipt data and the branch row (for its printer). A payment that used the
 * customer's credit too was recorded as two (credit first, `notes` "with <id>"): the credit part
 * is folded into this receipt, so the customer sees every invoice the visit settled.
 */
export async function gatherPaymentReceipt(
  ctx: Pick<HandlerContext, 'db' | 'clock'>,
  id: string,
  options: { reprint: boolean; width?: PaperWidth },
): Promise<{ data: PaymentReceiptData; row: BranchRow }> {
  const payment = await paymentOut(ctx, id);
  const { row } = await billingBranch(ctx);
  const linked = await ctx.db
    .selectFrom('billing_payments')
    .select('id')
    .where('notes', '=', `with ${id}`)
    .where('method', '=', 'credit')
    .where('customer_id', '=', payment.customerId)
    .where('deleted_at', 'is', null)
    .execute();
  const creditParts = await Promise.all(linked.map((l) => paymentOut(ctx, l.id)));

  const amounts = new Map<string, number>();
  for (const part of [...creditParts, payment]) {
    for (const a of part.allocations) amounts.set(a.invoiceId, (amounts.get(a.invoiceId) ?? 0) + a.amount);
  }
  const invoices =
    amounts.size === 0
      ? []
      : await ctx.db
          .selectFrom('invoices')
          .select(['id', 'number', 'period'])
          .where('id', 'in', [...amounts.keys()])
          .orderBy('due_date')
          .orderBy('number')
          .execute();

  return {
    row,
    data: {
      payment,
      invoices: invoices.map((i) => ({ number: i.number, period: i.period, amount: amounts.get(i.id) ?? 0 })),
      fromCredit: creditParts.reduce((sum, part) => sum + part.amount, 0),
      after: {
        due: await customerDue(ctx, payment.customerId),
        credit: await customerCredit(ctx.db, payment.customerId),
      },
      branch: receiptBranch(row),
      width: options.width ?? branchPaperWidth(row),
      reprint: options.reprint,
      printedAt: ctx.clock.now(),
    },
  };
}
