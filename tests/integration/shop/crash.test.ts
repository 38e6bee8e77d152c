import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/domain/errors';
import { makeTempDir, OWNER_USERNAME, PASSWORD } from '../support/core-fixture';
import { ledgerMismatches } from '../support/shop';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

type Host = { child: ChildProcess; url: string; exited: Promise<void> };

const children: ChildProcess[] = [];
const dirs: string[] = [];

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Kills the host's whole process group (npx → tsx → node), by the group id this test created. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (alive(child)) {
      const exited = new Promise((done) => child.once('exit', done));
      killGroup(child, 'SIGKILL');
      await exited;
    }
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `npx tsx electron/host/cli.ts` in its own process group and waits for its "ready at" line. */
async function startCliHost(dataDir: string): Promise<Host> {
  const child = spawn('npx', ['tsx', 'electron/host/cli.ts', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return { child, url, exited };
}

async function call<T>(host: Host, channel: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${host.url}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as Result<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

describe('a crash in the middle of selling', () => {
  it('leaves every sale whole or absent, the database intact and the balances equal to the ledger', async () => {
    const dataDir = makeTempDir('gerai-crash-');
    dirs.push(dataDir);
    const host = await startCliHost(dataDir);

    await call(host, 'setup.owner.create', {
      name: 'Bu Sari',
      username: OWNER_USERNAME,
      password: PASSWORD,
      branchName: 'Cabang Depok',
    });
    const { token } = await call<{ token: string }>(host, 'auth.session.login', {
      username: OWNER_USERNAME,
      password: PASSWORD,
    });
    const warehouses = await call<{ id: string; code: string }[]>(
      host,
      'inventory.warehouses.list',
      {},
      token,
    );
    const warehouseId = warehouses.find((w) => w.code === 'WH-01')!.id;
    const product = await call<{ items: { id: string }[] }>(
      host,
      'catalog.products.create',
      {
        name: 'Mie Instan',
        items: [
          { sku: 'MI-GORENG', attributes: { rasa: 'Goreng' }, price: 3_500 },
          { sku: 'MI-SOTO', attributes: { rasa: 'Soto' }, price: 3_200 },
        ],
      },
      token,
    );
    const [goreng, soto] = product.items.map((i) => i.id) as [string, string];
    await call(
      host,
      'inventory.stock.receive',
      {
        warehouseId,
        lines: [
          { itemId: goreng, quantity: 100_000, unitCost: 2_800 },
          { itemId: soto, quantity: 100_000, unitCost: 2_600 },
        ],
      },
      token,
    );
    await call(host, 'pos.shifts.open', { warehouseId, openingFloat: 100_000 }, token);

    // A burst of two-line sales, several in flight at once; the host is killed once some have landed.
    const sent: string[] = [];
    const acknowledged: string[] = [];
    let killed = false;
    const IN_FLIGHT = 8;
    const KILL_AFTER = 40;
    const worker = async () => {
      while (!killed && sent.length < 2_000) {
        const id = randomUUID();
        sent.push(id);
        const quantity = 1 + (sent.length % 3);
        try {
          await call(
            host,
            'pos.sales.complete',
            {
              id,
              lines: [
                { itemId: goreng, quantity },
                { itemId: soto, quantity: 1 },
              ],
              payments: [{ method: 'cash', amount: 20_000 }],
            },
            token,
          );
          acknowledged.push(id);
        } catch {
          // The host died under this request: its sale may or may not have committed.
          return;
        }
        if (acknowledged.length === KILL_AFTER) {
          // Not right after an answer but a moment later, while the other workers' sales are being written.
          setTimeout(
            () => {
              killed = true;
              killGroup(host.child, 'SIGKILL');
            },
            Math.floor(Math.random() * 20),
          );
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await host.exited;
    expect(host.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    // Sales were still in flight when it died.
    expect(sent.length).toBeGreaterThan(acknowledged.length);

    const db = new Database(join(dataDir, 'gerai.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);

      const sales = db.prepare('SELECT id, total, amount_due, paid, change FROM sales').all() as {
        id: string;
        total: number;
        amount_due: number;
        paid: number;
        change: number;
      }[];
      const stored = new Set(sales.map((s) => s.id));
      // Every sale the host answered `ok` for survived the crash; nothing that was never sent exists.
      for (const id of acknowledged) expect(stored.has(id), `acknowledged sale ${id} is missing`).toBe(true);
      for (const id of stored) expect(sent.includes(id), `unknown sale ${id}`).toBe(true);
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length);

      const countBy = (sql: string) => {
        const rows = db.prepare(sql).all() as { ref: string; n: number; amount: number | null }[];
        return new Map(rows.map((r) => [r.ref, r]));
      };
      const lines = countBy(
        'SELECT sale_id AS ref, count(*) AS n, sum(total) AS amount FROM sale_lines GROUP BY sale_id',
      );
      const movements = countBy(
        "SELECT ref_id AS ref, count(*) AS n, sum(quantity) AS amount FROM stock_movements WHERE kind = 'sale' GROUP BY ref_id",
      );
      const payments = countBy(
        'SELECT sale_id AS ref, count(*) AS n, sum(amount) AS amount FROM payments WHERE sale_id IS NOT NULL GROUP BY sale_id',
      );
      const cash = countBy(
        "SELECT ref_id AS ref, count(*) AS n, sum(amount) AS amount FROM cash_movements WHERE kind = 'sale' GROUP BY ref_id",
      );
      for (const id of sent) {
        if (stored.has(id)) {
          const sale = sales.find((s) => s.id === id)!;
          expect(lines.get(id)?.n, `lines of ${id}`).toBe(2);
          expect(lines.get(id)?.amount).toBe(sale.total);
          expect(movements.get(id)?.n, `movements of ${id}`).toBe(2);
          expect(payments.get(id)?.n, `payments of ${id}`).toBe(1);
          expect(payments.get(id)?.amount).toBe(sale.paid - sale.change);
          expect(cash.get(id)?.amount, `drawer cash of ${id}`).toBe(sale.amount_due);
        } else {
          expect(
            [lines.get(id), movements.get(id), payments.get(id), cash.get(id)],
            `remains of ${id}`,
          ).toEqual([undefined, undefined, undefined, undefined]);
        }
      }
      expect(ledgerMismatches(db)).toEqual([]);
      const onHand = db.prepare('SELECT sum(on_hand) AS n FROM stock_balances').get() as { n: number };
      const sold = db.prepare('SELECT sum(quantity) AS n FROM sale_lines').get() as { n: number };
      expect(onHand.n).toBe(200_000 - sold.n);
    } finally {
      db.close();
    }
  });
});
