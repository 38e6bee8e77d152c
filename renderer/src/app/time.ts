/** Wall-clock fields of an instant in a time zone. */
function zonedParts(epochMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The hour (0–23) on the branch's wall clock. */
export function hourInZone(epochMs: number, timeZone: string): number {
  return zonedParts(epochMs, timeZone).hour;
}

/** Today's date on the branch's wall clock, as YYYY-MM-DD (the value of an <input type="date">). */
export function dateInZone(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts in a time zone. Two passes so a zone whose offset
 * changes that day (not Indonesia's, but settings accept any IANA zone) still lands on midnight.
 */
export function startOfDayInZone(ymd: string, timeZone: string): number {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(year, month - 1, day);
  let instant = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  instant = wallMidnight - zoneOffsetMs(instant, timeZone);
  return instant;
}

/** The last millisecond of a calendar day in a time zone. */
export function endOfDayInZone(ymd: string, timeZone: string): number {
  const [year, month, day] = ymd.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  return startOfDayInZone(next, timeZone) - 1;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
