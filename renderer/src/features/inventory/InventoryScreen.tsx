import { useEffect } from 'react';
import { TabbedScreen, type ScreenTab } from '../../app/components/TabbedScreen';
import { useT } from '../../app/i18n/use-t';
import { CountsTab } from './CountsTab';
import { ImportExportTab } from './ImportExportTab';
import { useInventoryStore, type InventoryTab } from './inventory-store';
import { PricesTab } from './PricesTab';
import { ProductsTab } from './ProductsTab';
import { ReviewsTab } from './ReviewsTab';
import { StockTab } from './StockTab';
import { TransfersTab } from './TransfersTab';
import { WarehousesTab } from './WarehousesTab';

const TABS: readonly ScreenTab<InventoryTab>[] = [
  { tab: 'products', label: 'inventory.tab.products' },
  { tab: 'stock', label: 'inventory.tab.stock' },
  { tab: 'transfers', label: 'inventory.tab.transfers' },
  { tab: 'counts', label: 'inventory.tab.counts' },
  { tab: 'reviews', label: 'inventory.tab.reviews' },
  { tab: 'prices', label: 'inventory.tab.prices' },
  { tab: 'warehouses', label: 'inventory.tab.warehouses' },
  { tab: 'io', label: 'inventory.tab.io' },
];

function TabBody({ tab }: { tab: InventoryTab }) {
  switch (tab) {
    case 'products':
      return <ProductsTab />;
    case 'stock':
      return <StockTab />;
    case 'transfers':
      return <TransfersTab />;
    case 'counts':
      return <CountsTab />;
    case 'reviews':
      return <ReviewsTab />;
    case 'prices':
      return <PricesTab />;
    case 'warehouses':
      return <WarehousesTab />;
    case 'io':
      return <ImportExportTab />;
    default:
      return tab satisfies never;
  }
}

/** Products, stock per warehouse, transfers, stock counts, reviews, prices, warehouses, import/export. */
export function InventoryScreen() {
  const t = useT();
  const tab = useInventoryStore((state) => state.tab);
  const setTab = useInventoryStore((state) => state.setTab);

  useEffect(() => {
    void useInventoryStore.getState().loadWarehouses();
    void useInventoryStore.getState().loadCategories();
  }, []);

  return (
    <TabbedScreen
      title={t('nav.inventory')}
      subtitle={t('inventory.subtitle')}
      testId="inventory"
      tabs={TABS}
      value={tab}
      onChange={setTab}
    >
      <TabBody tab={tab} />
    </TabbedScreen>
  );
}
