import type { DashboardSales } from '../../../shared/contract/dashboard.contract';
import type { HandlerContext } from '../context';
import { currentShift } from '../pos/shifts.service';
import type { DashboardDay } from './dashboard-day';

/**
 * Today's sales (made between the day's first and last instant): completed count and total, voided
 * count, how the completed ones were paid (what was taken at the sale, so the methods add up to the
 * total), refunds given today, and this device's open shift.
 */
export async function salesSection(ctx: HandlerContext, day: DashboardDay): Promise<DashboardSales> {
  const todays = ctx.db
    .selectFrom('sales')
    .where('created_at', '>=', day.startMs)
    .where('created_at', '<', day.endMs)
    .where('deleted_at', 'is', null);
  const [byStatus, byMethod, refunds, shift] = await Promise.all([
    todays
      .select([
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>(eb('total', '+', eb.ref('rounding'))).as('amount'),
      ])
      .groupBy('status')
      .execute(),
    ctx.db
      .selectFrom('payments')
      .where('sale_id', 'in', todays.select('id').where('status', '=', 'completed'))
      .where('refund_id', 'is', null)
      .where('deleted_at', 'is', null)
      .select([
        'method',
        (eb) => eb.fn.sum<number>('amount').as('amount'),
        // Sales paid (partly) with this method: a split payment counts once per method.
        (eb) => eb.fn.count<number>('sale_id').distinct().as('n'),
      ])
      .groupBy('method')
      .orderBy('method')
      .execute(),
    ctx.db
      .selectFrom('refunds')
      .where('created_at', '>=', day.startMs)
      .where('created_at', '<', day.endMs)
      .where('deleted_at', 'is', null)
      .select((eb) => eb.fn.sum<number>('amount').as('amount'))
      .executeTakeFirst(),
    currentShift(ctx),
  ]);
  const completed = byStatus.find((row) => row.status === 'completed');
  const voided = byStatus.find((row) => row.status === 'voided');
  return {
    count: Number(completed?.n ?? 0),
    voided: Number(voided?.n ?? 0),
    total: Number(completed?.amount ?? 0),
    refunds: Number(refunds?.amount ?? 0),
    byMethod: byMethod.map((row) => ({
      method: row.method,
      amount: Number(row.amount),
      count: Number(row.n),
    })),
    shift: shift
      ? {
          id: shift.id,
          number: shift.number,
          cashier: shift.cashier,
          openedAt: shift.openedAt,
          expectedCash: shift.expectedCash,
        }
      : null,
  };
}
