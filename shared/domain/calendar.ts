/**
 * Calendar days in the branch's time zone, as 'YYYY-MM-DD' strings. Billing periods, due dates and
 * the daily scheduler count days, not instants: a day is a date string, compared as text, and turned
 * into instants only at the edges (the start of a local day).
 */

export type LocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function parts(date: LocalDate): { y: number; m: number; d: number } {
  const match = DATE.exec(date);
  if (!match || !isLocalDate(date)) throw new RangeError(`not a date: ${date}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date an instant falls on in a time zone. */
export function localDate(ms: number, timeZone: string): LocalDate {
  const p = formatter(timeZone).formatToParts(ms);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (a day number, for arithmetic). */
function dayNumber(date: LocalDate): number {
  const { y, m, d } = parts(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): LocalDate {
  const dt = new Date(n * 86_400_000);
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** The same day of the month `months` later, clamped to the month's length (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: LocalDate, months: number, dayOfMonth?: number): LocalDate {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(dayOfMonth ?? d, daysInMonth(year, month)));
}

/** 'YYYY-MM' of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

export function dayOfMonth(date: LocalDate): number {
  return parts(date).d;
}

/** The instant a local day starts in a time zone (DST-safe: the offset is read, not assumed). */
export function startOfLocalDay(date: LocalDate, timeZone: string): number {
  const { y, m, d } = parts(date);
  const guess = Date.UTC(y, m - 1, d);
  // The zone's offset at the guess, applied twice, settles on the local midnight.
  let ms = guess;
  for (let i = 0; i < 2; i += 1) {
    const shown = localDateTimeMs(ms, timeZone);
    ms += guess - shown;
  }
  return ms;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time an instant shows in a zone, read as if it were UTC. */
function localDateTimeMs(ms: number, timeZone: string): number {
  let f = dateTimeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dateTimeFormatters.set(timeZone, f);
  }
  const p = f.formatToParts(ms);
  const get = (type: string) => Number(p.find((x) => x.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** Every date from `from` to `to`, both included (empty when `to` is earlier). */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n += 1) out.push(fromDayNumber(n));
  return out;
}
