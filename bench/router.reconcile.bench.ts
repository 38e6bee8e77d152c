import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../electron/core/core';
import { silentLogger } from '../electron/core/platform/logger';
import { createRouterPool } from '../electron/core/network/routeros/routeros-client';
import { pppSecretName, storeSecret } from '../electron/core/network/secret-store';
import type { Result } from '../shared/domain/errors';
import { log, median, nowMicros, timeResult, type Bench, type BenchSize } from './harness';

const NAME = 'router.reconcile';

/** What the simulator waits before answering each command (as router.batch: a router a few hops away). */
const LATENCY_MS = 2;
const PASSWORD = 'bench-rahasia';
/** Drift made behind Gerai's back: changed profiles and tagged leftovers Gerai no longer has rows for. */
const CHANGED = 50;
const EXTRA = 10;

const SIZES: Record<BenchSize, { secrets: number; rounds: number }> = {
  full: { secrets: 5000, rounds: 7 },
  smoke: { secrets: 100, rounds: 1 },
};

function ok<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** The longest the event loop went without running a 1 ms timer while `work` ran (ms). */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
  }, 1);
  try {
    const value = await work();
    worst = Math.max(worst, performance.now() - last - 1);
    return { value, stallMs: worst };
  } finally {
    clearInterval(timer);
  }
}

type Sim = { port: number; stop(): void };

/**
 * The simulator in a process of its own, as a router is a machine of its own: its work (building
 * 5,000 reply sentences) must not count as Gerai's time on the event loop.
 */
async function startSimProcess(): Promise<Sim> {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'sim', 'routeros', 'cli.ts');
  const child = spawn(
    process.execPath,
    [tsxCli, cli, '--port', '0', '--version', '7.18', '--password', PASSWORD, '--latency-ms', String(LATENCY_MS), '--quiet', '--exit-after', '600'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /on 127\.0\.0\.1:(\d+)/.exec(text);
      if (found) resolve(Number(found[1]));
    });
    child.once('exit', (code) => reject(new Error(`simulator exited (${code}): ${text}`)));
  });
  return { port, stop: () => child.kill() };
}

type Setup = { core: Core; sim: Sim; token: string; routerId: string; dir: string };

/**
 * A core with one router (the simulator) on which Gerai manages `count` PPPoE secrets, applied by
 * Gerai's own batch path (reconcile → one `ppp.secret.sync` job), then some drift made behind its back.
 */
async function setUp(count: number): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'gerai-bench-reconcile-'));
  const sim = await startSimProcess();
  const core = await createCore({ dataDir: dir, appVersion: 'bench', logger: silentLogger, network: { statusIntervalMs: 0, commandTimeoutMs: 60_000 } });
  ok(await core.dispatch('setup.owner.create', { name: 'Bench', username: 'bench', password: 'Bench-Rahasia-1', branchName: 'Bench' }), 'setup');
  const token = ok(await core.dispatch('auth.session.login', { username: 'bench', password: 'Bench-Rahasia-1' }), 'login') as { token: string };
  const router = ok(
    await core.dispatch('network.routers.create', { name: 'POP-Bench', host: '127.0.0.1', port: sim.port, username: 'admin', password: PASSWORD }, { token: token.token }),
    'router',
  ) as { id: string };
  const { db, secrets } = { db: core.deps.store.db, secrets: core.deps.secrets };
  const now = core.deps.clock.now();
  // The managed rows, written as the service writes them (outbox included), in chunks.
  for (let start = 0; start < count; start += 500) {
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const row = await core.deps.writer.insert(trx, 'ppp_secrets', {
          router_id: router.id,
          name: `cust-${String(i).padStart(5, '0')}`,
          profile: 'default',
          service: 'pppoe',
          remote_address: '',
          disabled: i % 17 === 0 ? 1 : 0,
          note: `Blok ${i % 40}`,
        });
        await storeSecret(trx, secrets, pppSecretName(row.id), `pw-${(i * 7919) % 100_000}`, now);
      }
    });
  }
  const apply = ok(await core.dispatch('network.reconcile.apply', { routerId: router.id }, { token: token.token }), 'apply') as { fixed: number };
  if (apply.fixed !== count) throw new Error(`expected ${count} missing secrets, found ${apply.fixed}`);
  await core.deps.network.jobs.runDue();
  // Drift behind Gerai's back, through a client of its own.
  const pool = createRouterPool();
  const client = pool.client({ host: '127.0.0.1', port: sim.port, user: 'admin', password: PASSWORD, maxInFlight: 32, timeoutMs: 60_000 });
  const applied = await client.print('/ppp/secret', { proplist: ['.id', 'name'] });
  if (applied.length !== count) throw new Error(`the batch applied ${applied.length} of ${count} secrets`);
  await client.add('/ppp/profile', { name: 'paket-lain' });
  await Promise.all(applied.slice(0, Math.min(CHANGED, count)).map((item) => client.set('/ppp/secret', item['.id']!, { profile: 'paket-lain' })));
  await Promise.all(
    Array.from({ length: EXTRA }, (_, i) =>
      client.add('/ppp/secret', { name: `sisa-${i}`, password: 'x', comment: `gerai:00000000-0000-7000-8000-${String(i).padStart(12, '0')}` }),
    ),
  );
  await pool.close();
  return { core, sim, token: token.token, routerId: router.id, dir };
}

/**
 * Drift preview over N managed PPPoE secrets on a router with 2 ms of latency per command:
 * `network.reconcile.preview` through the dispatcher (session, router row, one print of /ppp/secret
 * and one of the address lists with only the compared properties, the managed rows from SQLite,
 * matching by tag and by name) against the floor: one raw `print` of /ppp/secret through the same
 * client. Goal: under 5 s for 5,000 secrets.
 */
export const routerReconcileBench: Bench = {
  name: NAME,
  description: 'drift preview over 5,000 managed PPPoE secrets (simulator, 2 ms/command) vs a raw print of /ppp/secret',
  async run(options = {}) {
    const size = SIZES[options.size ?? 'full'];
    log(`${NAME}: ${size.secrets} managed secrets: applying them through the batch path…`);
    const setupStarted = nowMicros();
    const setup = await setUp(size.secrets);
    log(`${NAME}: set up in ${((nowMicros() - setupStarted) / 1e6).toFixed(1)} s`);
    try {
      const { core, token, routerId } = setup;
      const row = await core.deps.store.db.selectFrom('routers').selectAll().where('id', '=', routerId).executeTakeFirstOrThrow();
      const client = await core.deps.network.clients.get(core.deps.store.db, row);
      const preview = async () => {
        const start = nowMicros();
        const result = ok(await core.dispatch('network.reconcile.preview', { routerId }, { token }), 'preview') as { drift: unknown[] };
        const took = nowMicros() - start;
        const expected = Math.min(CHANGED, size.secrets) + EXTRA;
        if (result.drift.length !== expected) throw new Error(`expected ${expected} drift rows, got ${result.drift.length}`);
        return took;
      };
      const raw = async () => {
        const start = nowMicros();
        const rows = await client.print('/ppp/secret');
        const took = nowMicros() - start;
        if (rows.length !== size.secrets + EXTRA) throw new Error(`raw print saw ${rows.length} secrets`);
        return took;
      };
      await preview();
      await raw();
      const ours: number[] = [];
      const base: number[] = [];
      const stalls: number[] = [];
      const measured = async () => {
        const { value, stallMs } = await longestStall(preview);
        stalls.push(stallMs);
        return value;
      };
      for (let round = 0; round < size.rounds; round++) {
        // Alternate the order so neither side always runs second.
        if (round % 2 === 0) {
          ours.push(await measured());
          base.push(await raw());
        } else {
          base.push(await raw());
          ours.push(await measured());
        }
      }
      log(
        `${NAME}: preview median ${(median(ours) / 1000).toFixed(1)} ms, raw print ${(median(base) / 1000).toFixed(1)} ms; ` +
          `longest event-loop stall during a preview: median ${median(stalls).toFixed(1)} ms, worst ${Math.max(...stalls).toFixed(1)} ms`,
      );
      return [
        timeResult(
          NAME,
          `network.reconcile.preview over ${size.secrets} managed PPPoE secrets (router latency ${LATENCY_MS} ms/command): full preview through the dispatcher vs one raw print of /ppp/secret through the same client (goal < 5,000 ms)`,
          median(ours) / 1000,
          median(base) / 1000,
          'ms',
        ),
      ];
    } finally {
      await setup.core.close();
      setup.sim.stop();
      rmSync(setup.dir, { recursive: true, force: true });
    }
  },
};
