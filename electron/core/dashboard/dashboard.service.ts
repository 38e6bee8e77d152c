import type { DashboardSummary } from '../../../shared/contract/dashboard.contract';
import type { Permission } from '../../../shared/domain/permissions';
import type { HandlerContext } from '../context';
import { billingSection } from './billing-section';
import { dashboardDay } from './dashboard-day';
import { networkSection } from './network-section';
import { notificationsSection } from './notifications-section';
import { salesSection } from './sales-section';
import { stockSection } from './stock-section';
import { subscriptionsSection } from './subscriptions-section';

/**
 * Today at a glance for the signed-in user: each section is read (and answered) only when the caller
 * holds the permission that screen needs, so a cashier's dashboard never computes billing figures.
 */
export async function dashboardSummary(ctx: HandlerContext): Promise<DashboardSummary> {
  const granted: readonly Permission[] = ctx.session?.user.permissions ?? [];
  const can = (...anyOf: Permission[]) => anyOf.some((permission) => granted.includes(permission));
  const day = await dashboardDay(ctx);
  const summary: DashboardSummary = { today: day.today, timeZone: day.timeZone };
  if (can('pos.sell', 'reports.view')) summary.sales = await salesSection(ctx, day);
  if (can('inventory.view')) summary.stock = await stockSection(ctx);
  if (can('customers.view')) summary.subscriptions = await subscriptionsSection(ctx);
  if (can('billing.view')) {
    summary.billing = await billingSection(ctx, day);
    summary.notifications = await notificationsSection(ctx);
  }
  if (can('network.view')) summary.network = await networkSection(ctx);
  return summary;
}
