import type { Kysely, Transaction } from 'kysely';
import { SCHEDULER_TASKS, type SchedulerTask } from '../../../shared/contract/scheduler.contract';
import { addDays, type LocalDate } from '../../../shared/domain/calendar';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The last day each task is done for, with when it was done (absent: never ran). */
export async function lastDoneDays(db: Db): Promise<Map<SchedulerTask, { day: LocalDate; doneAt: number }>> {
  const rows = await db
    .selectFrom('scheduler_days as d')
    .select(['d.task', 'd.day', 'd.done_at'])
    .where(({ eb, selectFrom }) =>
      eb(
        'd.day',
        '=',
        selectFrom('scheduler_days as m')
          .select(({ fn }) => fn.max('m.day').as('day'))
          .whereRef('m.task', '=', 'd.task'),
      ),
    )
    .execute();
  const out = new Map<SchedulerTask, { day: LocalDate; doneAt: number }>();
  for (const row of rows) {
    if ((SCHEDULER_TASKS as readonly string[]).includes(row.task)) {
      out.set(row.task as SchedulerTask, { day: row.day, doneAt: row.done_at });
    }
  }
  return out;
}

/** The first day the scheduler ever ran (null before its first run). */
export async function firstScheduledDay(db: Db): Promise<LocalDate | null> {
  const row = await db
    .selectFrom('scheduler_days')
    .select(({ fn }) => fn.min('day').as('day'))
    .executeTakeFirst();
  return row?.day ?? null;
}

/**
 * The last day every task is done for. A task that never ran (one added later, or one a crash stopped
 * on the very first day) counts as done up to the day before the scheduler's first day, so it starts
 * where the others started.
 */
export async function lastCompleteDay(db: Db): Promise<LocalDate | null> {
  const first = await firstScheduledDay(db);
  if (first === null) return null;
  const last = await lastDoneDays(db);
  let complete: LocalDate | null = null;
  for (const task of SCHEDULER_TASKS) {
    const day = last.get(task)?.day ?? addDays(first, -1);
    if (complete === null || day < complete) complete = day;
  }
  return complete;
}

/** The (task, day) pairs already done from `from` on, as 'task|day'. */
export async function doneSince(db: Db, from: LocalDate): Promise<Set<string>> {
  const rows = await db
    .selectFrom('scheduler_days')
    .select(['task', 'day'])
    .where('day', '>=', from)
    .execute();
  return new Set(rows.map((row) => `${row.task}|${row.day}`));
}
