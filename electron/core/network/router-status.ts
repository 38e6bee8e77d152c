import { performance } from 'node:perf_hooks';
import type { Kysely, Transaction } from 'kysely';
import type { RouterStatus } from '../../../shared/contract/network.contract';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { EventBus } from '../platform/events';
import type { Logger } from '../platform/logger';
import type { RouterRow, RouterStatusRow } from './network.tables';
import type { RouterClients } from './router-clients';
import { describeFailure } from './router-errors';
import type { RouterClient } from './routeros/routeros-client';

type Db = Kysely<DB> | Transaction<DB>;

export const UNKNOWN_STATUS: RouterStatus = {
  online: false,
  latencyMs: null,
  lastSeenAt: null,
  checkedAt: null,
  version: null,
  identity: null,
  board: null,
  uptime: null,
  cpuLoad: null,
  freeMemory: null,
  totalMemory: null,
  lastError: null,
};

export function toRouterStatus(row: RouterStatusRow | undefined): RouterStatus {
  if (!row) return UNKNOWN_STATUS;
  return {
    online: row.online === 1,
    latencyMs: row.latency_ms,
    lastSeenAt: row.last_seen_at,
    checkedAt: row.checked_at,
    version: row.version,
    identity: row.identity,
    board: row.board,
    uptime: row.uptime,
    cpuLoad: row.cpu_load,
    freeMemory: row.free_memory,
    totalMemory: row.total_memory,
    lastError: row.last_error,
  };
}

export function readStatus(db: Db, routerId: string): Promise<RouterStatusRow | undefined> {
  return db.selectFrom('router_status').selectAll().where('router_id', '=', routerId).executeTakeFirst();
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export type ProbeDeps = { db: Kysely<DB>; clients: RouterClients; clock: Clock };

/**
 * Asks the router how it is (`/system/resource`, `/system/identity`); latency is the round trip of
 * the identity read on an open connection. A router that cannot be reached, or refuses the login,
 * is a status (offline, with why), not an error: the last known version and identity stay.
 */
export async function probeRouter(
  deps: ProbeDeps,
  router: RouterRow,
  previous: RouterStatusRow | undefined,
  withClient?: (client: RouterClient) => Promise<void>,
): Promise<RouterStatusRow> {
  const now = deps.clock.now();
  try {
    const client = await deps.clients.get(deps.db, router);
    const [resource = {}] = await client.print('/system/resource');
    const started = performance.now();
    const [identity = {}] = await client.print('/system/identity');
    const latency = Math.round((performance.now() - started) * 10) / 10;
    if (withClient) await withClient(client);
    return {
      router_id: router.id,
      online: 1,
      latency_ms: latency,
      last_seen_at: now,
      checked_at: now,
      version: resource.version ?? null,
      identity: identity.name ?? null,
      board: resource['board-name'] ?? null,
      uptime: resource.uptime ?? null,
      cpu_load: numberOrNull(resource['cpu-load']),
      free_memory: numberOrNull(resource['free-memory']),
      total_memory: numberOrNull(resource['total-memory']),
      last_error: null,
    };
  } catch (error) {
    return {
      router_id: router.id,
      online: 0,
      latency_ms: null,
      last_seen_at: previous?.last_seen_at ?? null,
      checked_at: now,
      version: previous?.version ?? null,
      identity: previous?.identity ?? null,
      board: previous?.board ?? null,
      uptime: null,
      cpu_load: null,
      free_memory: null,
      total_memory: null,
      last_error: describeFailure(error),
    };
  }
}

function sameStatus(a: RouterStatusRow, b: RouterStatusRow | undefined): boolean {
  if (!b) return false;
  return (Object.keys(a) as (keyof RouterStatusRow)[]).every((key) => a[key] === b[key]);
}

/** Stores the status (when it changed); true when it did. */
export async function saveStatus(db: Db, status: RouterStatusRow, previous: RouterStatusRow | undefined): Promise<boolean> {
  if (sameStatus(status, previous)) return false;
  const { router_id: _id, ...fields } = status;
  await db
    .insertInto('router_status')
    .values(status)
    .onConflict((oc) => oc.column('router_id').doUpdateSet(fields))
    .execute();
  return true;
}

export type StatusRefresherDeps = ProbeDeps & { logger: Logger; events: EventBus };

/**
 * Keeps `router_status` fresh: every `intervalMs` it probes the routers whose last check is at least
 * that old (a test or a dashboard counts as a check), a few at a time, and emits
 * `network.router.status` for each change. Timers are unref'd; `stop` ends it with the core.
 */
export class RouterStatusRefresher {
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly active = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    private readonly deps: StatusRefresherDeps,
    private readonly intervalMs: number,
    private readonly parallel = 8,
  ) {}

  start(): void {
    if (this.stopped || this.timer || this.intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.ticking) return;
      this.ticking = true;
      void this.refresh(false).finally(() => {
        this.ticking = false;
      });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Probes every router now (or only the stale ones), storing and announcing what changed. */
  refresh(all = true): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const work = this.refreshRouters(all).catch((error: unknown) => {
      this.deps.logger.error('router status refresh failed', { error: describeFailure(error) });
    });
    this.active.add(work);
    return work.finally(() => this.active.delete(work));
  }

  private async refreshRouters(all: boolean): Promise<void> {
    const now = this.deps.clock.now();
    // A little slack so a router checked just under a tick ago is not skipped for a whole tick.
    const staleBefore = now - this.intervalMs + Math.min(5_000, this.intervalMs / 10);
    let query = this.deps.db
      .selectFrom('routers as r')
      .leftJoin('router_status as s', 's.router_id', 'r.id')
      .selectAll('r')
      .where('r.deleted_at', 'is', null);
    if (!all) query = query.where((eb) => eb.or([eb('s.checked_at', 'is', null), eb('s.checked_at', '<=', staleBefore)]));
    const routers = await query.orderBy('r.name').execute();
    const queue = [...routers];
    const worker = async () => {
      for (let router = queue.shift(); router && !this.stopped; router = queue.shift()) {
        try {
          await this.refreshOne(router);
        } catch (error) {
          this.deps.logger.warn('router status refresh failed', { router: router.name, error: describeFailure(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallel, queue.length) }, worker));
  }

  private async refreshOne(router: RouterRow): Promise<void> {
    const previous = await readStatus(this.deps.db, router.id);
    const status = await probeRouter(this.deps, router, previous);
    // Closing cuts probes off: that says nothing about the router.
    if (this.stopped) return;
    if (await saveStatus(this.deps.db, status, previous)) {
      this.deps.events.emit('network.router.status', { routerId: router.id, status: toRouterStatus(status) });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async drain(): Promise<void> {
    await Promise.allSettled([...this.active]);
  }
}
