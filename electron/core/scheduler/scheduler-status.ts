import { SCHEDULER_TASKS, type SchedulerStatus } from '../../../shared/contract/scheduler.contract';
import { daysBetween } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';
import { lastCompleteDay, lastDoneDays } from './scheduler-days';
import { schedulerToday } from './scheduler-run';

/** The last day each task is done for, how many days still wait, and the background scheduler's state. */
export async function schedulerStatus(ctx: HandlerContext): Promise<SchedulerStatus> {
  const { today, timeZone } = await schedulerToday(ctx);
  const last = await lastDoneDays(ctx.db);
  const lastDay = await lastCompleteDay(ctx.db);
  const state = ctx.scheduler.state();
  return {
    today,
    timeZone,
    tasks: SCHEDULER_TASKS.map((task) => ({
      task,
      lastDay: last.get(task)?.day ?? null,
      lastDoneAt: last.get(task)?.doneAt ?? null,
    })),
    lastDay,
    // Before the first run, today itself waits.
    daysBehind: lastDay === null ? 1 : Math.max(0, daysBetween(lastDay, today)),
    nextRunAt: state.nextRunAt,
    running: state.running,
    lastError: state.lastError,
  };
}
