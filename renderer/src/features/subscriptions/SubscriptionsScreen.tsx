import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function SubscriptionsScreen() {
  return <NotAvailableScreen title="nav.subscriptions" description="placeholder.billing" />;
}
