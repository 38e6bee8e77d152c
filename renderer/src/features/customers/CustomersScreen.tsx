import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function CustomersScreen() {
  return <NotAvailableScreen title="nav.customers" description="placeholder.billing" />;
}
