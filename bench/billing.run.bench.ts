import type { ChannelOutput } from '../shared/contract/index';
import { periodContaining } from '../shared/domain/billing-cycle';
import { addMonths, localDate } from '../shared/domain/calendar';
import type { Core } from '../electron/core/core';
import { systemClock } from '../electron/core/platform/clock';
import { createHlc } from '../electron/core/platform/hlc';
import { uuidv7 } from '../electron/core/platform/ids';
import { log, nowMicros, timeResult, type Bench, type BenchResult } from './harness';
import { buildIspBranch, call } from './isp-fixture';

const NAME = 'billing.run';

type Counted = { created: number; seconds: number };

/** One `billing.run` through the dispatcher as the owner, timed end to end. */
async function billingRun(core: Core, token: string, period: string): Promise<Counted> {
  const start = nowMicros();
  const out: ChannelOutput<'billing.run'> = await call(core, 'billing.run', { period }, token);
  return { created: out.created, seconds: (nowMicros() - start) / 1e6 };
}

const INSERT_INVOICE = `INSERT INTO invoices (id, created_at, updated_at, hlc, origin_device, deleted_at, number,
  customer_id, subscription_id, period, period_start, period_end, issue_date, due_date, status, subtotal,
  discount, ppn, total, paid, credited, notes, void_reason, paid_on)
  VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'issued', ?, 0, 0, ?, 0, 0, '', '', NULL)`;
const INSERT_LINE = `INSERT INTO invoice_lines (id, created_at, updated_at, hlc, origin_device, deleted_at, invoice_id,
  kind, description, quantity, unit_price, amount, tax_mode, ppn, charge_id)
  VALUES (?, ?, ?, ?, ?, NULL, ?, 'plan', ?, 1, ?, ?, 'included', 0, NULL)`;
const INSERT_OUTBOX = `INSERT INTO sync_outbox (op_id, table_name, row_id, op, hlc, payload, created_at)
  VALUES (?, ?, ?, 'insert', ?, ?, ?)`;

/**
 * The baseline: the rows a billing run must write at the least — one invoice, one plan line and a
 * sync_outbox entry for each — by raw prepared better-sqlite3 INSERTs in one transaction, on the same
 * store (another period, so the unique keys do not clash). Ids, HLC stamps and payloads are made
 * before the clock starts: no reads, no pricing, no numbering, no kysely.
 */
function rawInsertRun(core: Core, period: string, count: number): number {
  const sqlite = core.deps.store.sqlite;
  const subs = sqlite
    .prepare(
      "SELECT s.id, s.customer_id, p.price FROM subscriptions s JOIN plans p ON p.id = s.plan_id WHERE s.state = 'active' LIMIT ?",
    )
    .all(count) as { id: string; customer_id: string; price: number }[];
  const hlc = createHlc(systemClock, 'fedcba9876543210');
  const device = core.deps.device.id;
  const start = `${period}-01`;
  const rows = subs.map((sub, i) => {
    const now = Date.now();
    const invoice = {
      id: uuidv7(now),
      hlc: hlc.next(),
      number: `BENCH/${period}/${String(i).padStart(6, '0')}`,
    };
    const line = { id: uuidv7(now), hlc: hlc.next() };
    return {
      sub,
      now,
      invoice,
      line,
      invoicePayload: JSON.stringify({
        ...invoice,
        customer_id: sub.customer_id,
        subscription_id: sub.id,
        period,
      }),
      linePayload: JSON.stringify({ ...line, invoice_id: invoice.id, amount: sub.price }),
    };
  });
  const insertInvoice = sqlite.prepare(INSERT_INVOICE);
  const insertLine = sqlite.prepare(INSERT_LINE);
  const insertOutbox = sqlite.prepare(INSERT_OUTBOX);
  const write = sqlite.transaction(() => {
    for (const r of rows) {
      insertInvoice.run(
        r.invoice.id,
        r.now,
        r.now,
        r.invoice.hlc,
        device,
        r.invoice.number,
        r.sub.customer_id,
        r.sub.id,
        period,
        start,
        start,
        start,
        start,
        r.sub.price,
        r.sub.price,
      );
      insertOutbox.run(uuidv7(), 'invoices', r.invoice.id, r.invoice.hlc, r.invoicePayload, r.now);
      insertLine.run(
        r.line.id,
        r.now,
        r.now,
        r.line.hlc,
        device,
        r.invoice.id,
        'Paket internet',
        r.sub.price,
        r.sub.price,
      );
      insertOutbox.run(uuidv7(), 'invoice_lines', r.line.id, r.line.hlc, r.linePayload, r.now);
    }
  });
  const t0 = nowMicros();
  write();
  return (nowMicros() - t0) / 1e6;
}

/**
 * `billing.run` for one period over the demo's subscriptions (scale 100: 50,000 active ones, loaded
 * as `npm run demo` loads them), then the same run again (must create 0), against raw INSERTs of the
 * same number of invoice rows.
 */
export const billingRunBench: Bench = {
  name: NAME,
  description:
    'billing.run for one period over the demo at scale (50k subscriptions) vs raw INSERTs of the invoices (s)',
  async run(options = {}) {
    const branch = await buildIspBranch(NAME, options.size ?? 'full');
    const { core, token, loaded } = branch;
    try {
      // The next period: every subscription (activated in the current one) is live in it.
      const today = localDate(Date.now(), 'Asia/Jakarta');
      const next = addMonths(periodContaining(today, 1).start, 1).slice(0, 7);
      const first = await billingRun(core, token, next);
      log(`${NAME}: first run of ${next} created ${first.created} in ${first.seconds.toFixed(2)} s`);
      if (first.created !== loaded.subscriptions) {
        throw new Error(
          `billing.run created ${first.created} invoices for ${loaded.subscriptions} subscriptions`,
        );
      }
      const second = await billingRun(core, token, next);
      log(`${NAME}: second run created ${second.created} in ${second.seconds.toFixed(2)} s`);
      if (second.created !== 0) throw new Error(`a second billing.run created ${second.created} invoices`);

      const afterNext = addMonths(`${next}-01`, 1).slice(0, 7);
      const baseline = rawInsertRun(core, afterNext, first.created);
      log(`${NAME}: raw INSERT of ${first.created} invoices + lines + outbox in ${baseline.toFixed(2)} s`);

      const n = first.created.toLocaleString('en');
      const results: BenchResult[] = [
        timeResult(
          NAME,
          `billing.run of one period, ${n} invoices created, vs raw INSERT of the same invoice rows`,
          first.seconds * 1000,
          baseline * 1000,
          'ms',
        ),
        timeResult(
          NAME,
          `second billing.run of the same period (created ${second.created}), vs the same raw INSERT`,
          second.seconds * 1000,
          baseline * 1000,
          'ms',
        ),
      ];
      return results;
    } finally {
      await branch.close();
    }
  },
};
