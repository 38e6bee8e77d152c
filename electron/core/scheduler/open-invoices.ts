import type { LocalDate } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';

/** An invoice still waiting for money (issued or partly paid, something left to pay). */
export type OpenInvoice = {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  subscriptionId: string | null;
  period: string | null;
  /** The plan of the invoice's subscription (null for one-off invoices). */
  planName: string | null;
  dueDate: LocalDate;
  total: number;
  balance: number;
};

/** Open invoices due on or before `dueBy` (oldest due first), optionally only those without `step`. */
export async function openInvoicesDueBy(
  ctx: Pick<HandlerContext, 'db'>,
  dueBy: LocalDate,
  options: { withoutStep?: string; withSubscription?: boolean } = {},
): Promise<OpenInvoice[]> {
  let query = ctx.db
    .selectFrom('invoices as i')
    .innerJoin('customers as c', 'c.id', 'i.customer_id')
    .leftJoin('subscriptions as sub', 'sub.id', 'i.subscription_id')
    .leftJoin('plans as p', 'p.id', 'sub.plan_id')
    .select([
      'i.id',
      'i.number',
      'i.customer_id',
      'c.name as customer_name',
      'i.subscription_id',
      'i.period',
      'p.name as plan_name',
      'i.due_date',
      'i.total',
      'i.paid',
      'i.credited',
    ])
    .where('i.status', 'in', ['issued', 'partial'])
    .where('i.deleted_at', 'is', null)
    .where('i.due_date', '<=', dueBy);
  if (options.withSubscription) query = query.where('i.subscription_id', 'is not', null);
  const step = options.withoutStep;
  if (step !== undefined) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dunning_steps as s')
            .select('s.id')
            .whereRef('s.invoice_id', '=', 'i.id')
            .where('s.step', '=', step)
            .where('s.deleted_at', 'is', null),
        ),
      ),
    );
  }
  const rows = await query.orderBy('i.due_date').orderBy('i.number').execute();
  return rows
    .map((row) => ({
      id: row.id,
      number: row.number,
      customerId: row.customer_id,
      customerName: row.customer_name,
      subscriptionId: row.subscription_id,
      period: row.period,
      planName: row.plan_name,
      dueDate: row.due_date,
      total: row.total,
      balance: row.total - row.paid - row.credited,
    }))
    .filter((invoice) => invoice.balance > 0);
}

/** Records a dunning step taken for an invoice on `day` (once: the table's unique key says so). */
export async function recordDunningStep(
  ctx: Pick<HandlerContext, 'db' | 'writer'>,
  invoiceId: string,
  step: string,
  day: LocalDate,
): Promise<void> {
  await ctx.writer.insert(ctx.db, 'dunning_steps', { invoice_id: invoiceId, step, taken_on: day });
}
