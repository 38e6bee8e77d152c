import type { DashboardSummary } from '../../../../shared/contract/dashboard.contract';

/**
 * True when nothing the user may see has happened yet: no sale, no open shift, no subscription, no
 * invoice owed or paid, no router. Low stock and the scheduler do not count: a fresh catalogue can be
 * "low" and the scheduler waits for its first day on a new branch too.
 */
export function isFirstDay(summary: DashboardSummary): boolean {
  const { sales, subscriptions, billing, network } = summary;
  if (!sales && !subscriptions && !billing && !network) return false;
  if (sales && (sales.count > 0 || sales.voided > 0 || sales.refunds > 0 || sales.shift)) return false;
  if (subscriptions && subscriptions.pending + subscriptions.active + subscriptions.isolated > 0)
    return false;
  if (billing && billing.overdue.count + billing.dueSoon.count + billing.collections.count > 0) return false;
  if (network && network.routers.total + network.jobs.pending + network.jobs.failed > 0) return false;
  return true;
}

/** True when the user's role covers none of the dashboard's sections. */
export function hasNoSections(summary: DashboardSummary): boolean {
  return !summary.sales && !summary.stock && !summary.subscriptions && !summary.billing && !summary.network;
}
