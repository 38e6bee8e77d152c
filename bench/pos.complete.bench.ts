import type { Core } from '../electron/core/core';
import { createRandom } from '../electron/core/demo/random';
import { systemClock } from '../electron/core/platform/clock';
import { createHlc } from '../electron/core/platform/hlc';
import { uuidv7 } from '../electron/core/platform/ids';
import { benchScale, openShop } from './shop-fixture';
import { log, nowMicros, percentile, rateResult, timeResult, type Bench, type BenchSize } from './harness';

const NAME = 'pos.complete';

/** Sales per side: a warm-up, then rounds alternating which side goes first. */
const SIZES: Record<BenchSize, { warmup: number; rounds: number; perRound: number }> = {
  full: { warmup: 40, rounds: 4, perRound: 100 },
  smoke: { warmup: 2, rounds: 2, perRound: 3 },
};

const LINES = 5;
const MIN_ON_HAND = 20;

type StockedItem = { id: string; name: string; sku: string; price: number; cost: number; onHand: number };
type Cart = { lines: { item: StockedItem; quantity: number }[]; total: number; tendered: number };

/** Carts a till sees: 5 different shelf items, 1–3 of each, paid in cash with round notes. */
function makeCarts(items: readonly StockedItem[], count: number): Cart[] {
  const random = createRandom('bench/pos.complete');
  return Array.from({ length: count }, () => {
    const lines = random.sample(items, LINES).map((item) => ({ item, quantity: random.int(1, 3) }));
    // A branch that is not PKP (setup's default) collects no PPN: the total is the sum of the lines.
    const total = lines.reduce((sum, line) => sum + line.item.price * line.quantity, 0);
    return { lines, total, tendered: Math.ceil(total / 10_000) * 10_000 };
  });
}

async function openShift(
  core: Core,
  token: string,
): Promise<{ warehouseId: string; shiftId: string; userId: string }> {
  const warehouses = await core.dispatch('inventory.warehouses.list', {}, { token });
  if (!warehouses.ok) throw new Error(warehouses.error.message);
  const warehouseId = (warehouses.data as { id: string; code: string }[]).find((w) => w.code === 'WH-01')!.id;
  const shift = await core.dispatch('pos.shifts.open', { warehouseId, openingFloat: 500_000 }, { token });
  if (!shift.ok) throw new Error(`pos.shifts.open: ${shift.error.message}`);
  const me = await core.dispatch('auth.session.me', {}, { token });
  if (!me.ok) throw new Error(me.error.message);
  return {
    warehouseId,
    shiftId: (shift.data as { id: string }).id,
    userId: (me.data as { user: { id: string } }).user.id,
  };
}

function stockedItems(core: Core, warehouseId: string): StockedItem[] {
  return core.deps.store.sqlite
    .prepare(
      `SELECT i.id, i.name, i.sku, i.price, i.cost, b.on_hand AS onHand FROM stock_balances b
       JOIN items i ON i.id = b.item_id WHERE b.warehouse_id = ? AND b.on_hand >= ? AND i.archived = 0 ORDER BY i.sku`,
    )
    .all(warehouseId, MIN_ON_HAND) as StockedItem[];
}

type Value = string | number | null;
type RawRow = { table: string; values: Value[]; outbox: Value[] };

/**
 * The raw baseline: the rows `pos.sales.complete` writes for the same cart (sale, 5 lines, 5 stock
 * movements and their balance updates, the cash payment, the drawer movement, and an outbox row for
 * each synced row with its JSON payload), made before the clock starts, written by prepared
 * statements in one better-sqlite3 transaction per sale. Each row lists its columns in the order the
 * services write them, sync columns last.
 */
function rawSaleWriter(core: Core, ctx: { warehouseId: string; shiftId: string; userId: string }) {
  const sqlite = core.deps.store.sqlite;
  const device = core.deps.device.id;
  const hlc = createHlc(systemClock, '00000000000000ff');
  const statements = new Map<string, ReturnType<typeof sqlite.prepare>>();
  const balance = sqlite.prepare(
    'UPDATE stock_balances SET on_hand = ? WHERE item_id = ? AND warehouse_id = ?',
  );
  const outbox = sqlite.prepare(
    `INSERT INTO sync_outbox (op_id, table_name, row_id, op, hlc, payload, created_at) VALUES (?, ?, ?, 'insert', ?, ?, ?)`,
  );
  const onHand = new Map<string, number>();
  let sequence = 0;

  const row = (table: string, fields: Record<string, Value>, id = uuidv7()): RawRow => {
    const now = Date.now();
    const stamp = hlc.next();
    const full: Record<string, Value> = {
      ...fields,
      id,
      created_at: now,
      updated_at: now,
      hlc: stamp,
      origin_device: device,
      deleted_at: null,
    };
    const columns = Object.keys(full);
    const key = `${table}(${columns.join(',')})`;
    if (!statements.has(key)) {
      statements.set(
        key,
        sqlite.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        ),
      );
    }
    return {
      table: key,
      values: Object.values(full),
      outbox: [uuidv7(), table, id, stamp, JSON.stringify(full), now],
    };
  };

  /** Every row of one sale, made ahead of time. */
  const prepare = (cart: Cart) => {
    const saleId = uuidv7();
    const number = `SAL/BNCH/2601/${String(++sequence).padStart(6, '0')}`;
    const { total, tendered } = cart;
    const rows: RawRow[] = [
      row(
        'sales',
        {
          number,
          shift_id: ctx.shiftId,
          warehouse_id: ctx.warehouseId,
          customer_id: null,
          price_list_id: null,
          user_id: ctx.userId,
          status: 'completed',
          subtotal: total,
          discount: 0,
          base: total,
          ppn: 0,
          total,
          rounding: 0,
          amount_due: total,
          paid: tendered,
          change: tendered - total,
          refunded: 0,
          approved_by: null,
          note: '',
          request_hash: 'x'.repeat(64),
          voided_at: null,
          voided_by: null,
          void_reason: null,
        },
        saleId,
      ),
    ];
    const balances: [number, string, string][] = [];
    cart.lines.forEach(({ item, quantity }, i) => {
      const amount = item.price * quantity;
      rows.push(
        row('sale_lines', {
          sale_id: saleId,
          line_no: i + 1,
          item_id: item.id,
          name: item.name,
          sku: item.sku,
          quantity,
          unit_price: item.price,
          line_discount: 0,
          cart_discount: 0,
          base: amount,
          ppn: 0,
          total: amount,
          tax_mode: 'exempt',
          unit_cost: item.cost,
          refunded_quantity: 0,
        }),
      );
      const after = (onHand.get(item.id) ?? item.onHand) - quantity;
      onHand.set(item.id, after);
      rows.push(
        row('stock_movements', {
          item_id: item.id,
          warehouse_id: ctx.warehouseId,
          quantity: -quantity,
          kind: 'sale',
          ref_type: 'sale',
          ref_id: saleId,
          unit_cost: item.cost,
          reason: number,
          user_id: ctx.userId,
          balance_after: after,
          flagged: 0,
        }),
      );
      balances.push([after, item.id, ctx.warehouseId]);
    });
    rows.push(
      row('payments', {
        sale_id: saleId,
        refund_id: null,
        order_id: null,
        shift_id: ctx.shiftId,
        method: 'cash',
        amount: total,
        reference: '',
        user_id: ctx.userId,
      }),
    );
    rows.push(
      row('cash_movements', {
        shift_id: ctx.shiftId,
        kind: 'sale',
        amount: total,
        reason: number,
        ref_id: saleId,
        user_id: ctx.userId,
      }),
    );
    return { rows, balances };
  };

  const write = sqlite.transaction((sale: ReturnType<typeof prepare>) => {
    for (const r of sale.rows) {
      statements.get(r.table)!.run(r.values);
      outbox.run(r.outbox);
    }
    for (const b of sale.balances) balance.run(b);
  });
  return { prepare, write };
}

/**
 * `pos.sales.complete` (5 lines, cash) through `core.dispatch` with an open shift and received stock,
 * on a 100k-item store, against raw better-sqlite3 writes of the same rows, one transaction per sale,
 * on an identical copy of the store. The same carts on both sides.
 */
export const posCompleteBench: Bench = {
  name: NAME,
  description:
    'pos.sales.complete (5 lines, cash) via dispatch vs raw prepared INSERTs of the same rows, one transaction per sale',
  async run(options = {}) {
    const sizeName = options.size ?? 'full';
    const size = SIZES[sizeName];
    const scale = benchScale(sizeName);
    const ours = await openShop(scale, 'pos-ours');
    const raw = await openShop(scale, 'pos-raw');
    try {
      const oursShift = await openShift(ours.core, ours.token);
      const rawShift = await openShift(raw.core, raw.token);
      const items = stockedItems(ours.core, oursShift.warehouseId);
      if (items.length < LINES) throw new Error(`only ${items.length} items have ${MIN_ON_HAND}+ on hand`);
      const total = size.warmup + size.rounds * size.perRound;
      const carts = makeCarts(items, total);
      // The raw side's rows are made up front: the baseline is SQLite doing only the writes.
      const rawWriter = rawSaleWriter(raw.core, rawShift);
      const rawSales = carts.map((cart) => rawWriter.prepare(cart));

      const sell = async (cart: Cart) => {
        const start = nowMicros();
        const result = await ours.core.dispatch(
          'pos.sales.complete',
          {
            id: uuidv7(),
            lines: cart.lines.map((line) => ({ itemId: line.item.id, quantity: line.quantity })),
            payments: [{ method: 'cash', amount: cart.tendered }],
          },
          { token: ours.token },
        );
        const took = nowMicros() - start;
        if (!result.ok) throw new Error(`pos.sales.complete: ${result.error.code} ${result.error.message}`);
        const sale = result.data as { total: number; change: number };
        if (sale.total !== cart.total || sale.change !== cart.tendered - cart.total)
          throw new Error(`the sale's total ${sale.total} is not the cart's ${cart.total}`);
        return took;
      };
      const rawSell = (index: number) => {
        const start = nowMicros();
        rawWriter.write(rawSales[index]!);
        return nowMicros() - start;
      };

      log(
        `${NAME}: ${items.length.toLocaleString('en')} items with stock; warming up (${size.warmup} sales each)`,
      );
      let next = 0;
      for (; next < size.warmup; next++) {
        await sell(carts[next]!);
        rawSell(next);
      }
      const oursTimes: number[] = [];
      const rawTimes: number[] = [];
      for (let round = 0; round < size.rounds; round++) {
        log(`${NAME}: round ${round + 1}/${size.rounds} (${size.perRound} sales each)`);
        const first = next;
        const oursRound = async () => {
          for (let i = first; i < first + size.perRound; i++) oursTimes.push(await sell(carts[i]!));
        };
        const rawRound = () => {
          for (let i = first; i < first + size.perRound; i++) rawTimes.push(rawSell(i));
        };
        if (round % 2 === 0) {
          await oursRound();
          rawRound();
        } else {
          rawRound();
          await oursRound();
        }
        next += size.perRound;
      }

      // Both sides wrote every sale.
      const count = (core: Core) =>
        (core.deps.store.sqlite.prepare('SELECT count(*) AS n FROM sales').get() as { n: number }).n;
      if (count(ours.core) !== total || count(raw.core) !== total)
        throw new Error('a side did not write every sale');

      const perSecond = (times: number[]) => times.length / (times.reduce((a, b) => a + b, 0) / 1e6);
      const what = `${LINES}-line cash sale, ${ours.copy.source.data.products.length.toLocaleString('en')} items`;
      return [
        timeResult(
          NAME,
          `p50 latency, ${what}, pos.sales.complete via dispatch vs raw transaction`,
          percentile(oursTimes, 50),
          percentile(rawTimes, 50),
          'µs',
        ),
        timeResult(
          NAME,
          `p95 latency, ${what}, pos.sales.complete via dispatch vs raw transaction`,
          percentile(oursTimes, 95),
          percentile(rawTimes, 95),
          'µs',
        ),
        rateResult(
          NAME,
          `throughput, ${what}, pos.sales.complete via dispatch vs raw transaction`,
          perSecond(oursTimes),
          perSecond(rawTimes),
          'sales/s',
        ),
      ];
    } finally {
      await ours.close();
      await raw.close();
    }
  },
};
