import { AuditScreen } from '../../features/audit/AuditScreen';
import { BackupScreen } from '../../features/backup/BackupScreen';
import { DashboardScreen } from '../../features/dashboard/DashboardScreen';
import { NotAvailableScreen } from '../../features/placeholder/NotAvailableScreen';
import { SettingsScreen } from '../../features/settings/SettingsScreen';
import { UsersScreen } from '../../features/users/UsersScreen';
import type { RouteKey } from '../navigation/nav-items';

/** The screen for a route. Screens not built yet say so plainly. */
export function ScreenOutlet({ route }: { route: RouteKey }) {
  switch (route) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'pos':
      return <NotAvailableScreen title="nav.pos" description="placeholder.pos" />;
    case 'inventory':
      return <NotAvailableScreen title="nav.inventory" description="placeholder.inventory" />;
    case 'orders':
      return <NotAvailableScreen title="nav.orders" description="placeholder.orders" />;
    case 'customers':
      return <NotAvailableScreen title="nav.customers" description="placeholder.customers" />;
    case 'billing':
      return <NotAvailableScreen title="nav.billing" description="placeholder.billing" />;
    case 'network':
      return <NotAvailableScreen title="nav.network" description="placeholder.network" />;
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
