import { z } from 'zod';
import { isLocalDate } from '../domain/calendar';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';
import { PaymentMethodSchema } from './pos.contract';

const LocalDate = z.string().refine(isLocalDate, 'a date as YYYY-MM-DD');
const Money = z.number().int();
const Count = z.number().int().nonnegative();
const CountAndAmount = z.strictObject({ count: Count, amount: Money });

/** How many days "due soon" looks ahead, today included (today … today + 6). */
export const DUE_SOON_DAYS = 7;
/** How many offline routers the dashboard names (the network screen lists them all). */
export const OFFLINE_ROUTERS_SHOWN = 5;

/** Today's counter: sales made today (branch time zone) and this device's open shift. */
export const DashboardSales = z.strictObject({
  /** Completed (not voided) sales made today. */
  count: Count,
  /** Sales made today and voided since. */
  voided: Count,
  /** What the completed sales came to (cash rounding included). */
  total: Money,
  /** Refunds given today (of any day's sales). */
  refunds: Money,
  /** How today's completed sales were paid, per method (adds up to `total`; refunds are apart). */
  byMethod: z.array(z.strictObject({ method: PaymentMethodSchema, amount: Money, count: Count })),
  /** This device's open shift, or null when the till is closed. */
  shift: z
    .strictObject({
      id: Id,
      number: z.string(),
      cashier: z.string(),
      openedAt: EpochMs,
      /** Cash the drawer should hold now (float + cash in − cash out). */
      expectedCash: Money,
    })
    .nullable(),
});
export type DashboardSales = z.infer<typeof DashboardSales>;

export const DashboardStock = z.strictObject({
  /** Item × warehouse pairs whose available stock is at or under their low-stock threshold. */
  low: Count,
});
export type DashboardStock = z.infer<typeof DashboardStock>;

export const DashboardSubscriptions = z.strictObject({ pending: Count, active: Count, isolated: Count });
export type DashboardSubscriptions = z.infer<typeof DashboardSubscriptions>;

export const DashboardBilling = z.strictObject({
  /** Open invoices due from today to `until` (DUE_SOON_DAYS days), with what is still owed on them. */
  dueSoon: z.strictObject({ count: Count, amount: Money, until: LocalDate }),
  /** Open invoices past their due date, what is owed on them, and how many customers owe it. */
  overdue: z.strictObject({ count: Count, amount: Money, customers: Count }),
  /** Invoice payments received today (voided ones left out). */
  collections: CountAndAmount,
  /** The daily scheduler (billing, late fees, reminders, isolir). */
  scheduler: z.strictObject({
    /** The last day every task is done for (null before its first run). */
    lastDay: LocalDate.nullable(),
    /** Days up to today still waiting (0 = up to date). */
    daysBehind: Count,
    running: z.boolean(),
    lastError: z.string().nullable(),
  }),
});
export type DashboardBilling = z.infer<typeof DashboardBilling>;

export const DashboardNetwork = z.strictObject({
  routers: z.strictObject({
    total: Count,
    online: Count,
    offline: Count,
    /** Never checked yet. */
    unchecked: Count,
  }),
  /** Up to OFFLINE_ROUTERS_SHOWN routers found offline at their last check, by name. */
  offlineRouters: z.array(z.strictObject({ id: Id, name: z.string(), lastSeenAt: EpochMs.nullable() })),
  /** Router jobs still to run (pending or running) and those that failed and wait for someone. */
  jobs: z.strictObject({ pending: Count, failed: Count }),
});
export type DashboardNetwork = z.infer<typeof DashboardNetwork>;

export const DashboardNotifications = z.strictObject({
  /** Waiting because their channel has no gateway set up. */
  held: Count,
  /** Gave up after their retries. */
  failed: Count,
});
export type DashboardNotifications = z.infer<typeof DashboardNotifications>;

/** Each section is present only when the caller holds the permission it needs. */
export const DashboardSummary = z.strictObject({
  /** Today in the branch's time zone, and that zone. */
  today: LocalDate,
  timeZone: z.string(),
  /** pos.sell or reports.view */
  sales: DashboardSales.optional(),
  /** inventory.view */
  stock: DashboardStock.optional(),
  /** customers.view */
  subscriptions: DashboardSubscriptions.optional(),
  /** billing.view */
  billing: DashboardBilling.optional(),
  /** network.view */
  network: DashboardNetwork.optional(),
  /** billing.view (who may read the notification log) */
  notifications: DashboardNotifications.optional(),
});
export type DashboardSummary = z.infer<typeof DashboardSummary>;

/** The dashboard: today's figures for the counter and the ISP office at a glance. */
export const dashboardChannels = defineChannels({
  'dashboard.summary': {
    summary:
      'Today at a glance (branch time zone): sales and the open shift, low stock, subscriptions by state, invoices due and overdue, collections, the scheduler, routers, router jobs and notifications — each section only for callers allowed to see it.',
    input: z.strictObject({}),
    output: DashboardSummary,
    access: 'dashboard.view',
    writes: false,
  },
});
