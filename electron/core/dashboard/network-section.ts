import { OFFLINE_ROUTERS_SHOWN, type DashboardNetwork } from '../../../shared/contract/dashboard.contract';
import type { HandlerContext } from '../context';

/**
 * Routers by their last known status (no router is called: the status refresher keeps it), the first
 * few offline ones by name, and router jobs still to run or failed.
 */
export async function networkSection(ctx: Pick<HandlerContext, 'db'>): Promise<DashboardNetwork> {
  const routers = await ctx.db
    .selectFrom('routers as r')
    .leftJoin('router_status as s', 's.router_id', 'r.id')
    .select(['r.id', 'r.name', 's.online', 's.checked_at', 's.last_seen_at'])
    .where('r.deleted_at', 'is', null)
    .orderBy('r.name')
    .execute();
  const jobs = await ctx.db
    .selectFrom('router_jobs')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['pending', 'running', 'failed'])
    .groupBy('state')
    .execute();
  const jobCount = (state: string) => Number(jobs.find((row) => row.state === state)?.n ?? 0);
  const unchecked = routers.filter((router) => router.checked_at === null || router.checked_at === undefined);
  const online = routers.filter((router) => router.online === 1);
  const offline = routers.filter((router) => router.online !== 1 && !unchecked.includes(router));
  return {
    routers: {
      total: routers.length,
      online: online.length,
      offline: offline.length,
      unchecked: unchecked.length,
    },
    offlineRouters: offline
      .slice(0, OFFLINE_ROUTERS_SHOWN)
      .map((router) => ({ id: router.id, name: router.name, lastSeenAt: router.last_seen_at ?? null })),
    jobs: { pending: jobCount('pending') + jobCount('running'), failed: jobCount('failed') },
  };
}
