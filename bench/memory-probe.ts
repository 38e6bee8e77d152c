/**
 * A child process for the `memory.pos` bench (bench/memory.pos.bench.ts): runs one scenario in a fresh
 * Node process and prints its memory as one JSON line, so nothing the parent has allocated (other
 * benches, the built shop data) is counted. Started as
 *   node --expose-gc --import tsx bench/memory-probe.ts '<json args>'
 *
 * Scenarios: `bare` — createCore on an empty data folder; `store` — open a data folder that already
 * holds the shop (100k items) and run a POS session; `import` — an empty folder, import the product
 * CSV through the channel, receive stock for the items the session sells, then the same session.
 */
import { readFileSync } from 'node:fs';
import { createCore, type Core } from '../electron/core/core';
import { createRandom } from '../electron/core/demo/random';
import { uuidv7 } from '../electron/core/platform/ids';
import { silentLogger } from '../electron/core/platform/logger';
import { login, setupOwner } from './shop-fixture';

export type ProbeArgs = {
  mode: 'bare' | 'store' | 'import';
  dataDir: string;
  /** The product CSV (import mode). */
  csvFile?: string;
  searches: number;
  sales: number;
};

export type ProbeResult = {
  mode: ProbeArgs['mode'];
  /** Resident set after the scenario and a full GC, MB. */
  rssMb: number;
  /** The process's peak resident set, MB. */
  peakRssMb: number;
  heapUsedMb: number;
  items: number;
  searches: number;
  sales: number;
};

const MB = 1024 * 1024;
const WORDS = [
  'goreng',
  'aqua 600',
  'kabel',
  'indomie',
  'sabun',
  'kopi',
  'a',
  'in',
  'su',
  'te',
  'teh botol',
  'rokok',
];

async function call(core: Core, token: string, channel: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(channel, input, { token });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

type Stocked = { id: string; price: number; barcode: string | null; sku: string };

function stocked(core: Core, warehouseId: string, limit: number): Stocked[] {
  return core.deps.store.sqlite
    .prepare(
      `SELECT i.id, i.price, i.barcode, i.sku FROM stock_balances b JOIN items i ON i.id = b.item_id
       WHERE b.warehouse_id = ? AND b.on_hand >= 20 ORDER BY b.item_id LIMIT ?`,
    )
    .all(warehouseId, limit) as Stocked[];
}

/** A till's session: searches as a cashier types and scans them, and cash sales of 5 lines. */
async function posSession(core: Core, token: string, warehouseId: string, args: ProbeArgs) {
  const random = createRandom('bench/memory.pos');
  const candidates = stocked(core, warehouseId, 2000);
  if (candidates.length < 5) throw new Error(`only ${candidates.length} items in stock`);
  await call(core, token, 'pos.shifts.open', { warehouseId, openingFloat: 300_000 });
  for (let i = 0; i < args.searches; i++) {
    const item = random.pick(candidates);
    const query = i % 3 === 0 ? (item.barcode ?? item.sku) : i % 3 === 1 ? item.sku : random.pick(WORDS);
    await call(core, token, 'catalog.products.search', { query, warehouseId, limit: 20 });
  }
  for (let i = 0; i < args.sales; i++) {
    const lines = random.sample(candidates, 5).map((item) => ({ item, quantity: random.int(1, 2) }));
    const total = lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0);
    await call(core, token, 'pos.sales.complete', {
      id: uuidv7(),
      lines: lines.map((line) => ({ itemId: line.item.id, quantity: line.quantity })),
      payments: [{ method: 'cash', amount: Math.ceil(total / 10_000) * 10_000 }],
    });
  }
}

async function main(): Promise<ProbeResult> {
  const args = JSON.parse(process.argv[2] ?? '{}') as ProbeArgs;
  const core = await createCore({ dataDir: args.dataDir, appVersion: 'bench', logger: silentLogger });
  let items = 0;
  try {
    if (args.mode !== 'bare') {
      let token: string;
      if (args.mode === 'import') {
        token = await setupOwner(core);
        const csv = readFileSync(args.csvFile!, 'utf8');
        await call(core, token, 'inventory.import.products', { csv });
      } else {
        token = await login(core);
      }
      const warehouses = (await call(core, token, 'inventory.warehouses.list', {})) as {
        id: string;
        code: string;
      }[];
      const warehouseId = warehouses.find((w) => w.code === 'WH-01')!.id;
      if (args.mode === 'import') {
        // A freshly imported catalog has no stock: receive some for the items the session sells.
        const ids = core.deps.store.sqlite
          .prepare('SELECT id, cost FROM items ORDER BY rowid LIMIT 300')
          .all() as { id: string; cost: number }[];
        for (let start = 0; start < ids.length; start += 100) {
          await call(core, token, 'inventory.stock.receive', {
            warehouseId,
            lines: ids
              .slice(start, start + 100)
              .map((item) => ({ itemId: item.id, quantity: 50, unitCost: item.cost })),
          });
        }
      }
      items = (core.deps.store.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
      await posSession(core, token, warehouseId, args);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('run with --expose-gc');
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const memory = process.memoryUsage();
    return {
      mode: args.mode,
      rssMb: memory.rss / MB,
      peakRssMb: (process.resourceUsage().maxRSS * 1024) / MB,
      heapUsedMb: memory.heapUsed / MB,
      items,
      searches: args.mode === 'bare' ? 0 : args.searches,
      sales: args.mode === 'bare' ? 0 : args.sales,
    };
  } finally {
    await core.close();
  }
}

main().then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
