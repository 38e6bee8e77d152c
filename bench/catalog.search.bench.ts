import { createRandom } from '../electron/core/demo/random';
import { benchScale, openShop } from './shop-fixture';
import { log, nowMicros, percentile, timeResult, type Bench, type BenchSize } from './harness';

const NAME = 'catalog.search';

/** Rounds over the whole query mix; each round runs every query once per side, in alternating order. */
const SIZES: Record<BenchSize, { warmupRounds: number; rounds: number }> = {
  full: { warmupRounds: 3, rounds: 40 },
  smoke: { warmupRounds: 1, rounds: 2 },
};

/** What a cashier types or scans: words and phrases, one or two letters, and exact codes (added below). */
const TYPED = ['goreng', 'aqua 600', 'kabel', 'indomie goreng', 'sabun', 'kopi', 'a', 'in', 'su', 'te'];

/** The naive search a first version would write: substring LIKE on name and SKU, first 20 rows. */
const NAIVE = `SELECT id, product_id, name, sku, barcode, price FROM items
  WHERE name LIKE '%' || ? || '%' OR sku LIKE '%' || ? || '%' LIMIT 20`;

/**
 * `catalog.products.search` through `core.dispatch` with a signed-in user's token and the shop's warehouse
 * (so each hit carries its on-hand), over a 100k-item catalog, against the naive LIKE query prepared
 * once with better-sqlite3 on the same store, for the same queries.
 */
export const catalogSearchBench: Bench = {
  name: NAME,
  description:
    'catalog.products.search via dispatch vs a prepared naive LIKE query, 100k items (p50/p95 latency)',
  async run(options = {}) {
    const sizeName = options.size ?? 'full';
    const size = SIZES[sizeName];
    const scale = benchScale(sizeName);
    const shop = await openShop(scale, 'search');
    try {
      const { core, token } = shop;
      const products = shop.copy.source.data.products;
      const random = createRandom('bench/catalog.search');
      // Exact codes the scanner and the keyboard send: barcodes and SKUs of random products.
      const codes = random
        .sample(products, Math.min(4, products.length))
        .flatMap((p, i) => (i % 2 === 0 ? [p.barcode] : [p.sku]));
      const queries = [...TYPED, ...codes];
      const warehouses = await core.dispatch('inventory.warehouses.list', {}, { token });
      if (!warehouses.ok) throw new Error(warehouses.error.message);
      const warehouseId = (warehouses.data as { id: string; code: string }[]).find(
        (w) => w.code === 'WH-01',
      )!.id;
      const naive = core.deps.store.sqlite.prepare(NAIVE);

      const ours = async (query: string) => {
        const start = nowMicros();
        const result = await core.dispatch(
          'catalog.products.search',
          { query, warehouseId, limit: 20 },
          { token },
        );
        const took = nowMicros() - start;
        if (!result.ok) throw new Error(`search "${query}": ${result.error.message}`);
        return { took, hits: (result.data as unknown[]).length };
      };
      const baseline = (query: string) => {
        const start = nowMicros();
        const rows = naive.all(query, query);
        return { took: nowMicros() - start, hits: rows.length };
      };

      // The exact codes must be found: a benchmark of a search that finds nothing proves little.
      for (const code of codes) {
        if ((await ours(code)).hits < 1) throw new Error(`catalog.products.search did not find ${code}`);
      }

      log(`${NAME}: ${queries.length} queries, warming up (${size.warmupRounds} rounds)`);
      for (let round = 0; round < size.warmupRounds; round++) {
        for (const query of queries) {
          await ours(query);
          baseline(query);
        }
      }
      const oursTimes: number[] = [];
      const baseTimes: number[] = [];
      const byQuery = new Map<string, { ours: number[]; base: number[]; hits: number; baseHits: number }>();
      log(`${NAME}: measuring (${size.rounds} rounds × ${queries.length} queries per side)`);
      for (let round = 0; round < size.rounds; round++) {
        for (const query of round % 2 === 0 ? queries : [...queries].reverse()) {
          const entry = byQuery.get(query) ?? { ours: [], base: [], hits: 0, baseHits: 0 };
          byQuery.set(query, entry);
          // Alternate which side goes first so a cache warmed by one helps both alike.
          let o: { took: number; hits: number };
          let b: { took: number; hits: number };
          if (round % 2 === 0) {
            o = await ours(query);
            b = baseline(query);
          } else {
            b = baseline(query);
            o = await ours(query);
          }
          oursTimes.push(o.took);
          baseTimes.push(b.took);
          entry.ours.push(o.took);
          entry.base.push(b.took);
          entry.hits = o.hits;
          entry.baseHits = b.hits;
        }
      }
      for (const [query, entry] of byQuery) {
        log(
          `${NAME}:   ${JSON.stringify(query).padEnd(18)} ours p95 ${(percentile(entry.ours, 95) / 1000).toFixed(2)} ms (${entry.hits} hits)` +
            `, naive p95 ${(percentile(entry.base, 95) / 1000).toFixed(2)} ms (${entry.baseHits} hits)`,
        );
      }
      const items = products.length.toLocaleString('en');
      return [
        timeResult(
          NAME,
          `p50 latency over ${queries.length} till queries (codes, words, 1–2 letters), ${items} items, catalog.products.search via dispatch vs naive LIKE`,
          percentile(oursTimes, 50),
          percentile(baseTimes, 50),
          'µs',
        ),
        timeResult(
          NAME,
          `p95 latency over ${queries.length} till queries (codes, words, 1–2 letters), ${items} items, catalog.products.search via dispatch vs naive LIKE`,
          percentile(oursTimes, 95),
          percentile(baseTimes, 95),
          'µs',
        ),
      ];
    } finally {
      await shop.close();
    }
  },
};
