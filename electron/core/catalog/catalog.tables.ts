import type { SyncColumns } from '../db/schema';

export type CategoryRow = SyncColumns & { name: string; parent_id: string | null };
export type ProductRow = SyncColumns & {
  name: string;
  category_id: string | null;
  /** The unit it is sold in (pcs, bungkus, botol, kg, liter…): free text, suggested by the UI. */
  unit: string;
  tax_mode: 'included' | 'excluded' | 'exempt';
  /** JSON array of strings. */
  tags: string;
  description: string;
  archived: number;
};
export type ItemRow = SyncColumns & {
  product_id: string;
  sku: string;
  barcode: string | null;
  /** Product name plus the variant's attribute values, as shown at the till. */
  name: string;
  /** JSON object of attribute → value, `{}` for a product without variants. */
  variant: string;
  /** Tags and category name, indexed for search. */
  keywords: string;
  /** The retail price, in rupiah. */
  price: number;
  /** Moving-average cost, in rupiah, kept by goods receipts. */
  cost: number;
  negative_policy: 'block' | 'allow';
  low_stock_threshold: number;
  archived: number;
};
export type PriceListRow = SyncColumns & { key: string | null; name: string; archived: number };
export type PriceListPriceRow = SyncColumns & {
  price_list_id: string;
  item_id: string;
  min_quantity: number;
  price: number;
};

export type CatalogTables = {
  categories: CategoryRow;
  products: ProductRow;
  items: ItemRow;
  price_lists: PriceListRow;
  price_list_prices: PriceListPriceRow;
};
