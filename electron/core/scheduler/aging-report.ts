import { sql } from 'kysely';
import type { AgingBucket, AgingReport, AgingRow } from '../../../shared/contract/scheduler.contract';
import { daysBetween, type LocalDate } from '../../../shared/domain/calendar';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { schedulerToday } from './scheduler-run';

/** The bucket of an amount `daysPastDue` days past its due date (0 or less: not yet due). */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return 'd1_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90plus';
}

type OpenRow = { customer_id: string; code: string; name: string; due_date: string; balance: number };

/**
 * Accounts receivable aging as of a date: every invoice issued by then (not void, not a draft) with
 * what was still owed on it — its total less credit notes less payments received up to that date —
 * put in a bucket by how many days past its due date it is, summed per customer.
 */
export async function agingReport(
  ctx: HandlerContext,
  input: ParsedInput<'billing.reports.aging'>,
): Promise<AgingReport> {
  const asOf: LocalDate = input.asOf ?? (await schedulerToday(ctx)).today;
  const result = await sql<OpenRow>`
    SELECT i.customer_id, c.code, c.name, i.due_date,
      i.total - i.credited - coalesce((
        SELECT sum(a.amount) FROM payment_allocations a
        JOIN billing_payments p ON p.id = a.payment_id
        WHERE a.invoice_id = i.id AND a.deleted_at IS NULL AND p.deleted_at IS NULL
          AND p.voided_at IS NULL AND p.received_on <= ${asOf}), 0) AS balance
    FROM invoices i
    JOIN customers c ON c.id = i.customer_id
    WHERE i.deleted_at IS NULL AND i.status IN ('issued', 'partial', 'paid') AND i.issue_date <= ${asOf}`.execute(
    ctx.db,
  );

  const empty = () => ({ current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90plus: 0, total: 0 });
  const byCustomer = new Map<string, AgingRow>();
  const totals = { ...empty(), invoices: 0 };
  for (const row of result.rows) {
    if (row.balance <= 0) continue;
    let customer = byCustomer.get(row.customer_id);
    if (!customer) {
      customer = {
        customerId: row.customer_id,
        customerCode: row.code,
        customerName: row.name,
        ...empty(),
        invoices: 0,
        oldestDueDate: row.due_date,
      };
      byCustomer.set(row.customer_id, customer);
    }
    const bucket = agingBucket(daysBetween(row.due_date, asOf));
    customer[bucket] += row.balance;
    customer.total += row.balance;
    customer.invoices += 1;
    if (row.due_date < customer.oldestDueDate) customer.oldestDueDate = row.due_date;
    totals[bucket] += row.balance;
    totals.total += row.balance;
    totals.invoices += 1;
  }
  const rows = [...byCustomer.values()].sort(
    (a, b) => b.total - a.total || a.customerName.localeCompare(b.customerName, 'id'),
  );
  return { asOf, rows: rows.slice(0, input.limit), customers: rows.length, totals };
}
