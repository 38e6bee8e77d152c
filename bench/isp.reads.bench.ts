import { sql, type RawBuilder } from 'kysely';
import { localDate } from '../shared/domain/calendar';
import type { Core } from '../electron/core/core';
import { formatLocal } from '../electron/core/demo/phones';
import { inOwnTransaction } from '../electron/core/network/own-transaction';
import { queueCustomerMessages, type CustomerMessage } from '../electron/core/notify/notify-queue';
import type { NotifyOutboxRow } from '../electron/core/notify/notify.tables';
import type { Clock } from '../electron/core/platform/clock';
import { uuidv7 } from '../electron/core/platform/ids';
import { systemContext } from '../electron/core/scheduler/scheduler-runtime';
import { log, nowMicros, percentile, timeResult, type Bench, type BenchResult } from './harness';
import { buildIspBranch, call, loginOwner } from './isp-fixture';

const NAME = 'isp.reads';
const TIME_ZONE = 'Asia/Jakarta';
/** The demo is loaded and billed on 20 January 2030 from 10:00 WIB (see `shiftedClock`). */
const BILLED_AT = Date.UTC(2030, 0, 20, 3);
/** Read on 5 February 2030 from 10:00 WIB: January's invoices are past due, February's are not yet. */
const READ_AT = Date.UTC(2030, 1, 5, 3);
const PERIODS = ['2030-01', '2030-02'] as const;

type Sizes = { rounds: number; messages: number };
const SIZES: Record<'full' | 'smoke', Sizes> = {
  full: { rounds: 5, messages: 5_000 },
  smoke: { rounds: 2, messages: 40 },
};

/**
 * The core's clock: real time moved to a fixed day, so the billing dates never depend on when the bench
 * runs while time still flows (a stopped clock overflows the HLC counter over 50,000 writes). A run
 * starting at 10:00 never reaches midnight.
 */
function shiftedClock(start: number): Clock & { set(ms: number): void } {
  let offset = start - Date.now();
  return {
    now: () => Date.now() + offset,
    set: (ms) => {
      offset = ms - Date.now();
    },
  };
}

/** One side of a measurement: does its work once and answers the milliseconds it took. */
type Timed = () => Promise<number>;
type Samples = { ours: number[]; baseline: number[] };

/** Times `work` end to end (ms). */
function timed(work: () => Promise<unknown>): Timed {
  return async () => {
    const started = nowMicros();
    await work();
    return (nowMicros() - started) / 1000;
  };
}

/** One warm-up each, then `rounds` rounds, the side that goes first alternating. */
async function sample(rounds: number, ours: Timed, baseline: Timed): Promise<Samples> {
  await ours();
  await baseline();
  const samples: Samples = { ours: [], baseline: [] };
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      samples.ours.push(await ours());
      samples.baseline.push(await baseline());
    } else {
      samples.baseline.push(await baseline());
      samples.ours.push(await ours());
    }
  }
  return samples;
}

/**
 * A p50 and a p95 line for one measurement; `goal` is the budget the channel must answer in. Answers
 * budgeted under a second are printed in µs, so a bare count(*) at smoke size never rounds to 0.
 */
function lines(
  what: string,
  goal: string,
  baseline: string,
  samples: Samples,
  unit: 'ms' | 'µs' = 'µs',
): BenchResult[] {
  const n = samples.ours.length;
  const scale = unit === 'µs' ? 1000 : 1;
  log(
    `${NAME}: ${what}: ${samples.ours.map((ms) => ms.toFixed(1)).join(', ')} ms vs ${samples.baseline
      .map((ms) => ms.toFixed(2))
      .join(', ')} ms`,
  );
  return [50, 95].map((p) =>
    timeResult(
      NAME,
      `${what}: p${p} of ${n} rounds (goal < ${goal}), vs ${baseline}`,
      percentile(samples.ours, p) * scale,
      percentile(samples.baseline, p) * scale,
      unit,
    ),
  );
}

/** A bare statement on the core's own kysely connection (the baselines). */
function rawQuery(core: Core, query: RawBuilder<unknown>): Timed {
  return timed(() => query.execute(core.deps.store.db));
}

function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(`${NAME}: ${message}`);
}

/**
 * Queueing customer messages as billing and the reminders do (one transaction, not a channel), each
 * round with new dedupe keys so every message is really queued; against raw prepared INSERTs of the
 * same number of `notify_outbox` rows (copies of the warm-up's, made before the clock) in one
 * better-sqlite3 transaction.
 */
async function notifyQueue(core: Core, sizes: Sizes): Promise<BenchResult[]> {
  const sqlite = core.deps.store.sqlite;
  const customers = sqlite
    .prepare("SELECT id FROM customers WHERE deleted_at IS NULL AND phone <> '' ORDER BY id LIMIT ?")
    .all(sizes.messages) as { id: string }[];
  const count = customers.length;
  let round = 0;
  let expected: number | null = null;
  const ours: Timed = async () => {
    round += 1;
    const messages: CustomerMessage[] = customers.map((customer, i) => ({
      templateKey: 'invoice.reminder.due',
      customerId: customer.id,
      dedupeKey: `bench:${round}:${i}`,
      vars: {
        nomor: `INV/2030-02/${String(i + 1).padStart(6, '0')}`,
        periode: '2030-02',
        paket: 'Rumahan 20 Mbps',
        jumlah: 200_000,
        saldo: 200_000,
        jatuh_tempo: '2030-02-11',
      },
    }));
    const started = nowMicros();
    const queued = await inOwnTransaction(systemContext(core.deps, 'bench.notify'), (ctx) =>
      queueCustomerMessages(ctx, messages),
    );
    const ms = (nowMicros() - started) / 1000;
    expected ??= queued;
    expect(queued > 0 && queued === expected, `round ${round} queued ${queued} messages, not ${expected}`);
    return ms;
  };

  await ours();
  const template = sqlite
    .prepare('SELECT * FROM notify_outbox WHERE dedupe_key LIKE ? ORDER BY id')
    .all('bench:1:%') as NotifyOutboxRow[];
  const columns = Object.keys(template[0]!);
  const insert = sqlite.prepare(
    `INSERT INTO notify_outbox (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  let rawRound = 0;
  const baseline: Timed = async () => {
    rawRound += 1;
    const rows = template.map((row) => ({
      ...row,
      id: uuidv7(),
      dedupe_key: `bench-raw:${rawRound}:${row.dedupe_key}`,
    }));
    const write = sqlite.transaction(() => {
      for (const row of rows) insert.run(row);
    });
    const started = nowMicros();
    write();
    return Promise.resolve((nowMicros() - started) / 1000);
  };
  const samples = await sample(sizes.rounds, ours, baseline);
  return lines(
    `queueCustomerMessages of ${count.toLocaleString('en')} messages (${(expected ?? 0).toLocaleString('en')} outbox rows) in one transaction`,
    '5,000 ms for 5,000',
    'raw prepared INSERTs of the same rows',
    samples,
    'ms',
  );
}

/**
 * The ISP office's heavy reads at 50,000 customers, through the real dispatcher as the owner, each
 * against a bare statement over the same table(s) on the same kysely connection; and queueing 5,000
 * customer messages. See bench/README.md.
 */
export const ispReadsBench: Bench = {
  name: NAME,
  description:
    'map, dashboard, customer search, aging, overdue invoices over the 50k-subscription demo after two billing runs, and queueing 5k messages (ms)',
  async run(options = {}) {
    const size = options.size ?? 'full';
    const sizes = SIZES[size];
    const clock = shiftedClock(BILLED_AT);
    const branch = await buildIspBranch(NAME, size, { clock });
    const { core, data, loaded } = branch;
    try {
      for (const period of PERIODS) {
        const started = Date.now();
        const run = await call(core, 'billing.run', { period }, branch.token);
        log(
          `${NAME}: billing.run ${period} created ${run.created} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        expect(run.created === loaded.subscriptions, `billing.run ${period} created ${run.created}`);
      }
      clock.set(READ_AT);
      const token = await loginOwner(core);
      const today = localDate(READ_AT, TIME_ZONE);
      const customers = loaded.customers.toLocaleString('en');
      const results: BenchResult[] = [];

      // map.overview: every customer with its state, against reading every customer row.
      const overview = await call(core, 'map.overview', {}, token);
      expect(overview.counts.overdue > 0, 'no customer is overdue on the map');
      results.push(
        ...lines(
          `map.overview {} over ${customers} customers (${overview.customers.length.toLocaleString('en')} markers, ${overview.counts.overdue.toLocaleString('en')} overdue)`,
          '1,500 ms at 50,000 customers',
          'a kysely SELECT of every customer row (id, code, name, location, status)',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'map.overview', {}, token)),
            rawQuery(
              core,
              sql`SELECT id, code, name, latitude, longitude, status FROM customers WHERE deleted_at IS NULL`,
            ),
          ),
        ),
      );

      // dashboard.summary: every section the owner sees.
      const summary = await call(core, 'dashboard.summary', {}, token);
      expect((summary.billing?.overdue.count ?? 0) > 0, 'the dashboard shows no overdue invoice');
      results.push(
        ...lines(
          `dashboard.summary {} as the owner (${customers} customers, ${(loaded.subscriptions * PERIODS.length).toLocaleString('en')} invoices)`,
          '150 ms',
          'one kysely SELECT count(*) of customers, subscriptions and invoices',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'dashboard.summary', {}, token)),
            rawQuery(
              core,
              sql`SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM subscriptions) AS subscriptions, (SELECT count(*) FROM invoices) AS invoices`,
            ),
          ),
        ),
      );

      // customers.list: a WhatsApp number as typed at the counter, and a full name.
      const someone = data.customers[Math.floor(data.customers.length * 0.7)]!;
      const phone = formatLocal(someone.whatsapp);
      const byPhone = await call(core, 'customers.list', { query: phone }, token);
      expect(
        byPhone.customers.some((c) => c.phone === someone.whatsapp),
        `searching ${phone} did not find ${someone.name}`,
      );
      const national = `%${someone.whatsapp.slice(3)}%`;
      results.push(
        ...lines(
          `customers.list by WhatsApp number "${phone}" over ${customers} customers (${byPhone.total} found)`,
          '250 ms',
          'a kysely SELECT count(*) of customers WHERE phone LIKE the number',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'customers.list', { query: phone }, token)),
            rawQuery(
              core,
              sql`SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL AND phone LIKE ${national}`,
            ),
          ),
        ),
      );
      const name = someone.name;
      const byName = await call(core, 'customers.list', { query: name }, token);
      expect(byName.total > 0, `searching "${name}" found nobody`);
      const nameLike = `%${name}%`;
      results.push(
        ...lines(
          `customers.list by name "${name}" over ${customers} customers (${byName.total} found)`,
          '250 ms',
          'a kysely SELECT count(*) of customers WHERE name LIKE the name',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'customers.list', { query: name }, token)),
            rawQuery(
              core,
              sql`SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL AND name LIKE ${nameLike}`,
            ),
          ),
        ),
      );

      // billing.reports.aging as of today (every open invoice, first 1,000 customers).
      const aging = await call(core, 'billing.reports.aging', {}, token);
      expect(aging.totals.invoices > 0, 'the aging report has no open invoice');
      results.push(
        ...lines(
          `billing.reports.aging {} over ${aging.totals.invoices.toLocaleString('en')} open invoices of ${aging.customers.toLocaleString('en')} customers`,
          '2,000 ms',
          'a kysely SELECT of the open balance per customer (GROUP BY over invoices)',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'billing.reports.aging', {}, token)),
            rawQuery(
              core,
              sql`SELECT customer_id, sum(total - paid - credited) AS open, min(due_date) AS oldest FROM invoices WHERE deleted_at IS NULL AND status IN ('issued', 'partial') GROUP BY customer_id`,
            ),
          ),
        ),
      );

      // billing.invoices.list, overdue, first page.
      const overdue = await call(core, 'billing.invoices.list', { status: 'overdue' }, token);
      expect(overdue.total > 0 && overdue.invoices.length > 0, 'no overdue invoice is listed');
      results.push(
        ...lines(
          `billing.invoices.list {status: 'overdue'} first page of ${overdue.total.toLocaleString('en')} overdue invoices`,
          '250 ms',
          'a kysely SELECT count(*), sum(total) of the overdue invoices',
          await sample(
            sizes.rounds,
            timed(() => call(core, 'billing.invoices.list', { status: 'overdue' }, token)),
            rawQuery(
              core,
              sql`SELECT count(*) AS n, sum(total) AS total FROM invoices WHERE deleted_at IS NULL AND status IN ('issued', 'partial') AND due_date < ${today}`,
            ),
          ),
        ),
      );

      results.push(...(await notifyQueue(core, sizes)));
      return results;
    } finally {
      await branch.close();
    }
  },
};
