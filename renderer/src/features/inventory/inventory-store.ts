import { create } from 'zustand';
import type { ChannelOutput, Warehouse } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';

export type InventoryTab =
  'products' | 'stock' | 'transfers' | 'counts' | 'reviews' | 'prices' | 'warehouses' | 'io';
export type Category = ChannelOutput<'catalog.categories.list'>[number];

type InventoryState = {
  tab: InventoryTab;
  /** Every warehouse, archived ones too (lists show codes of old documents). */
  warehouses: Warehouse[];
  categories: Category[];
  setTab(tab: InventoryTab): void;
  loadWarehouses(): Promise<void>;
  loadCategories(): Promise<void>;
};

/** What the inventory tabs share: which tab is open, warehouses and categories. */
export const useInventoryStore = create<InventoryState>()((set) => ({
  tab: 'products',
  warehouses: [],
  categories: [],
  setTab(tab) {
    set({ tab });
  },
  async loadWarehouses() {
    const result = await call('inventory.warehouses.list', { includeArchived: true }, { quiet: true });
    if (result.ok) set({ warehouses: result.data });
  },
  async loadCategories() {
    const result = await call('catalog.categories.list', {}, { quiet: true });
    if (result.ok) set({ categories: result.data });
  },
}));

/** Warehouses goods can still move in or out of. */
export function useActiveWarehouses(): Warehouse[] {
  const warehouses = useInventoryStore((state) => state.warehouses);
  return warehouses.filter((warehouse) => !warehouse.archived);
}

export function useWarehouseCode(): (id: string) => string {
  const warehouses = useInventoryStore((state) => state.warehouses);
  return (id) => warehouses.find((warehouse) => warehouse.id === id)?.code ?? '–';
}
