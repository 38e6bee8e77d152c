import { AuditScreen } from '../../features/audit/AuditScreen';
import { BackupScreen } from '../../features/backup/BackupScreen';
import { DashboardScreen } from '../../features/dashboard/DashboardScreen';
import { InventoryScreen } from '../../features/inventory/InventoryScreen';
import { NetworkScreen } from '../../features/network/NetworkScreen';
import { OrdersScreen } from '../../features/orders/OrdersScreen';
import { NotAvailableScreen } from '../../features/placeholder/NotAvailableScreen';
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
      return <NotAvailableScreen title="nav.customers" description="placeholder.customers" />;
    case 'billing':
      return <NotAvailableScreen title="nav.billing" description="placeholder.billing" />;
    case 'network':
      return <NetworkScreen />;
    case 'reports':
      return <NotAvailableScreen title="nav.reports" description="placeholder.reports" />;
    case 'settings':
      return <SettingsScreen />;
    case 'users':
      return <UsersScreen />;
    case 'audit':
      return <AuditScreen />;
    case 'backup':
      return <BackupScreen />;
    default:
      return route satisfies never;
  }
}
