import { sql } from 'kysely';
import type { HandlerContext } from '../../context';
import { queueAdminAlert } from '../../notify/notify-queue';
import { nothing, type SchedulerTaskRun } from '../scheduler-task';

/** A router job still waiting after this long is worth telling an admin about. */
const STUCK_JOB_MS = 60 * 60 * 1000;
/** Names listed in one alert; the rest are counted. */
const LIST_LIMIT = 10;

type Alert = { kind: string; title: string; text: string };

function listed(names: string[], total: number): string {
  const more = total - names.length;
  return names.map((name) => `• ${name}`).join('\n') + (more > 0 ? `\n… dan ${more} lainnya` : '');
}

async function offlineRouters(ctx: HandlerContext): Promise<Alert | null> {
  const rows = await ctx.db
    .selectFrom('routers as r')
    .innerJoin('router_status as st', 'st.router_id', 'r.id')
    .select(['r.name', 'st.last_error'])
    .where('r.deleted_at', 'is', null)
    .where('st.online', '=', 0)
    .orderBy('r.name')
    .execute();
  if (rows.length === 0) return null;
  const names = rows.slice(0, LIST_LIMIT).map((r) => (r.last_error ? `${r.name} (${r.last_error})` : r.name));
  return {
    kind: 'routers-offline',
    title: `${rows.length} router offline`,
    text: `Router yang tidak menjawab pada pemeriksaan terakhir:\n${listed(names, rows.length)}`,
  };
}

async function routerJobs(ctx: HandlerContext): Promise<Alert | null> {
  const stuckBefore = ctx.clock.now() - STUCK_JOB_MS;
  const rows = await ctx.db
    .selectFrom('router_jobs as j')
    .innerJoin('routers as r', 'r.id', 'j.router_id')
    .select(['j.state', 'j.label', 'j.operation', 'j.last_error', 'r.name as router'])
    .where((eb) =>
      eb.or([
        eb('j.state', '=', 'failed'),
        eb.and([eb('j.state', '=', 'pending'), eb('j.created_at', '<', stuckBefore)]),
      ]),
    )
    .orderBy('j.created_at')
    .execute();
  if (rows.length === 0) return null;
  const failed = rows.filter((r) => r.state === 'failed').length;
  const waiting = rows.length - failed;
  const names = rows
    .slice(0, LIST_LIMIT)
    .map(
      (r) =>
        `${r.router}: ${r.label || r.operation} — ${r.state === 'failed' ? 'gagal' : 'menunggu'}${r.last_error ? ` (${r.last_error})` : ''}`,
    );
  return {
    kind: 'router-jobs',
    title: `Pekerjaan router: ${failed} gagal, ${waiting} menunggu lebih dari 1 jam`,
    text: `Perubahan router yang belum diterapkan:\n${listed(names, rows.length)}`,
  };
}

async function lowStock(ctx: HandlerContext): Promise<Alert | null> {
  const threshold = sql<number>`coalesce((SELECT t.low_stock_threshold FROM stock_thresholds t
    WHERE t.item_id = b.item_id AND t.warehouse_id = b.warehouse_id AND t.deleted_at IS NULL), i.low_stock_threshold)`;
  const rows = await ctx.db
    .selectFrom('stock_balances as b')
    .innerJoin('items as i', 'i.id', 'b.item_id')
    .innerJoin('warehouses as w', 'w.id', 'b.warehouse_id')
    .select(['i.name', 'w.name as warehouse', 'b.on_hand', threshold.as('threshold')])
    .where('i.deleted_at', 'is', null)
    .where('i.archived', '=', 0)
    .where(threshold, '>', 0)
    .where(sql<boolean>`b.on_hand <= ${threshold}`)
    .orderBy('i.name')
    .execute();
  if (rows.length === 0) return null;
  const names = rows
    .slice(0, LIST_LIMIT)
    .map((r) => `${r.name} — ${r.warehouse}: ${r.on_hand} (batas ${r.threshold})`);
  return {
    kind: 'low-stock',
    title: `${rows.length} barang stoknya menipis`,
    text: `Stok di bawah atau sama dengan batas minimum:\n${listed(names, rows.length)}`,
  };
}

/**
 * Tells the admins, once a day, what needs a person: routers offline, router changes that failed or
 * wait too long, goods running low. It reads the state as it is now, so only today's run sends it: a
 * caught-up day (or a day run ahead of time) would only repeat today's state under another date.
 */
export const alertsTask: SchedulerTaskRun = async (ctx, { day, today }) => {
  if (day !== today) return nothing(day < today ? 'day-passed' : 'not-today');
  const alerts = [await offlineRouters(ctx), await routerJobs(ctx), await lowStock(ctx)].filter(
    (alert): alert is Alert => alert !== null,
  );
  let count = 0;
  for (const alert of alerts) {
    count += await queueAdminAlert(ctx, {
      dedupeKey: `alert:${alert.kind}:${day}`,
      title: alert.title,
      text: alert.text,
    });
  }
  return { count, steps: 0, note: alerts.length === 0 ? 'all-clear' : '' };
};
