import { addDays, type LocalDate } from '../../../shared/domain/calendar';

/** Which reminders the branch sends: days before the due date, on it, days after it. */
export type ReminderPolicy = { beforeDays: readonly number[]; onDue: boolean; afterDays: readonly number[] };

export type ReminderKind = 'before' | 'due' | 'after';
export type ReminderStep = { step: string; kind: ReminderKind; date: LocalDate };

/** The dunning step name of a reminder: 'reminder:before:3', 'reminder:due', 'reminder:after:1'. */
export function reminderStepName(kind: ReminderKind, days: number): string {
  return kind === 'due' ? 'reminder:due' : `reminder:${kind}:${days}`;
}

/** Every reminder of an invoice due on `dueDate`, oldest first. */
export function reminderSchedule(dueDate: LocalDate, policy: ReminderPolicy): ReminderStep[] {
  const steps: ReminderStep[] = [];
  for (const n of new Set(policy.beforeDays)) {
    if (n > 0)
      steps.push({ step: reminderStepName('before', n), kind: 'before', date: addDays(dueDate, -n) });
  }
  if (policy.onDue) steps.push({ step: reminderStepName('due', 0), kind: 'due', date: dueDate });
  for (const n of new Set(policy.afterDays)) {
    if (n > 0) steps.push({ step: reminderStepName('after', n), kind: 'after', date: addDays(dueDate, n) });
  }
  return steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The reminder an unpaid invoice should get when the reminders task runs for `day`: the latest step
 * whose date is on or before that day, unless it was already taken. On a day run live this is the
 * step that falls on that day (earlier ones were taken on theirs); after days missed while the app
 * was closed it is only the newest one that applies — one "after 1" reminder, not "before 3", "due"
 * and "after 1" at once. Null when nothing is to be sent.
 */
export function reminderDue(
  dueDate: LocalDate,
  day: LocalDate,
  policy: ReminderPolicy,
  taken: ReadonlySet<string>,
): ReminderStep | null {
  let latest: ReminderStep | null = null;
  for (const step of reminderSchedule(dueDate, policy)) {
    if (step.date <= day) latest = step;
  }
  if (!latest || taken.has(latest.step)) return null;
  return latest;
}
