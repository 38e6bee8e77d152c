import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemName } from '../electron/core/catalog/catalog.service';
import { createCore, type Core } from '../electron/core/core';
import { openStore, type Store } from '../electron/core/db/database';
import { readProductCsv } from '../electron/core/inventory/product-import.service';
import { systemClock } from '../electron/core/platform/clock';
import { createHlc } from '../electron/core/platform/hlc';
import { uuidv7 } from '../electron/core/platform/ids';
import { silentLogger } from '../electron/core/platform/logger';
import { benchScale, demoSource, setupOwner } from './shop-fixture';
import { log, timeResult, type Bench } from './harness';

const NAME = 'inventory.import';

const PRODUCT_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'hlc',
  'origin_device',
  'deleted_at',
  'name',
  'category_id',
  'unit',
  'tax_mode',
  'tags',
  'description',
  'archived',
] as const;
const ITEM_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'hlc',
  'origin_device',
  'deleted_at',
  'product_id',
  'sku',
  'barcode',
  'name',
  'variant',
  'keywords',
  'price',
  'cost',
  'negative_policy',
  'low_stock_threshold',
  'archived',
] as const;
type Value = string | number | null;

/** The product and item rows the import writes for the CSV (ids, stamps and categories included). */
function rowsFor(csv: string) {
  const { rows, errors } = readProductCsv(csv, { skus: new Set(), barcodes: new Set() });
  if (errors.length > 0) throw new Error(`the bench CSV has ${errors.length} errors`);
  const hlc = createHlc(systemClock, '00000000000000aa');
  const device = uuidv7();
  const categories = new Map<string, string>();
  const products: Value[][] = [];
  const items: Value[][] = [];
  for (const row of rows) {
    const now = Date.now();
    let categoryId: string | null = null;
    if (row.category) {
      categoryId = categories.get(row.category) ?? uuidv7();
      categories.set(row.category, categoryId);
    }
    const productId = uuidv7(now);
    products.push([
      productId,
      now,
      now,
      hlc.next(),
      device,
      null,
      row.name,
      categoryId,
      row.unit,
      row.taxMode,
      JSON.stringify(row.tags),
      '',
      0,
    ]);
    items.push([
      uuidv7(now),
      now,
      now,
      hlc.next(),
      device,
      null,
      productId,
      row.sku,
      row.barcode,
      itemName(row.name, row.variant),
      JSON.stringify(row.variant),
      [...row.tags, row.category].filter(Boolean).join(' '),
      row.price,
      row.cost,
      row.negativePolicy,
      row.lowStockThreshold,
      0,
    ]);
  }
  return {
    products,
    items,
    categories: [...categories].map(([name, id]) => ({ name, id, device, hlc: hlc.next() })),
  };
}

/**
 * Seconds for raw better-sqlite3 inserts of the rows into a fresh store (same schema, pragmas and FTS
 * trigger), in one transaction: `perRow` — one prepared single-row INSERT per product and per item (the
 * brief's baseline); otherwise multi-row INSERTs of 100 rows, the fastest way SQLite takes them.
 */
async function rawImport(dir: string, rows: ReturnType<typeof rowsFor>, perRow: boolean): Promise<number> {
  const store: Store = await openStore(join(dir, `raw-${perRow ? 'row' : 'batch'}.db`), silentLogger);
  try {
    const sqlite = store.sqlite;
    const addCategory = sqlite.prepare(
      `INSERT INTO categories (id, created_at, updated_at, hlc, origin_device, deleted_at, name, parent_id) VALUES (?, 0, 0, ?, ?, NULL, ?, NULL)`,
    );
    for (const c of rows.categories) addCategory.run(c.id, c.hlc, c.device, c.name);
    const statement = (table: string, columns: readonly string[], count: number) =>
      sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: count }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
      );
    const batch = perRow ? 1 : 100;
    const insertProducts = statement('products', PRODUCT_COLUMNS, batch);
    const insertItems = statement('items', ITEM_COLUMNS, batch);
    const write = sqlite.transaction(() => {
      for (let start = 0; start < rows.items.length; start += batch) {
        const end = Math.min(rows.items.length, start + batch);
        const whole = end - start === batch;
        const p = whole ? insertProducts : statement('products', PRODUCT_COLUMNS, end - start);
        const i = whole ? insertItems : statement('items', ITEM_COLUMNS, end - start);
        p.run(rows.products.slice(start, end).flat());
        i.run(rows.items.slice(start, end).flat());
      }
    });
    const started = performance.now();
    write();
    const seconds = (performance.now() - started) / 1000;
    const n = (sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
    if (n !== rows.items.length) throw new Error(`raw import wrote ${n} items, not ${rows.items.length}`);
    return seconds;
  } finally {
    await store.close();
  }
}

/** Seconds for `inventory.import.products` of the CSV into a fresh store, and the longest event-loop stall. */
async function oursImport(
  dir: string,
  csv: string,
  expected: number,
): Promise<{ seconds: number; longestStallMs: number }> {
  let core: Core | null = null;
  try {
    core = await createCore({ dataDir: join(dir, 'ours'), appVersion: 'bench', logger: silentLogger });
    const token = await setupOwner(core);
    let longest = 0;
    let last = performance.now();
    const monitor = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const result = await core.dispatch('inventory.import.products', { csv }, { token });
    const seconds = (performance.now() - started) / 1000;
    // One more tick, so a stall at the very end (the commit) is seen too.
    await new Promise((resolve) => setTimeout(resolve, 10));
    clearInterval(monitor);
    if (!result.ok) throw new Error(`inventory.import.products: ${result.error.message}`);
    const imported = (result.data as { imported: number }).imported;
    if (imported !== expected) throw new Error(`imported ${imported} of ${expected} rows`);
    return { seconds, longestStallMs: longest };
  } finally {
    await core?.close();
  }
}

/**
 * `inventory.import.products` of the demo's product CSV (100,000 rows at full size) into a fresh store
 * through `core.dispatch` — parse, check every row, write products and items with their sync_outbox
 * entries, audit — against raw better-sqlite3 inserts of the same product and item rows in one
 * transaction: one prepared INSERT per row (the brief's baseline), and multi-row INSERTs (the floor).
 */
export const inventoryImportBench: Bench = {
  name: NAME,
  description:
    'inventory.import.products of the demo CSV into a fresh store vs raw prepared INSERTs of the same rows (s)',
  async run(options = {}) {
    const scale = benchScale(options.size ?? 'full');
    const source = demoSource(scale);
    const count = source.data.products.length;
    const dir = mkdtempSync(join(tmpdir(), 'gerai-bench-import-'));
    try {
      const rows = rowsFor(source.csv);
      log(`${NAME}: raw per-row INSERTs of ${count.toLocaleString('en')} products and items`);
      const perRow = await rawImport(dir, rows, true);
      log(
        `${NAME}: inventory.import.products of ${count.toLocaleString('en')} rows (${(source.csv.length / 1e6).toFixed(1)} MB CSV)`,
      );
      const ours = await oursImport(dir, source.csv, count);
      log(
        `${NAME}: ours ${ours.seconds.toFixed(2)} s; longest event-loop stall ${ours.longestStallMs.toFixed(0)} ms (includes the commit)`,
      );
      log(`${NAME}: raw multi-row INSERTs`);
      const batched = await rawImport(dir, rows, false);
      log(`${NAME}: raw per-row ${perRow.toFixed(2)} s, raw multi-row ${batched.toFixed(2)} s`);
      const what = `import ${count.toLocaleString('en')} products from CSV into a fresh store, inventory.import.products via dispatch`;
      return [
        timeResult(
          NAME,
          `${what} vs raw per-row INSERTs of the same products and items`,
          ours.seconds,
          perRow,
          's',
        ),
        timeResult(
          NAME,
          `${what} vs raw multi-row INSERTs of the same products and items`,
          ours.seconds,
          batched,
          's',
        ),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
