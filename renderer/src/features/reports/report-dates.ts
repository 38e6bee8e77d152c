import { isLocalDate } from '../../../../shared/domain/calendar';
import { dateInZone } from '../../app/time';

/** Today in the branch's time zone, and the first day of its month. */
export function todayIn(timeZone: string): { today: string; monthStart: string } {
  const today = dateInZone(Date.now(), timeZone);
  return { today, monthStart: `${today.slice(0, 8)}01` };
}

/** A date field's value when it is a whole, real date; otherwise null (still being typed). */
export function validDate(value: string): string | null {
  return isLocalDate(value) ? value : null;
}
