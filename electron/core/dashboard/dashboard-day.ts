import { addDays, localDate, startOfLocalDay, type LocalDate } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';
import { branchTimeZone } from '../settings/settings.service';

/** Today in the branch's time zone, as a date and as the instants it starts and ends at. */
export type DashboardDay = {
  today: LocalDate;
  timeZone: string;
  /** First millisecond of today (inclusive). */
  startMs: number;
  /** First millisecond of tomorrow (exclusive). */
  endMs: number;
};

export async function dashboardDay(ctx: Pick<HandlerContext, 'db' | 'clock'>): Promise<DashboardDay> {
  const timeZone = await branchTimeZone(ctx.db);
  const today = localDate(ctx.clock.now(), timeZone);
  return {
    today,
    timeZone,
    startMs: startOfLocalDay(today, timeZone),
    endMs: startOfLocalDay(addDays(today, 1), timeZone),
  };
}
