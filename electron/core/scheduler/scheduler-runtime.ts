import type { SchedulerRunResult } from '../../../shared/contract/scheduler.contract';
import { addDays, localDate, startOfLocalDay, type LocalDate } from '../../../shared/domain/calendar';
import { appendAudit } from '../audit/audit.service';
import type { CoreDeps, HandlerContext } from '../context';
import { findBranch } from '../settings/settings.service';
import { runDueDays, schedulerToday, SYSTEM_ACTOR, type RunActor } from './scheduler-run';

export type SchedulerOptions = {
  /**
   * Run what is due in the background: at start, every `intervalMs` and just after local midnight.
   * Off by default: the hosts (Electron, web host) turn it on; tests with a manual clock move time
   * with `scheduler.runDue` instead.
   */
  enabled?: boolean;
  /** Default 15 minutes. */
  intervalMs?: number;
};

/** The daily scheduler of one core: one run at a time, whoever asks (a background tick or a channel). */
export type SchedulerRuntime = {
  readonly enabled: boolean;
  /** Runs what is due up to `until`, after any run under way has finished. */
  run(ctx: HandlerContext, until: LocalDate | undefined, actor: RunActor): Promise<SchedulerRunResult>;
  state(): { running: boolean; nextRunAt: number | null; lastError: string | null };
  /** Starts the background runs (when enabled). */
  start(deps: CoreDeps): void;
  /** Stops the timer and waits for a run under way to finish its current transaction. */
  close(): Promise<void>;
};

const DEFAULT_INTERVAL_MS = 15 * 60 * 1000;
/** Wake a little after midnight so the new day has surely begun. */
const AFTER_MIDNIGHT_MS = 5_000;

/** A context for work nobody signed in asked for: no session; audit entries name 'system'. */
export function systemContext(deps: CoreDeps, channel: string): HandlerContext {
  return {
    ...deps,
    db: deps.store.db,
    session: null,
    locale: 'id',
    channel,
    audit: (entry) =>
      deps.store.db.transaction().execute((trx) => appendAudit(trx, deps, SYSTEM_ACTOR, channel, entry)),
    afterCommit: (effect) => effect(),
  };
}

export function createSchedulerRuntime(options: SchedulerOptions = {}): SchedulerRuntime {
  const enabled = options.enabled ?? false;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  let chain: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let nextRunAt: number | null = null;
  let lastError: string | null = null;
  let timeZone = 'Asia/Jakarta';

  const run: SchedulerRuntime['run'] = (ctx, until, actor) => {
    inFlight += 1;
    const result = chain.then(() => runDueDays(ctx, { until, actor, shouldStop: () => closed }));
    const settled = result.finally(() => {
      inFlight -= 1;
    });
    chain = settled.catch(() => undefined);
    return settled;
  };

  async function backgroundRun(deps: CoreDeps): Promise<void> {
    if (closed) return;
    try {
      // Nothing to bill before first-run setup has made the branch.
      if (!(await findBranch(deps.store.db))) return;
      const ctx = systemContext(deps, 'scheduler.runDue');
      timeZone = (await schedulerToday(ctx)).timeZone;
      const result = await run(ctx, undefined, SYSTEM_ACTOR);
      lastError = null;
      if (result.days.length > 0) {
        deps.logger.info('scheduler ran', { from: result.from, until: result.until, totals: result.totals });
      }
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      deps.logger.error('scheduler run failed', { error: lastError });
    }
  }

  function schedule(deps: CoreDeps): void {
    if (closed) return;
    const now = deps.clock.now();
    const today = localDate(now, timeZone);
    const untilMidnight = startOfLocalDay(addDays(today, 1), timeZone) - now + AFTER_MIDNIGHT_MS;
    const delay = Math.max(1_000, Math.min(intervalMs, untilMidnight));
    nextRunAt = now + delay;
    timer = setTimeout(() => {
      timer = null;
      void backgroundRun(deps).then(() => schedule(deps));
    }, delay);
    timer.unref();
  }

  return {
    enabled,
    run,
    state: () => ({ running: inFlight > 0, nextRunAt: enabled && !closed ? nextRunAt : null, lastError }),
    start(deps) {
      if (!enabled || closed) return;
      nextRunAt = deps.clock.now();
      void backgroundRun(deps).then(() => schedule(deps));
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      nextRunAt = null;
      await chain;
    },
  };
}
