/**
 * Shared set-up for the network feature's tests: a core with short router timeouts and a
 * deterministic retry schedule, an owner signed in, routers pointing at simulators, and small
 * helpers to drive the job runner with the manual clock.
 */
import type { Router, RouterJob } from '../../../shared/contract/network.contract';
import type { CoreEventName, CoreEvents } from '../../../shared/contract/events';
import type { NetworkOptions } from '../../../electron/core/network/network-runtime';
import type { RouterClient } from '../../../electron/core/network/routeros/routeros-client';
import { openTestCore, unwrap, type Signed, type TestCore } from '../support/core-fixture';
import type { RouterOsSim } from '../../sim/routeros/routeros-sim';
import { clientOf, PASSWORD } from './routeros-support';

/** The first retry comes 5 s after a failure, the next 10 s after (no jitter: `random` is 0.5). */
export const RETRY_MS = 5_000;

export const FAST_NETWORK: NetworkOptions = {
  // Tests refresh status themselves.
  statusIntervalMs: 0,
  commandTimeoutMs: 2_000,
  connectTimeoutMs: 1_000,
  // No connect back-off inside the pool: the runner's schedule (on the manual clock) is under test.
  clientRetry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
  jobs: { backoffBaseMs: RETRY_MS, random: () => 0.5 },
};

export type NetworkTest = {
  t: TestCore;
  owner: Signed;
  /** A router row pointing at `sim` (user admin, the simulator's password unless told otherwise). */
  addRouter(sim: { port: number }, fields?: Partial<RouterFields>): Promise<Router>;
  /** Runs every due router job (and what becomes due behind it) to the end. */
  runJobs(): Promise<void>;
  job(id: string): Promise<RouterJob>;
  /** Events of one kind emitted from now on. */
  record<E extends CoreEventName>(event: E): CoreEvents[E][];
};

type RouterFields = { name: string; host: string; port: number; tls: boolean; username: string; password: string; hotspotDns: string };

let routerSerial = 0;

export async function networkTest(options: NetworkOptions = {}): Promise<NetworkTest> {
  const t = await openTestCore({ core: { network: { ...FAST_NETWORK, ...options } } });
  const owner = await t.setupOwner();
  const test: NetworkTest = {
    t,
    owner,
    async addRouter(sim, fields = {}) {
      routerSerial += 1;
      return unwrap(
        await t.call(
          'network.routers.create',
          {
            name: `POP-${routerSerial}`,
            host: '127.0.0.1',
            port: sim.port,
            username: 'admin',
            password: PASSWORD,
            ...fields,
          },
          owner.token,
        ),
      );
    },
    runJobs: () => t.core.deps.network.jobs.runDue(),
    async job(id) {
      const jobs = unwrap(await t.call('network.jobs.list', { limit: 500 }, owner.token));
      const job = jobs.find((j) => j.id === id);
      if (!job) throw new Error(`no job ${id}`);
      return job;
    },
    record(event) {
      const seen: CoreEvents[typeof event][] = [];
      t.core.events.on(event, (payload) => seen.push(payload));
      return seen;
    },
  };
  return test;
}

/** A client straight to the simulator, for changing the router behind Gerai's back. */
export function behindTheBack(sim: RouterOsSim): RouterClient {
  return clientOf(sim);
}

/** Rows of one menu of the simulator. */
export function menu(sim: RouterOsSim, path: string): Record<string, string>[] {
  return sim.state().menus[path] ?? [];
}

/** Every table's text, except the `secrets` table, as one string (for "never stored" checks). */
export function tablesText(t: TestCore, except: readonly string[] = ['secrets']): string {
  const sqlite = t.core.deps.store.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  const parts: string[] = [];
  for (const table of tables.filter((name) => !except.includes(name))) {
    for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) parts.push(Buffer.isBuffer(value) ? value.toString('latin1') : String(value));
    }
  }
  return parts.join('\n');
}
