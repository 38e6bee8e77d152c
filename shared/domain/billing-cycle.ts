import { addDays, addMonths, dayOfMonth, daysBetween, monthOf, type LocalDate } from './calendar';

/**
 * A subscription's billing cycle: a month long, starting on its anchor day (the branch's billing day,
 * or the day the subscription was activated: its anniversary). Anchor days past a month's end fall on
 * its last day (anchor 31 → 30 April, 28/29 February). A period is named by the month it starts in.
 */
export type BillingPeriod = {
  /** 'YYYY-MM': the month the period starts in; one invoice per subscription per period. */
  key: string;
  start: LocalDate;
  /** The last day inside the period. */
  end: LocalDate;
  days: number;
};

export function periodStarting(start: LocalDate, anchorDay: number): BillingPeriod {
  const next = addMonths(start, 1, anchorDay);
  return { key: monthOf(start), start, end: addDays(next, -1), days: daysBetween(start, next) };
}

/** The period that contains `date`. */
export function periodContaining(date: LocalDate, anchorDay: number): BillingPeriod {
  const sameMonth = addMonths(date, 0, anchorDay);
  const start = sameMonth <= date ? sameMonth : addMonths(date, -1, anchorDay);
  return periodStarting(start, anchorDay);
}

/** The period named `key` ('YYYY-MM'). */
export function periodOf(key: string, anchorDay: number): BillingPeriod {
  return periodStarting(addMonths(`${key}-01`, 0, anchorDay), anchorDay);
}

/** The anchor day of a subscription activated on `date` under anniversary billing. */
export function anniversaryAnchor(date: LocalDate): number {
  return dayOfMonth(date);
}

/**
 * Rupiah for `days` of a period priced `monthly`, rounded down (the customer is never charged a
 * fraction more): floor(monthly × days / periodDays).
 */
export function prorate(monthly: number, days: number, periodDays: number): number {
  if (days <= 0) return 0;
  if (days >= periodDays) return monthly;
  return Math.floor((monthly * days) / periodDays);
}
