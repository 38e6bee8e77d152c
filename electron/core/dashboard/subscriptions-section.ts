import type { DashboardSubscriptions } from '../../../shared/contract/dashboard.contract';
import type { HandlerContext } from '../context';

/** Live subscriptions per state (terminated ones left out), one grouped query over the state index. */
export async function subscriptionsSection(ctx: Pick<HandlerContext, 'db'>): Promise<DashboardSubscriptions> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['pending', 'active', 'isolated'])
    .where('deleted_at', 'is', null)
    .groupBy('state')
    .execute();
  const count = (state: string) => Number(rows.find((row) => row.state === state)?.n ?? 0);
  return { pending: count('pending'), active: count('active'), isolated: count('isolated') };
}
