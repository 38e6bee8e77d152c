import type { Channel } from '../../shared/contract/index';
import type { HandlerSlice } from './api-types';
import { auditApi } from './audit/audit.api';
import { authApi } from './auth/auth.api';
import { backupApi } from './backup/backup.api';
import { catalogApi } from './catalog/catalog.api';
import { inventoryApi } from './inventory/inventory.api';
import { posApi } from './pos/pos.api';
import { ordersApi } from './orders/orders.api';
import { customersApi } from './customers/customers.api';
import { networkApi } from './network/network.api';
import { mapApi } from './map/map.api';
import { ipamApi } from './ipam/ipam.api';
import { plansApi } from './plans/plans.api';
import { subscriptionsApi } from './subscriptions/subscriptions.api';
import { billingApi } from './billing/billing.api';
import { schedulerApi } from './scheduler/scheduler.api';
import { notifyApi } from './notify/notify.api';
import { dashboardApi } from './dashboard/dashboard.api';
import { rolesApi } from './roles/roles.api';
import { settingsApi } from './settings/settings.api';
import { setupApi } from './setup/setup.api';
import { systemApi } from './system/system.api';
import { usersApi } from './users/users.api';

/**
 * The one channel table: every channel of the contract → its handler. Access rules and schemas live in
 * shared/contract; the type below fails to compile if a channel has no handler or a handler no channel.
 */
export const api: HandlerSlice<Channel> = {
  ...setupApi,
  ...authApi,
  ...usersApi,
  ...rolesApi,
  ...auditApi,
  ...settingsApi,
  ...backupApi,
  ...systemApi,
  ...catalogApi,
  ...inventoryApi,
  ...posApi,
  ...ordersApi,
  ...customersApi,
  ...networkApi,
  ...mapApi,
  ...ipamApi,
  ...plansApi,
  ...subscriptionsApi,
  ...billingApi,
  ...schedulerApi,
  ...notifyApi,
  ...dashboardApi,
};
