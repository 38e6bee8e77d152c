import AdminPanelSettingsIcon from '@mui/icons-material/AdminPanelSettings';
import AssessmentIcon from '@mui/icons-material/Assessment';
import BackupIcon from '@mui/icons-material/Backup';
import DashboardIcon from '@mui/icons-material/Dashboard';
import HistoryIcon from '@mui/icons-material/History';
import Inventory2Icon from '@mui/icons-material/Inventory2';
import MapIcon from '@mui/icons-material/Map';
import NotificationsIcon from '@mui/icons-material/Notifications';
import PeopleIcon from '@mui/icons-material/People';
import WifiIcon from '@mui/icons-material/Wifi';
import PaymentsIcon from '@mui/icons-material/Payments';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import RouterIcon from '@mui/icons-material/Router';
import SettingsIcon from '@mui/icons-material/Settings';
import type SvgIcon from '@mui/material/SvgIcon';
import type { Permission } from '../../../../shared/domain/permissions';
import type { TranslationKey } from '../i18n/id';

export type RouteKey =
  | 'dashboard'
  | 'pos'
  | 'inventory'
  | 'orders'
  | 'customers'
  | 'map'
  | 'subscriptions'
  | 'billing'
  | 'network'
  | 'reports'
  | 'settings'
  | 'users'
  | 'audit'
  | 'backup'
  | 'notifications';

export type NavItem = {
  route: RouteKey;
  label: TranslationKey;
  icon: typeof SvgIcon;
  group: 'operations' | 'admin';
  /** Any one of these permissions shows the item; an empty list means everyone signed in. The core checks again. */
  anyOf: readonly Permission[];
};

export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'dashboard', label: 'nav.dashboard', icon: DashboardIcon, group: 'operations', anyOf: [] },
  { route: 'pos', label: 'nav.pos', icon: PointOfSaleIcon, group: 'operations', anyOf: ['pos.sell'] },
  {
    route: 'inventory',
    label: 'nav.inventory',
    icon: Inventory2Icon,
    group: 'operations',
    anyOf: ['inventory.view'],
  },
  {
    route: 'orders',
    label: 'nav.orders',
    icon: ReceiptLongIcon,
    group: 'operations',
    anyOf: ['orders.view'],
  },
  {
    route: 'customers',
    label: 'nav.customers',
    icon: PeopleIcon,
    group: 'operations',
    anyOf: ['customers.view'],
  },
  { route: 'map', label: 'nav.map', icon: MapIcon, group: 'operations', anyOf: ['customers.view'] },
  {
    route: 'subscriptions',
    label: 'nav.subscriptions',
    icon: WifiIcon,
    group: 'operations',
    anyOf: ['customers.view', 'billing.view'],
  },
  {
    route: 'billing',
    label: 'nav.billing',
    icon: PaymentsIcon,
    group: 'operations',
    anyOf: ['billing.view', 'billing.collect'],
  },
  { route: 'network', label: 'nav.network', icon: RouterIcon, group: 'operations', anyOf: ['network.view'] },
  {
    route: 'reports',
    label: 'nav.reports',
    icon: AssessmentIcon,
    group: 'operations',
    anyOf: ['reports.view'],
  },
  // Everyone may read the settings; changing them needs settings.manage (the screen goes read-only).
  { route: 'settings', label: 'nav.settings', icon: SettingsIcon, group: 'admin', anyOf: [] },
  { route: 'users', label: 'nav.users', icon: AdminPanelSettingsIcon, group: 'admin', anyOf: ['users.view'] },
  { route: 'audit', label: 'nav.audit', icon: HistoryIcon, group: 'admin', anyOf: ['audit.view'] },
  { route: 'backup', label: 'nav.backup', icon: BackupIcon, group: 'admin', anyOf: ['backup.manage'] },
  {
    route: 'notifications',
    label: 'nav.notifications',
    icon: NotificationsIcon,
    group: 'admin',
    anyOf: ['settings.manage', 'billing.manage'],
  },
];

export function isRouteAllowed(item: NavItem, permissions: readonly Permission[]): boolean {
  return item.anyOf.length === 0 || item.anyOf.some((permission) => permissions.includes(permission));
}

export function allowedNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => isRouteAllowed(item, permissions));
}
