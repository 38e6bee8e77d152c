import {
  SCHEDULER_TASKS,
  type SchedulerDayResult,
  type SchedulerRunResult,
  type SchedulerTask,
} from '../../../shared/contract/scheduler.contract';
import { addDays, daysBetween, eachDay, localDate, type LocalDate } from '../../../shared/domain/calendar';
import { appendAudit } from '../audit/audit.service';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';
import { doneSince, lastCompleteDay } from './scheduler-days';
import type { SchedulerTaskRun, TaskDay, TaskOutcome } from './scheduler-task';
import { alertsTask } from './tasks/alerts.task';
import { billingTask } from './tasks/billing.task';
import { isolirTask } from './tasks/isolir.task';
import { lateFeesTask } from './tasks/late-fees.task';
import { remindersTask } from './tasks/reminders.task';

/** The tasks of a day, run in this order (SCHEDULER_TASKS). */
export const SCHEDULER_TASK_RUNS: Record<SchedulerTask, SchedulerTaskRun> = {
  billing: billingTask,
  'late-fees': lateFeesTask,
  reminders: remindersTask,
  isolir: isolirTask,
  alerts: alertsTask,
};

/** How far ahead `until` may reach (the UI and the tests move time forward; a year is plenty). */
export const MAX_DAYS_AHEAD = 366;

/** Who the audit log names for a run: the signed-in user, or the background scheduler. */
export type RunActor = { userId: string | null; username: string | null };
export const SYSTEM_ACTOR: RunActor = { userId: null, username: 'system' };

export type RunOptions = {
  until?: LocalDate;
  actor: RunActor;
  /** Checked between transactions: true stops the run there (the core is closing). */
  shouldStop?: () => boolean;
};

/** Today in the branch's time zone. */
export async function schedulerToday(
  ctx: Pick<HandlerContext, 'store' | 'clock'>,
): Promise<{ today: LocalDate; timeZone: string }> {
  const timeZone = await branchTimeZone(ctx.store.db);
  return { today: localDate(ctx.clock.now(), timeZone), timeZone };
}

/**
 * Runs one task for one day in a transaction of its own: the task's writes, its `scheduler_days` row
 * and its audit entry commit together or not at all. Null when the pair was already done.
 */
async function runTaskDay(
  ctx: HandlerContext,
  task: SchedulerTask,
  when: TaskDay,
  actor: RunActor,
): Promise<TaskOutcome | null> {
  const effects: (() => void)[] = [];
  const outcome = await ctx.store.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('scheduler_days')
      .select('day')
      .where('task', '=', task)
      .where('day', '=', when.day)
      .executeTakeFirst();
    if (done) return null;
    const tx: HandlerContext = {
      ...ctx,
      db: trx,
      afterCommit: (effect) => effects.push(effect),
      audit: (entry) => appendAudit(trx, ctx, actor, ctx.channel, entry),
    };
    const result = await SCHEDULER_TASK_RUNS[task](tx, when);
    await trx
      .insertInto('scheduler_days')
      .values({ task, day: when.day, done_at: ctx.clock.now(), result: JSON.stringify(result) })
      .execute();
    if (result.count > 0 || result.steps > 0) {
      await tx.audit({
        entity: 'scheduler',
        entityId: `${task}:${when.day}`,
        before: null,
        after: { task, ...when, ...result },
      });
    }
    return result;
  });
  for (const effect of effects) {
    try {
      effect();
    } catch (error) {
      ctx.logger.error('after-commit effect failed', {
        channel: ctx.channel,
        task,
        day: when.day,
        error: String(error),
      });
    }
  }
  if (outcome) ctx.syncStatus.changed();
  return outcome;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs every daily task still due, day by day from the day after the last day done (the first time
 * ever: today) up to `until` (default today), in the order billing → late fees → reminders → isolir →
 * alerts. Each (task, day) runs once, in its own transaction; a failure stops the run there, so no
 * later day runs before an earlier one is done, and the next run starts at the failed pair.
 */
export async function runDueDays(ctx: HandlerContext, options: RunOptions): Promise<SchedulerRunResult> {
  const { today } = await schedulerToday(ctx);
  const until = options.until ?? today;
  if (daysBetween(today, until) > MAX_DAYS_AHEAD) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Tanggal paling jauh ${MAX_DAYS_AHEAD} hari setelah hari ini.`,
        en: `The date may be at most ${MAX_DAYS_AHEAD} days after today.`,
      },
      { fields: { until: `≤ ${addDays(today, MAX_DAYS_AHEAD)}` } },
    );
  }
  const lastDay = await lastCompleteDay(ctx.store.db);
  const from = lastDay === null ? (until < today ? until : today) : addDays(lastDay, 1);
  const totals = Object.fromEntries(SCHEDULER_TASKS.map((task) => [task, 0])) as Record<
    SchedulerTask,
    number
  >;
  const days: SchedulerDayResult[] = [];
  if (from > until) return { from: null, until, days, totals };

  const done = await doneSince(ctx.store.db, from);
  for (const day of eachDay(from, until)) {
    const when: TaskDay = { day, today, missed: day < today };
    const ran: SchedulerDayResult = { day, missed: when.missed, tasks: [] };
    for (const task of SCHEDULER_TASKS) {
      if (done.has(`${task}|${day}`)) continue;
      if (options.shouldStop?.()) break;
      const outcome = await runTaskDay(ctx, task, when, options.actor);
      if (outcome) {
        ran.tasks.push({ task, ...outcome });
        totals[task] += outcome.count;
      }
      // Between transactions: other calls (the till, the screens) get their turn.
      await yieldToEventLoop();
    }
    if (ran.tasks.length > 0) days.push(ran);
    if (options.shouldStop?.()) break;
  }
  return { from, until, days, totals };
}
