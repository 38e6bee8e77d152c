import { prorate, type BillingPeriod } from './billing-cycle';
import { daysBetween, type LocalDate } from './calendar';

/**
 * What a plan change costs for one billing period: the unused days of the old plan credited and the
 * new plan charged for the same days, each rounded down on its own (prorate of billing-cycle.ts).
 */
export type PeriodProration = {
  periodKey: string;
  periodStart: LocalDate;
  periodEnd: LocalDate;
  periodDays: number;
  /** The first day billed at the new plan (inside the period). */
  from: LocalDate;
  /** Days from `from` to the period's end, both included. */
  days: number;
  /** Zero or negative: the unused days of the old plan. */
  credit: number;
  /** Zero or positive: the new plan for the same days. */
  charge: number;
};

/**
 * The proration of a change from a plan priced `oldMonthly` to one priced `newMonthly` taking effect on
 * `effectiveOn`, inside `period`. A change on the period's first day swaps whole months; on its last
 * day, one day of each.
 */
export function prorateChange(
  oldMonthly: number,
  newMonthly: number,
  period: BillingPeriod,
  effectiveOn: LocalDate,
): PeriodProration {
  if (effectiveOn < period.start || effectiveOn > period.end) {
    throw new RangeError(`${effectiveOn} is outside the period ${period.start}..${period.end}`);
  }
  const days = daysBetween(effectiveOn, period.end) + 1;
  const credit = prorate(oldMonthly, days, period.days);
  return {
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    periodDays: period.days,
    from: effectiveOn,
    days,
    credit: credit === 0 ? 0 : -credit,
    charge: prorate(newMonthly, days, period.days),
  };
}

/** The sum a set of prorations adds to the next invoice (charges less credits). */
export function prorationNet(parts: readonly Pick<PeriodProration, 'credit' | 'charge'>[]): number {
  return parts.reduce((sum, part) => sum + part.credit + part.charge, 0);
}
