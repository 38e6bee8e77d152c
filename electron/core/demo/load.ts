import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import type { Core } from '../core';
import type { DemoData } from './generate';
import { planOpeningStock, planPriceLists, type DemoStockPlan } from './stock';
import { loadIspData, type IspLoadProgress, type IspLoadResult } from './subscriptions';

/**
 * Loads the demo's shop data into a core through the real channels, as a signed-in owner would from
 * the UI: warehouses (`inventory.warehouses.update/create`), the catalog (`inventory.import.products`
 * with the demo's CSV), opening stock (`inventory.stock.receive`, in receipts of RECEIVE_BATCH lines)
 * and member/reseller prices (`catalog.priceLists.setPrice`). Every write leaves its audit entry and
 * sync_outbox rows. Used by `npm run demo` and by the shop-counter benchmarks.
 */

export type ShopLoadStage = 'warehouses' | 'products' | 'stock' | 'prices';
export type ShopLoadProgress = (event: { stage: ShopLoadStage; done: number; total: number }) => void;

export type ShopLoadOptions = {
  core: Core;
  /** A session token of a user holding inventory.manage (the owner). */
  token: string;
  data: DemoData;
  /** The demo's products.csv (files.ts `writeProductsCsv`). */
  productsCsv: string;
  /** Set member/reseller prices (default true). */
  priceLists?: boolean;
  /** Also load the ISP side: routers, plans, customers and subscriptions (default true; subscriptions.ts). */
  isp?: boolean;
  onProgress?: ShopLoadProgress;
  onIspProgress?: IspLoadProgress;
};

export type ShopLoadResult = {
  /** Demo warehouse code → the warehouse in the store (the first one is setup's shop floor, renamed). */
  warehouses: { demoCode: string; id: string; code: string; name: string; how: 'renamed' | 'created' }[];
  products: number;
  receipts: number;
  stock: DemoStockPlan['summary'];
  stockLines: number;
  prices: number;
  /** Wall-clock milliseconds per stage. */
  timings: Record<ShopLoadStage, number>;
  /** The ISP side, when loaded. */
  isp: IspLoadResult | null;
};

/**
 * Lines per goods receipt. `inventory.stock.receive` takes up to 500, but it runs as one transaction
 * that holds the event loop (≈ 0.2 ms a line), so 100 keeps each call near 20 ms — inside DESIGN.md's
 * 50 ms — where 200 already takes 40–80 ms on a busy 2-core machine.
 */
export const RECEIVE_BATCH = 100;

/** The code first-run setup gives the shop floor (inventory.service `seedDefaultWarehouse`). */
const SETUP_WAREHOUSE_CODE = 'WH-01';

export async function loadShopData(options: ShopLoadOptions): Promise<ShopLoadResult> {
  const { core, token, data } = options;
  const report = options.onProgress ?? (() => {});
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input, { token, locale: 'en' });
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} — ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };
  const timings: Record<ShopLoadStage, number> = { warehouses: 0, products: 0, stock: 0, prices: 0 };
  const timed = async <T>(stage: ShopLoadStage, work: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    try {
      return await work();
    } finally {
      timings[stage] = Date.now() - started;
    }
  };

  // Warehouses: the demo's main shop is setup's shop floor, renamed; the others are created.
  const warehouses = await timed('warehouses', async () => {
    const existing = await call('inventory.warehouses.list', {});
    const shopFloor = existing.find((w) => w.code === SETUP_WAREHOUSE_CODE) ?? existing[0];
    const out: ShopLoadResult['warehouses'] = [];
    for (const [i, demo] of data.warehouses.entries()) {
      if (i === 0 && shopFloor) {
        const w = await call('inventory.warehouses.update', {
          id: shopFloor.id,
          name: demo.name,
          address: demo.address,
        });
        out.push({ demoCode: demo.code, id: w.id, code: w.code, name: w.name, how: 'renamed' });
      } else {
        const w = await call('inventory.warehouses.create', {
          code: demo.code,
          name: demo.name,
          address: demo.address,
        });
        out.push({ demoCode: demo.code, id: w.id, code: w.code, name: w.name, how: 'created' });
      }
      report({ stage: 'warehouses', done: i + 1, total: data.warehouses.length });
    }
    return out;
  });

  // The catalog, through the CSV import; its progress arrives as job.progress events.
  const imported = await timed('products', async () => {
    const off = core.events.on('job.progress', (event) => {
      if (event.label === 'import.products')
        report({ stage: 'products', done: event.done, total: event.total });
    });
    try {
      const result = await call('inventory.import.products', { csv: options.productsCsv });
      if (result.errors.length > 0) {
        const first = result.errors.slice(0, 5).map((e) => `row ${e.row} ${e.field}: ${e.message}`);
        throw new Error(`the demo CSV was refused (${result.errors.length} errors): ${first.join('; ')}`);
      }
      return result.imported;
    } finally {
      off();
    }
  });

  // No channel lists 100k items cheaply by SKU, so the ids are read back from the store (a read only).
  const itemIdBySku = new Map(
    (
      core.deps.store.sqlite.prepare('SELECT sku, id FROM items WHERE deleted_at IS NULL').all() as {
        sku: string;
        id: string;
      }[]
    ).map((row) => [row.sku, row.id]),
  );
  const itemId = (sku: string) => {
    const id = itemIdBySku.get(sku);
    if (!id) throw new Error(`item ${sku} is not in the store after the import`);
    return id;
  };

  // Opening stock: one run of receipts per warehouse.
  const plan = planOpeningStock(data);
  const receipts = await timed('stock', async () => {
    const idOf = new Map(warehouses.map((w) => [w.demoCode, w.id]));
    let done = 0;
    let count = 0;
    for (const demo of data.warehouses) {
      const lines = plan.lines.filter((line) => line.warehouseCode === demo.code);
      for (let start = 0; start < lines.length; start += RECEIVE_BATCH) {
        const batch = lines.slice(start, start + RECEIVE_BATCH);
        await call('inventory.stock.receive', {
          warehouseId: idOf.get(demo.code)!,
          supplier: 'Saldo awal',
          note: `Stok awal ${demo.name} (data demo)`,
          lines: batch.map((line) => ({
            itemId: itemId(line.sku),
            quantity: line.quantity,
            unitCost: line.unitCost,
          })),
        });
        count++;
        done += batch.length;
        report({ stage: 'stock', done, total: plan.lines.length });
      }
    }
    return count;
  });

  // Member and reseller prices.
  const prices = await timed('prices', async () => {
    if (options.priceLists === false) return 0;
    const lists = await call('catalog.priceLists.list', {});
    const listId = new Map(lists.flatMap((list) => (list.key ? [[list.key, list.id] as const] : [])));
    const planned = planPriceLists(data);
    for (const [i, price] of planned.entries()) {
      const priceListId = listId.get(price.list);
      if (!priceListId) throw new Error(`no "${price.list}" price list after setup`);
      await call('catalog.priceLists.setPrice', {
        priceListId,
        itemId: itemId(price.sku),
        minQuantity: price.minQuantity,
        price: price.price,
      });
      report({ stage: 'prices', done: i + 1, total: planned.length });
    }
    return planned.length;
  });

  const isp =
    options.isp === false ? null : await loadIspData({ core, token, data, onProgress: options.onIspProgress });

  return {
    warehouses,
    products: imported,
    receipts,
    stock: plan.summary,
    stockLines: plan.lines.length,
    prices,
    timings,
    isp,
  };
}
