import { demoRandom, type DemoData } from './generate';
import type { DemoProduct } from './products';
import type { Random } from './random';
import type { DemoWarehouse } from './warehouses';

/**
 * The demo's opening stock and member/reseller prices: what a branch would have on its shelves and in
 * its price lists on the day it starts using Gerai. Pure and deterministic like the generator (each
 * plan draws from its own fork of the seed, so adding a plan never changes the products or customers).
 */

/**
 * The low-stock threshold a shopkeeper would set: a few cartons, a couple of routers, a dozen of the
 * cheap packets that sell all day. Electronic products (pulsa, tokens) have no shelf stock: 0, never low.
 */
export function lowStockThreshold(product: DemoProduct): number {
  if (!product.tracksStock) return 0;
  if (product.unit === 'dus') return 2;
  if (product.category === 'Perangkat Jaringan') return 2;
  if (product.category === 'Rokok') return 10;
  if (product.price < 5_000) return 12;
  if (product.price < 20_000) return 6;
  return 3;
}

/** How a receipt line stocks one item in one warehouse. */
export type DemoStockLine = { sku: string; warehouseCode: string; quantity: number; unitCost: number };

export type DemoStockPlan = {
  lines: DemoStockLine[];
  /** Per warehouse code: items stocked, at zero (carried but out), and below their threshold. */
  summary: Record<string, { stocked: number; zero: number; low: number; units: number }>;
};

/** A healthy shelf quantity for a product, by how it is sold (cartons, kilos, packets, gear). */
function shelfQuantity(random: Random, product: DemoProduct): number {
  if (product.unit === 'dus') return random.int(3, 12);
  if (product.category === 'Perangkat Jaringan') return random.int(3, 15);
  if (product.unit === 'kg' || product.unit === 'liter') return random.int(10, 60);
  if (product.category === 'Rokok') return random.int(12, 60);
  if (product.price < 5_000) return random.int(24, 120);
  if (product.price < 20_000) return random.int(8, 48);
  return random.int(4, 20);
}

/** What a storeroom keeps: cartons and sacks of the staples, in bulk. */
function storeroomQuantity(random: Random, product: DemoProduct): number {
  if (product.unit === 'dus') return random.int(5, 40);
  if (product.unit === 'kg' || product.unit === 'liter') return random.int(50, 250);
  return random.int(24, 200);
}

/** The chance a storeroom carries a product at all: cartons and staples mostly, the rest rarely. */
function storeroomCarries(product: DemoProduct): number {
  if (product.unit === 'dus') return 0.8;
  if (product.category === 'Sembako' || product.category === 'Minuman') return 0.4;
  if (product.category === 'Perangkat Jaringan') return 0.5;
  return 0.1;
}

/**
 * Opening stock for every product that keeps stock: the main shop carries nearly everything (about
 * 6% sold out, about 4% below the low-stock threshold), the storeroom keeps cartons and staples in
 * bulk, and any further shop carries about a third of the range in smaller quantities. The receipt's
 * unit cost is the product's cost, so the opening receipts leave moving-average costs as imported.
 */
export function planOpeningStock(data: DemoData): DemoStockPlan {
  const random = demoRandom(data.meta.seed).fork('opening-stock');
  const lines: DemoStockLine[] = [];
  const summary: DemoStockPlan['summary'] = {};
  const shops = data.warehouses.filter((w) => w.kind === 'toko');
  const main = shops[0];
  for (const warehouse of data.warehouses)
    summary[warehouse.code] = { stocked: 0, zero: 0, low: 0, units: 0 };
  const add = (warehouse: DemoWarehouse, product: DemoProduct, quantity: number) => {
    const entry = summary[warehouse.code]!;
    if (quantity <= 0) {
      entry.zero++;
      return;
    }
    const threshold = lowStockThreshold(product);
    if (quantity <= threshold) entry.low++;
    entry.stocked++;
    entry.units += quantity;
    lines.push({ sku: product.sku, warehouseCode: warehouse.code, quantity, unitCost: product.cost });
  };
  for (const warehouse of data.warehouses) {
    for (const product of data.products) {
      if (!product.tracksStock) continue;
      const threshold = lowStockThreshold(product);
      if (warehouse === main) {
        const roll = random.next();
        if (roll < 0.06) add(warehouse, product, 0);
        else if (roll < 0.1) add(warehouse, product, random.int(1, Math.max(1, threshold - 1)));
        else add(warehouse, product, threshold + shelfQuantity(random, product));
      } else if (warehouse.kind === 'gudang') {
        if (random.chance(storeroomCarries(product)))
          add(warehouse, product, storeroomQuantity(random, product));
      } else if (random.chance(0.3)) {
        const roll = random.next();
        if (roll < 0.05) add(warehouse, product, 0);
        else if (roll < 0.1) add(warehouse, product, random.int(1, Math.max(1, threshold - 1)));
        else
          add(warehouse, product, Math.max(1, Math.round((threshold + shelfQuantity(random, product)) / 2)));
      }
    }
  }
  return { lines, summary };
}

export type DemoPriceListKey = 'member' | 'reseller';
export type DemoPrice = { sku: string; list: DemoPriceListKey; minQuantity: number; price: number };

/** Whole rupiah steps a price list uses: down to Rp 100 below Rp 20.000, Rp 500 above. */
function roundDown(amount: number): number {
  const step = amount < 20_000 ? 100 : 500;
  return Math.floor(amount / step) * step;
}

/** A discounted price, never at or below cost (the next Rp 100 above cost at worst). */
function discounted(product: DemoProduct, factor: number): number {
  return Math.max(product.cost + 100, roundDown(product.price * factor));
}

/** Categories members and resellers buy at a discount: the everyday staples. */
const DISCOUNTED = new Set<string>(['Sembako', 'Minuman', 'Makanan Ringan', 'Perlengkapan Mandi']);

/**
 * Member prices (about 3% off) on 5% of the stocked staples, reseller prices (about 6% off) on half of
 * those, and quantity breaks for resellers on every fifth (a carton at about 9% off from 3, loose
 * items from 12). Capped at 1,000 member items: a real branch keeps a list it can still read, and
 * `catalog.priceLists.setPrice` answers the whole list on every call.
 */
export function planPriceLists(data: DemoData): DemoPrice[] {
  const random = demoRandom(data.meta.seed).fork('price-lists');
  const staples = data.products.filter((p) => p.tracksStock && DISCOUNTED.has(p.category));
  const memberCount = Math.min(1000, staples.length, Math.max(20, Math.round(data.products.length * 0.05)));
  const members = random.sample(staples, memberCount);
  const prices: DemoPrice[] = [];
  for (const [i, product] of members.entries()) {
    const member = discounted(product, 0.97);
    if (member < product.price)
      prices.push({ sku: product.sku, list: 'member', minQuantity: 1, price: member });
    if (i % 2 !== 0) continue;
    const reseller = discounted(product, 0.94);
    if (reseller >= product.price) continue;
    prices.push({ sku: product.sku, list: 'reseller', minQuantity: 1, price: reseller });
    if (i % 10 === 0) {
      const bulk = discounted(product, 0.91);
      if (bulk < reseller)
        prices.push({
          sku: product.sku,
          list: 'reseller',
          minQuantity: product.unit === 'dus' ? 3 : 12,
          price: bulk,
        });
    }
  }
  return prices;
}
