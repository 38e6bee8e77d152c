import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../electron/core/core';
import { openStore, type Store } from '../electron/core/db/database';
import { systemClock } from '../electron/core/platform/clock';
import { createHlc } from '../electron/core/platform/hlc';
import { uuidv7 } from '../electron/core/platform/ids';
import { silentLogger } from '../electron/core/platform/logger';
import { log, median, nowMicros, rateResult, type Bench, type BenchSize } from './harness';

const NAME = 'db.write';

/** Rows per measured transaction and how many transactions; full finishes in a few seconds. */
const SIZES: Record<BenchSize, { rows: number; reps: number; warmupRows: number }> = {
  full: { rows: 5000, reps: 5, warmupRows: 1000 },
  smoke: { rows: 50, reps: 2, warmupRows: 20 },
};

const PERMISSIONS = JSON.stringify(['dashboard.view', 'pos.sell', 'inventory.view', 'customers.view']);

type RoleValues = { id: string; now: number; hlc: string; device: string; name: string; payload: string };

const INSERT_ROLE = `INSERT INTO roles (id, created_at, updated_at, hlc, origin_device, deleted_at, key, name, permissions, system)
  VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, 0)`;
const INSERT_OUTBOX = `INSERT INTO sync_outbox (op_id, table_name, row_id, op, hlc, payload, created_at)
  VALUES (?, 'roles', ?, 'insert', ?, ?, ?)`;

/**
 * The rows the raw baselines insert: the same columns and values the helper writes (sync columns
 * included), made before the clock starts — the baseline is the floor, SQLite doing only the inserts.
 */
function prepareRows(prefix: string, count: number, device: string): RoleValues[] {
  const hlc = createHlc(systemClock, '0123456789abcdef');
  const rows: RoleValues[] = [];
  for (let i = 0; i < count; i++) {
    const now = Date.now();
    const id = uuidv7(now);
    const stamp = hlc.next();
    const name = `${prefix} ${i}`;
    const payload = JSON.stringify({
      key: null,
      name,
      permissions: PERMISSIONS,
      system: 0,
      id,
      created_at: now,
      updated_at: now,
      hlc: stamp,
      origin_device: device,
      deleted_at: null,
    });
    rows.push({ id, now, hlc: stamp, device, name, payload });
  }
  return rows;
}

/** rows/s of one transaction inserting `count` roles through the outbox writer. */
async function helperRun(core: Core, prefix: string, count: number): Promise<number> {
  const names = Array.from({ length: count }, (_, i) => `${prefix} ${i}`);
  const start = nowMicros();
  await core.deps.store.db.transaction().execute(async (trx) => {
    for (const name of names) {
      await core.deps.writer.insert(trx, 'roles', { key: null, name, permissions: PERMISSIONS, system: 0 });
    }
  });
  return count / ((nowMicros() - start) / 1e6);
}

/** rows/s of one better-sqlite3 transaction of prepared INSERTs (optionally with the outbox row too). */
function rawRun(store: Store, rows: readonly RoleValues[], withOutbox: boolean): number {
  const insertRole = store.sqlite.prepare(INSERT_ROLE);
  const insertOutbox = store.sqlite.prepare(INSERT_OUTBOX);
  const write = store.sqlite.transaction((batch: readonly RoleValues[]) => {
    for (const r of batch) {
      insertRole.run(r.id, r.now, r.now, r.hlc, r.device, r.name, PERMISSIONS);
      if (withOutbox) insertOutbox.run(uuidv7(), r.id, r.hlc, r.payload, r.now);
    }
  });
  const start = nowMicros();
  write(rows);
  return rows.length / ((nowMicros() - start) / 1e6);
}

function countRows(store: Store, table: 'roles' | 'sync_outbox'): number {
  return (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/**
 * The outbox-writing insert helper (`writer.insert` in one kysely transaction: stamps HLC, device and
 * times, inserts the row and its sync_outbox entry) against raw prepared INSERTs of the same rows into
 * fresh databases with the same schema and pragmas: once the row alone (the brief's baseline), once
 * the row plus its outbox entry (isolating what kysely and the helper's bookkeeping cost).
 */
export const dbWriteBench: Bench = {
  name: NAME,
  description:
    'outbox-writer insert helper vs raw better-sqlite3 prepared INSERTs of the same rows, one transaction (rows/s)',
  async run(options = {}) {
    const size = SIZES[options.size ?? 'full'];
    const dir = mkdtempSync(join(tmpdir(), 'gerai-bench-db-'));
    let core: Core | null = null;
    let raw: Store | null = null;
    let rawOutbox: Store | null = null;
    try {
      core = await createCore({ dataDir: join(dir, 'helper'), appVersion: 'bench', logger: silentLogger });
      raw = await openStore(join(dir, 'raw.db'), silentLogger);
      rawOutbox = await openStore(join(dir, 'raw-outbox.db'), silentLogger);
      const device = core.deps.device.id;
      const outboxBefore = countRows(core.deps.store, 'sync_outbox');

      log(`${NAME}: warming up (${size.warmupRows} rows each)`);
      await helperRun(core, 'Warm-up', size.warmupRows);
      rawRun(raw, prepareRows('Warm-up', size.warmupRows, device), false);
      rawRun(rawOutbox, prepareRows('Warm-up', size.warmupRows, device), true);

      const helper: number[] = [];
      const rawRate: number[] = [];
      const rawOutboxRate: number[] = [];
      for (let rep = 0; rep < size.reps; rep++) {
        log(`${NAME}: rep ${rep + 1}/${size.reps} (${size.rows} rows each)`);
        const prefix = `Peran bench ${rep}`;
        const rows = prepareRows(prefix, size.rows, device);
        const rowsWithOutbox = prepareRows(prefix, size.rows, device);
        // Alternate the order so neither side always runs on a warmer cache.
        if (rep % 2 === 0) {
          helper.push(await helperRun(core, prefix, size.rows));
          rawRate.push(rawRun(raw, rows, false));
          rawOutboxRate.push(rawRun(rawOutbox, rowsWithOutbox, true));
        } else {
          rawOutboxRate.push(rawRun(rawOutbox, rowsWithOutbox, true));
          rawRate.push(rawRun(raw, rows, false));
          helper.push(await helperRun(core, prefix, size.rows));
        }
      }

      // The helper really wrote a row and an outbox entry per insert.
      const written = size.warmupRows + size.reps * size.rows;
      const outboxAdded = countRows(core.deps.store, 'sync_outbox') - outboxBefore;
      if (outboxAdded !== written)
        throw new Error(`expected ${written} outbox rows from the helper, found ${outboxAdded}`);
      if (countRows(raw, 'roles') !== written) throw new Error('the raw baseline did not write every row');

      return [
        rateResult(
          NAME,
          `insert ${size.rows} roles in one transaction, outbox helper vs raw INSERT`,
          median(helper),
          median(rawRate),
          'rows/s',
        ),
        rateResult(
          NAME,
          `insert ${size.rows} roles in one transaction, outbox helper vs raw INSERT + outbox INSERT`,
          median(helper),
          median(rawOutboxRate),
          'rows/s',
        ),
      ];
    } finally {
      await core?.close();
      await raw?.close();
      await rawOutbox?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
