import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function ReportsScreen() {
  return <NotAvailableScreen title="nav.reports" description="placeholder.billing" />;
}
