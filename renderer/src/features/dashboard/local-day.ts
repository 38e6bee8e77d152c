import type { LocalDate } from '../../../../shared/domain/calendar';
import type { Locale } from '../../../../shared/domain/errors';
import { intlLocale } from '../../app/format';

/** A branch-local date ('YYYY-MM-DD') as "28 Nov 2026": the date itself, with no time zone shift. */
export function formatLocalDay(date: LocalDate, locale: Locale): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(Date.UTC(year, month - 1, day));
}
