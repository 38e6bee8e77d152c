import { NotAvailableScreen } from '../placeholder/NotAvailableScreen';

export function MapScreen() {
  return <NotAvailableScreen title="nav.map" description="placeholder.billing" />;
}
