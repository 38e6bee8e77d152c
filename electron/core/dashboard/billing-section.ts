import { sql } from 'kysely';
import { DUE_SOON_DAYS, type DashboardBilling } from '../../../shared/contract/dashboard.contract';
import { addDays } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';
import { schedulerStatus } from '../scheduler/scheduler-status';
import type { DashboardDay } from './dashboard-day';

type OpenTotals = { n: number; amount: number | null; customers: number };

/**
 * Open invoices (issued or partly paid, something still owed) overdue and due in the next
 * DUE_SOON_DAYS days, invoice payments received today, and the daily scheduler's state.
 */
export async function billingSection(ctx: HandlerContext, day: DashboardDay): Promise<DashboardBilling> {
  const until = addDays(day.today, DUE_SOON_DAYS - 1);
  // The status list is written out (not bound) so SQLite can use the partial index `invoices_open`;
  // two range reads over it cost less than one grouped read.
  const owed = sql`i.total - i.paid - i.credited`;
  const overdue = await sql<OpenTotals>`
    SELECT count(*) AS n, sum(${owed}) AS amount, count(DISTINCT i.customer_id) AS customers
    FROM invoices i
    WHERE i.status IN ('issued', 'partial') AND i.due_date < ${day.today}
      AND i.deleted_at IS NULL AND ${owed} > 0`.execute(ctx.db);
  const soon = await sql<OpenTotals>`
    SELECT count(*) AS n, sum(${owed}) AS amount, 0 AS customers
    FROM invoices i
    WHERE i.status IN ('issued', 'partial') AND i.due_date >= ${day.today} AND i.due_date <= ${until}
      AND i.deleted_at IS NULL AND ${owed} > 0`.execute(ctx.db);
  const collected = await ctx.db
    .selectFrom('billing_payments')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('amount').as('amount')])
    .where('received_on', '=', day.today)
    .where('voided_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const scheduler = await schedulerStatus(ctx);
  const late = overdue.rows[0];
  const due = soon.rows[0];
  return {
    dueSoon: { count: Number(due?.n ?? 0), amount: Number(due?.amount ?? 0), until },
    overdue: {
      count: Number(late?.n ?? 0),
      amount: Number(late?.amount ?? 0),
      customers: Number(late?.customers ?? 0),
    },
    collections: { count: Number(collected?.n ?? 0), amount: Number(collected?.amount ?? 0) },
    scheduler: {
      lastDay: scheduler.lastDay,
      daysBehind: scheduler.daysBehind,
      running: scheduler.running,
      lastError: scheduler.lastError,
    },
  };
}
