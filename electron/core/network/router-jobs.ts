import { sql, type Kysely, type Transaction } from 'kysely';
import type { RouterJob } from '../../../shared/contract/network.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import { AppError, notFound } from '../platform/errors';
import type { EventBus } from '../platform/events';
import { uuidv7 } from '../platform/ids';
import type { Logger } from '../platform/logger';
import type { SecretCipher } from '../platform/secrets';
import type { RouterJobRow, RouterJobState, RouterRow } from './network.tables';
import type { RouterClients } from './router-clients';
import { describeFailure, isRetryable } from './router-errors';
import type { RouterClient } from './routeros/routeros-client';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What each operation carries. Payloads name rows, never secrets: a job's password comes from the
 * `secrets` table when it runs, so `router_jobs` holds nothing worth stealing.
 */
export type JobPayloads = {
  /** Make the router's secrets match these rows: upsert by name, or remove when the row is deleted. */
  'ppp.secret.sync': { secretIds: string[] };
  'ppp.active.kick': { name: string };
  /**
   * `onlyIfMissing`: add the profile when the router lacks it, leave an existing one untouched (isolir
   * profiles). `rateLimitOnly`: change only the rate-limit of an existing profile (plans), keeping the
   * addresses the operator gave it.
   */
  'ppp.profile.upsert': {
    name: string;
    rateLimit: string;
    localAddress: string;
    remoteAddress: string;
    onlyIfMissing?: boolean;
    rateLimitOnly?: boolean;
  };
  /** Add (or correct) every voucher of the batch as a hotspot user. */
  'hotspot.vouchers.sync': { batchId: string };
  /** Remove the user's hotspot sessions and cookies. */
  'hotspot.active.kick': { user: string };
  /** Make the router's hotspot users match these rows (upsert by name, or remove when deleted). */
  'hotspot.user.sync': { userIds: string[] };
  /** Like 'ppp.profile.upsert' (rate-limit only) for a hotspot user profile. */
  'hotspot.profile.upsert': { name: string; rateLimit: string; onlyIfMissing?: boolean };
  'queue.upsert': { name: string; target: string; maxLimit: string; disabled: boolean };
  /** Make the router's address-list entries match these rows (add, tag, or remove when deleted). */
  'address-list.sync': { entryIds: string[] };
  /** Remove items tagged `gerai:<id>` for ids that no longer have a live row (reconcile's extras). */
  'router.tagged.remove': { menu: TaggedMenu; rowIds: string[] };
};
export type JobOperationName = keyof JobPayloads;
export type TaggedMenu = '/ppp/secret' | '/ip/firewall/address-list' | '/ip/hotspot/user';

/** What an operation gets to work with while it runs (outside any transaction). */
export type JobEnv = {
  db: Kysely<DB>;
  client: RouterClient;
  router: RouterRow;
  secrets: SecretCipher;
  clock: Clock;
  logger: Logger;
};

/** An idempotent "make the router match" step; resolves with a small summary kept as the job's result. */
export type JobOperation<P> = (payload: P, env: JobEnv) => Promise<Record<string, unknown>>;
export type JobOperations = { [K in JobOperationName]: JobOperation<JobPayloads[K]> };

export type JobRow = RouterJobRow & { router_name: string };

export function toRouterJob(row: JobRow): RouterJob {
  return {
    id: row.id,
    routerId: row.router_id,
    routerName: row.router_name,
    operation: row.operation,
    label: row.label,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

function jobsQuery(db: Db) {
  return db
    .selectFrom('router_jobs as j')
    .innerJoin('routers as r', 'r.id', 'j.router_id')
    .selectAll('j')
    .select('r.name as router_name');
}

async function jobById(db: Db, id: string): Promise<JobRow | undefined> {
  return jobsQuery(db).where('j.id', '=', id).executeTakeFirst();
}

type EnqueueContext = Pick<HandlerContext, 'db' | 'clock' | 'session' | 'afterCommit' | 'events' | 'network'>;

/**
 * Queues a change for a router in the caller's transaction; once that commits, the runner is woken.
 * This is the only way anything in Gerai changes a router (billing's isolir included).
 */
export async function enqueueJob<K extends JobOperationName>(
  ctx: EnqueueContext,
  routerId: string,
  operation: K,
  payload: JobPayloads[K],
  label: string,
): Promise<RouterJob> {
  const now = ctx.clock.now();
  const id = uuidv7(now);
  await ctx.db
    .insertInto('router_jobs')
    .values({
      id,
      router_id: routerId,
      operation,
      payload: JSON.stringify(payload),
      label: label.slice(0, 200),
      state: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      result: null,
      created_by: ctx.session?.user.id ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .execute();
  const job = toRouterJob((await jobById(ctx.db, id))!);
  ctx.afterCommit(() => {
    ctx.events.emit('network.job', job);
    ctx.network.jobs.kick();
  });
  return job;
}

// ---- channels ------------------------------------------------------------------------------------

const JOB = { id: 'Tugas router', en: 'Router job' };

export async function listJobs(ctx: HandlerContext, input: ParsedInput<'network.jobs.list'>): Promise<RouterJob[]> {
  let query = jobsQuery(ctx.db);
  if (input.routerId) query = query.where('j.router_id', '=', input.routerId);
  if (input.state) query = query.where('j.state', '=', input.state);
  const rows = await query.orderBy('j.created_at', 'desc').orderBy(sql`j.rowid`, 'desc').limit(input.limit).execute();
  return rows.map(toRouterJob);
}

export async function retryJob(ctx: HandlerContext, input: ParsedInput<'network.jobs.retry'>): Promise<RouterJob> {
  const row = await jobById(ctx.db, input.id);
  if (!row) throw notFound(JOB);
  const before = toRouterJob(row);
  if (row.state === 'done' || row.state === 'cancelled') {
    throw new AppError('CONFLICT', {
      id: row.state === 'done' ? 'Tugas ini sudah selesai.' : 'Tugas ini sudah dibatalkan.',
      en: row.state === 'done' ? 'This job has already finished.' : 'This job has been cancelled.',
    });
  }
  // A running job is being tried right now: nothing to do.
  if (row.state !== 'running') {
    const now = ctx.clock.now();
    await ctx.db
      .updateTable('router_jobs')
      .set({ state: 'pending', next_attempt_at: now, finished_at: null, updated_at: now })
      .where('id', '=', row.id)
      .where('state', 'in', ['pending', 'failed'])
      .execute();
  }
  const after = toRouterJob((await jobById(ctx.db, row.id))!);
  await ctx.audit({ entity: 'router_job', entityId: row.id, before: { state: before.state, attempts: before.attempts }, after: { state: after.state, operation: after.operation, label: after.label } });
  ctx.afterCommit(() => {
    ctx.events.emit('network.job', after);
    ctx.network.jobs.kick();
  });
  return after;
}

export async function cancelJob(ctx: HandlerContext, input: ParsedInput<'network.jobs.cancel'>): Promise<RouterJob> {
  const row = await jobById(ctx.db, input.id);
  if (!row) throw notFound(JOB);
  if (row.state === 'done') {
    throw new AppError('CONFLICT', { id: 'Tugas ini sudah selesai.', en: 'This job has already finished.' });
  }
  if (row.state !== 'cancelled') {
    const now = ctx.clock.now();
    await cancelJobs(ctx.db, now, { id: row.id });
  }
  const after = toRouterJob((await jobById(ctx.db, row.id))!);
  await ctx.audit({ entity: 'router_job', entityId: row.id, before: { state: row.state }, after: { state: after.state, operation: after.operation, label: after.label } });
  ctx.afterCommit(() => ctx.events.emit('network.job', after));
  return after;
}

/** Cancels one job or every unfinished job of a router (a running attempt still completes). */
export async function cancelJobs(db: Db, now: number, which: { id: string } | { routerId: string }): Promise<number> {
  let query = db
    .updateTable('router_jobs')
    .set({ state: 'cancelled', finished_at: now, next_attempt_at: null, updated_at: now })
    .where('state', 'in', ['pending', 'running', 'failed']);
  query = 'id' in which ? query.where('id', '=', which.id) : query.where('router_id', '=', which.routerId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Unfinished jobs per router (pending, running or failed), for the router list. */
export async function openJobCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('router_jobs')
    .select(['router_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', 'in', ['pending', 'running', 'failed'])
    .groupBy('router_id')
    .execute();
  return new Map(rows.map((row) => [row.router_id, Number(row.n)]));
}

// ---- the runner ----------------------------------------------------------------------------------

export type JobRunnerOptions = {
  /** First retry delay; doubles per attempt (default 5 s). */
  backoffBaseMs?: number;
  /** Longest retry delay before jitter (default 10 min). */
  backoffMaxMs?: number;
  /** Routers worked on at once (default 8). */
  parallelRouters?: number;
  random?: () => number;
};

export type JobRunnerDeps = {
  db: Kysely<DB>;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  secrets: SecretCipher;
  clients: RouterClients;
};

/** How long a job waits after its `attempts`-th failure: base·2^(attempts−1), capped, ±20 %. */
export function retryDelay(attempts: number, options: Required<Pick<JobRunnerOptions, 'backoffBaseMs' | 'backoffMaxMs'>>, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const delay = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** exponent);
  return Math.max(1, Math.round(delay * (0.8 + 0.4 * random())));
}

/** The longest a sleeping runner waits before looking again (clocks jump; rows change under it). */
const MAX_SLEEP_MS = 60_000;
const MIN_SLEEP_MS = 250;

/**
 * Runs router jobs: per router one at a time, in creation order; routers in parallel. A job whose
 * router cannot be reached (or does not answer) stays pending and is retried with exponential
 * backoff; one the router refuses (a trap, a wrong login) fails and waits for someone to retry it.
 * Everything it knows is in `router_jobs`, so a restart picks up where it stopped.
 */
export class RouterJobRunner {
  private readonly inFlight = new Map<string, Promise<void>>();
  private pumping: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | null = null;
  private kickPending = false;
  private stopped = false;
  private readonly backoff: { backoffBaseMs: number; backoffMaxMs: number };
  private readonly parallel: number;
  private readonly random: () => number;

  constructor(
    private readonly deps: JobRunnerDeps,
    private readonly operations: JobOperations,
    options: JobRunnerOptions = {},
  ) {
    this.backoff = { backoffBaseMs: options.backoffBaseMs ?? 5_000, backoffMaxMs: options.backoffMaxMs ?? 600_000 };
    this.parallel = Math.max(1, options.parallelRouters ?? 8);
    this.random = options.random ?? Math.random;
  }

  /** Puts jobs a crash left running back in the queue, then starts working. */
  async start(): Promise<void> {
    const now = this.deps.clock.now();
    const reset = await this.deps.db
      .updateTable('router_jobs')
      .set({ state: 'pending', updated_at: now })
      .where('state', '=', 'running')
      .executeTakeFirst();
    if (Number(reset.numUpdatedRows) > 0) this.deps.logger.info('router jobs resumed after a stop', { jobs: Number(reset.numUpdatedRows) });
    this.kick();
  }

  /** Looks for due work soon (after the caller's transaction has committed). */
  kick(): void {
    if (this.stopped || this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      void this.pump();
    });
  }

  /** Tests and tools: runs every job that is due now, and what becomes due behind it, to the end. */
  async runDue(): Promise<void> {
    for (;;) {
      await this.pump();
      if (this.inFlight.size === 0) return;
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  /** Whether a job of this router is being applied right now. */
  isBusy(routerId: string): boolean {
    return this.inFlight.has(routerId);
  }

  /** Stops taking new work (attempts under way finish; see `drain`). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves once no attempt is under way. */
  async drain(): Promise<void> {
    await this.pumping.catch(() => 0);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  /** One look at the queue, serialized so a job is never claimed twice. Resolves with jobs started. */
  private pump(): Promise<number> {
    this.pumping = this.pumping.then(
      () => this.pumpOnce(),
      () => this.pumpOnce(),
    );
    return this.pumping.catch((error: unknown) => {
      this.deps.logger.error('router job runner failed to read its queue', { error: describeFailure(error) });
      return 0;
    });
  }

  private async pumpOnce(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.deps.clock.now();
    // The oldest unfinished job of each router; a router whose oldest is running (or waiting) waits.
    const heads = await sql<JobRow & { rn: number }>`
      SELECT j.*, r.name AS router_name FROM (
        SELECT *, row_number() OVER (PARTITION BY router_id ORDER BY created_at, rowid) AS rn
        FROM router_jobs WHERE state IN ('pending', 'running')
      ) AS j JOIN routers AS r ON r.id = j.router_id
      WHERE j.rn = 1 AND j.state = 'pending'`.execute(this.deps.db);
    let started = 0;
    let wake = Number.POSITIVE_INFINITY;
    for (const head of heads.rows) {
      if (this.inFlight.has(head.router_id)) continue;
      const due = head.next_attempt_at ?? now;
      if (due > now) {
        wake = Math.min(wake, due);
        continue;
      }
      if (this.inFlight.size >= this.parallel) {
        wake = now;
        break;
      }
      if (await this.claim(head, now)) started++;
    }
    this.sleepUntil(wake, now);
    return started;
  }

  private sleepUntil(wake: number, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || !Number.isFinite(wake)) return;
    const delay = Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, wake - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.timer.unref();
  }

  private async claim(head: JobRow, now: number): Promise<boolean> {
    const claimed = await this.deps.db
      .updateTable('router_jobs')
      .set({ state: 'running', updated_at: now })
      .where('id', '=', head.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    this.deps.events.emit('network.job', toRouterJob({ ...head, state: 'running', updated_at: now }));
    const work = this.execute(head)
      .catch((error: unknown) => {
        this.deps.logger.error('router job bookkeeping failed', { job: head.id, error: describeFailure(error) });
      })
      .finally(() => {
        this.inFlight.delete(head.router_id);
        this.kick();
      });
    this.inFlight.set(head.router_id, work);
    return true;
  }

  private async execute(job: JobRow): Promise<void> {
    const { db, clock, logger } = this.deps;
    const router = await db.selectFrom('routers').selectAll().where('id', '=', job.router_id).executeTakeFirst();
    if (!router || router.deleted_at !== null) {
      await this.finish(job, 'cancelled', { error: 'router removed' });
      return;
    }
    const operation = this.operations[job.operation as JobOperationName] as JobOperation<unknown> | undefined;
    if (!operation) {
      await this.finish(job, 'failed', { error: `unknown operation ${job.operation}` });
      return;
    }
    try {
      const client = await this.deps.clients.get(db, router);
      const result = await operation(JSON.parse(job.payload) as unknown, { db, client, router, secrets: this.deps.secrets, clock, logger });
      await this.finish(job, 'done', { result });
    } catch (error) {
      const message = describeFailure(error);
      if (this.stopped && isRetryable(error)) {
        // Cut off by Gerai closing, not by the router: back in the queue as it was.
        await this.finish(job, 'interrupted', { error: message });
      } else if (isRetryable(error)) {
        logger.info('router job will be retried', { job: job.id, operation: job.operation, router: router.name, error: message });
        await this.finish(job, 'pending', { error: message });
      } else {
        logger.warn('router job failed', { job: job.id, operation: job.operation, router: router.name, error: message });
        await this.finish(job, 'failed', { error: message });
      }
    }
  }

  private async finish(
    job: JobRow,
    outcome: Exclude<RouterJobState, 'running'> | 'interrupted',
    detail: { result?: Record<string, unknown>; error?: string },
  ): Promise<void> {
    const now = this.deps.clock.now();
    // An attempt cut off by Gerai closing, or never made (router removed), does not count.
    const attempts = outcome === 'interrupted' || outcome === 'cancelled' ? job.attempts : job.attempts + 1;
    const patch =
      outcome === 'done'
        ? { state: 'done' as const, result: JSON.stringify(detail.result ?? {}), last_error: null, next_attempt_at: null, finished_at: now }
        : outcome === 'pending'
          ? { state: 'pending' as const, last_error: detail.error ?? null, next_attempt_at: now + retryDelay(attempts, this.backoff, this.random) }
          : outcome === 'interrupted'
            ? { state: 'pending' as const }
            : { state: outcome, last_error: detail.error ?? null, next_attempt_at: null, finished_at: now };
    // Only a job still marked running is ours to update: a cancel while it ran wins.
    await this.deps.db
      .updateTable('router_jobs')
      .set({ ...patch, attempts, updated_at: now })
      .where('id', '=', job.id)
      .where('state', '=', 'running')
      .execute();
    const row = await jobById(this.deps.db, job.id);
    if (row) this.deps.events.emit('network.job', toRouterJob(row));
  }
}
