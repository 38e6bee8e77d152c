import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function NotificationsScreen() {
  return <NotAvailableScreen title="nav.notifications" description="placeholder.billing" />;
}
