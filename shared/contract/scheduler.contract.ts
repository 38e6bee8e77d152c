import { z } from 'zod';
import { isLocalDate } from '../domain/calendar';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

/** A local date 'YYYY-MM-DD' in the branch's time zone. */
const LocalDate = z.string().trim().refine(isLocalDate, 'a date as YYYY-MM-DD');

/** The scheduler's daily tasks, in the order they run for each day. */
export const SCHEDULER_TASKS = ['billing', 'late-fees', 'reminders', 'isolir', 'alerts'] as const;
export const SchedulerTask = z.enum(SCHEDULER_TASKS);
export type SchedulerTask = z.infer<typeof SchedulerTask>;

/** What one task did on one day (counts of what it made or took). */
export const TaskResult = z.strictObject({
  task: SchedulerTask,
  /** Invoices made, fees added, reminders queued, subscriptions isolated, alerts queued. */
  count: z.number().int(),
  /** Dunning steps recorded (a reminder skipped as stale, an isolir already in place, …). */
  steps: z.number().int(),
  /** Why it did nothing, when it did nothing on purpose ('day-passed', 'off', …). */
  note: z.string(),
});
export type TaskResult = z.infer<typeof TaskResult>;

export const SchedulerDayResult = z.strictObject({
  day: LocalDate,
  /** True when the day was already gone (before today) when it ran: a catch-up day. */
  missed: z.boolean(),
  tasks: z.array(TaskResult),
});
export type SchedulerDayResult = z.infer<typeof SchedulerDayResult>;

export const SchedulerRunResult = z.strictObject({
  from: LocalDate.nullable(),
  until: LocalDate,
  days: z.array(SchedulerDayResult),
  totals: z.record(SchedulerTask, z.number().int()),
});
export type SchedulerRunResult = z.infer<typeof SchedulerRunResult>;

export const SchedulerStatus = z.strictObject({
  today: LocalDate,
  timeZone: z.string(),
  tasks: z.array(
    z.strictObject({
      task: SchedulerTask,
      lastDay: LocalDate.nullable(),
      lastDoneAt: EpochMs.nullable(),
    }),
  ),
  /** The last day every task is done for (null before the first run). */
  lastDay: LocalDate.nullable(),
  /** Days from the last done day up to today that still wait (0 = up to date). */
  daysBehind: z.number().int(),
  /** When the background scheduler looks next (null when it is off in this process). */
  nextRunAt: EpochMs.nullable(),
  /** Whether a run is under way right now. */
  running: z.boolean(),
  /** The last background run's error, if it failed. */
  lastError: z.string().nullable(),
});
export type SchedulerStatus = z.infer<typeof SchedulerStatus>;

const Money = z.number().int();

export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export const AgingBucket = z.enum(AGING_BUCKETS);
export type AgingBucket = z.infer<typeof AgingBucket>;

const AgingAmounts = {
  current: Money,
  d1_30: Money,
  d31_60: Money,
  d61_90: Money,
  d90plus: Money,
  total: Money,
};

export const AgingRow = z.strictObject({
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  ...AgingAmounts,
  invoices: z.number().int(),
  /** The oldest due date among the customer's open invoices. */
  oldestDueDate: LocalDate,
});
export type AgingRow = z.infer<typeof AgingRow>;

export const AgingReport = z.strictObject({
  asOf: LocalDate,
  rows: z.array(AgingRow),
  /** Customers with an open balance (rows may be cut at `limit`; totals never are). */
  customers: z.number().int(),
  totals: z.strictObject({ ...AgingAmounts, invoices: z.number().int() }),
});
export type AgingReport = z.infer<typeof AgingReport>;

export const PAYMENT_METHODS = ['cash', 'transfer', 'qris', 'credit'] as const;
const MethodTotals = z.strictObject({ cash: Money, transfer: Money, qris: Money, credit: Money });

export const CollectionsRow = z.strictObject({
  day: LocalDate,
  userId: z.string().nullable(),
  userName: z.string(),
  method: z.enum(PAYMENT_METHODS),
  count: z.number().int(),
  amount: Money,
});
export type CollectionsRow = z.infer<typeof CollectionsRow>;

export const CollectionsReport = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  /** Per day, per cashier, per method. */
  rows: z.array(CollectionsRow),
  /** Per day and cashier, methods side by side (what a cashier hands over). */
  byCashierDay: z.array(
    z.strictObject({
      day: LocalDate,
      userId: z.string().nullable(),
      userName: z.string(),
      count: z.number().int(),
      amount: Money,
      methods: MethodTotals,
    }),
  ),
  totals: z.strictObject({ count: z.number().int(), amount: Money, methods: MethodTotals }),
});
export type CollectionsReport = z.infer<typeof CollectionsReport>;

/** The daily scheduler (billing, late fees, reminders, isolir, alerts) and the billing reports. */
export const schedulerChannels = defineChannels({
  'scheduler.runDue': {
    summary:
      'Runs every daily task still due, day by day from the day after the last one done up to `until` (default today), each day and task once and in its own transaction.',
    input: z.strictObject({ until: LocalDate.optional() }),
    output: SchedulerRunResult,
    access: 'billing.manage',
    // Each (task, day) commits in a transaction of its own, so a failure keeps the days already done.
    writes: false,
  },
  'scheduler.status': {
    summary:
      'The last day each daily task is done for, how many days wait, and when the scheduler looks next.',
    input: z.strictObject({}),
    output: SchedulerStatus,
    access: 'billing.view',
    writes: false,
  },
  'billing.reports.aging': {
    summary:
      'Accounts receivable aging per customer as of a date: open balances in current, 1–30, 31–60, 61–90 and 90+ days past due, with totals.',
    input: z.strictObject({
      asOf: LocalDate.optional(),
      limit: z.number().int().min(1).max(10_000).default(1000),
    }),
    output: AgingReport,
    access: 'reports.view',
    writes: false,
  },
  'billing.reports.collections': {
    summary:
      'Billing payments received per day, per cashier and per method from `from` to `to`, with totals.',
    input: z
      .strictObject({ from: LocalDate, to: LocalDate })
      .refine((v) => v.from <= v.to, { message: 'from must not be after to', path: ['to'] }),
    output: CollectionsReport,
    access: 'reports.view',
    writes: false,
  },
});
