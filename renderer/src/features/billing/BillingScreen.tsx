import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function BillingScreen() {
  return <NotAvailableScreen title="nav.billing" description="placeholder.billing" />;
}
