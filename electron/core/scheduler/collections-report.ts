import { sql } from 'kysely';
import type { CollectionsReport } from '../../../shared/contract/scheduler.contract';
import { daysBetween } from '../../../shared/domain/calendar';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';

/** The longest range one collections report covers. */
export const MAX_COLLECTION_DAYS = 366;

type Method = 'cash' | 'transfer' | 'qris' | 'credit';
type Row = {
  day: string;
  user_id: string | null;
  user_name: string | null;
  method: Method;
  count: number;
  amount: number;
};

/**
 * Billing payments received from `from` to `to` (local dates, both included; voided ones left out),
 * per day, per cashier who received them and per method — what each cashier hands over at day's end.
 */
export async function collectionsReport(
  ctx: HandlerContext,
  input: ParsedInput<'billing.reports.collections'>,
): Promise<CollectionsReport> {
  if (daysBetween(input.from, input.to) >= MAX_COLLECTION_DAYS) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Rentang paling lama ${MAX_COLLECTION_DAYS} hari.`,
        en: `The range may be at most ${MAX_COLLECTION_DAYS} days.`,
      },
      { fields: { to: `≤ ${MAX_COLLECTION_DAYS} hari` } },
    );
  }
  const result = await sql<Row>`
    SELECT p.received_on AS day, p.received_by AS user_id, u.name AS user_name, p.method,
      count(*) AS count, sum(p.amount) AS amount
    FROM billing_payments p
    LEFT JOIN users u ON u.id = p.received_by
    WHERE p.deleted_at IS NULL AND p.voided_at IS NULL AND p.received_on BETWEEN ${input.from} AND ${input.to}
    GROUP BY p.received_on, p.received_by, p.method
    ORDER BY p.received_on, u.name, p.method`.execute(ctx.db);

  const noMethods = () => ({ cash: 0, transfer: 0, qris: 0, credit: 0 });
  const rows = result.rows.map((row) => ({
    day: row.day,
    userId: row.user_id,
    userName: row.user_name ?? '',
    method: row.method,
    count: row.count,
    amount: row.amount,
  }));
  const byKey = new Map<string, CollectionsReport['byCashierDay'][number]>();
  const totals = { count: 0, amount: 0, methods: noMethods() };
  for (const row of rows) {
    const key = `${row.day}|${row.userId ?? ''}`;
    let cashier = byKey.get(key);
    if (!cashier) {
      cashier = {
        day: row.day,
        userId: row.userId,
        userName: row.userName,
        count: 0,
        amount: 0,
        methods: noMethods(),
      };
      byKey.set(key, cashier);
    }
    cashier.count += row.count;
    cashier.amount += row.amount;
    cashier.methods[row.method] += row.amount;
    totals.count += row.count;
    totals.amount += row.amount;
    totals.methods[row.method] += row.amount;
  }
  return { from: input.from, to: input.to, rows, byCashierDay: [...byKey.values()], totals };
}
