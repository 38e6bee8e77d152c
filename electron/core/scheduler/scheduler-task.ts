import type { LocalDate } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';

/** The day a task runs for, and whether that day was already gone (a catch-up day). */
export type TaskDay = { day: LocalDate; today: LocalDate; missed: boolean };

/** What a task did for one day: things made or sent, dunning steps recorded, why it did nothing. */
export type TaskOutcome = { count: number; steps: number; note: string };

/** One daily task. It runs inside the (task, day) transaction: `ctx.db` is that transaction. */
export type SchedulerTaskRun = (ctx: HandlerContext, when: TaskDay) => Promise<TaskOutcome>;

export const nothing = (note = ''): TaskOutcome => ({ count: 0, steps: 0, note });
