import { AuditScreen } from '../../features/audit/AuditScreen';
import { BillingScreen } from '../../features/billing/BillingScreen';
import { CustomersScreen } from '../../features/customers/CustomersScreen';
import { MapScreen } from '../../features/map/MapScreen';
import { NotificationsScreen } from '../../features/notify/NotificationsScreen';
import { ReportsScreen } from '../../features/reports/ReportsScreen';
import { SubscriptionsScreen } from '../../features/subscriptions/SubscriptionsScreen';
import { BackupScreen } from '../../features/backup/BackupScreen';
import { DashboardScreen } from '../../features/dashboard/DashboardScreen';
import { InventoryScreen } from '../../features/inventory/InventoryScreen';
import { NetworkScreen } from '../../features/network/NetworkScreen';
import { OrdersScreen } from '../../features/orders/OrdersScreen';
import { PosScreen } from '../../features/pos/PosScreen';
import { SettingsScreen } from '../../features/settings/SettingsScreen';
import { UsersScreen } from '../../features/users/UsersScreen';
import type { RouteKey } from '../navigation/nav-items';

/** The screen for a route. Screens not built yet say so plainly. */
export function ScreenOutlet({ route }: { route: RouteKey }) {
  switch (route) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'pos':
      return <PosScreen />;
    case 'inventory':
      return <InventoryScreen />;
    case 'orders':
      return <OrdersScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'map':
      return <MapScreen />;
    case 'subscriptions':
      return <SubscriptionsScreen />;
    case 'billing':
      return <BillingScreen />;
    case 'network':
      return <NetworkScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'backup':
      return <BackupScreen />;
    case 'notifications':
      return <NotificationsScreen />;
    default:
      return route satisfies never;
  }
}
