import type { Locale } from '../../../shared/domain/errors';

/** The BCP 47 tag behind each UI language; English uses day-month order, as Indonesia does. */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

/** Integer rupiah, "Rp 12.500": the one implementation lives in shared/ so receipts and screens agree. */
export { formatRupiah } from '../../../shared/domain/money';

/** "21 Nov 2025 14.05" in the branch's time zone. */
export function formatDateTime(epochMs: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(epochMs);
}

/** "14.05" in the branch's time zone. */
export function formatTime(epochMs: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone, hour: '2-digit', minute: '2-digit' }).format(
    epochMs,
  );
}

/** "Jumat, 21 November 2025" in the branch's time zone. */
export function formatLongDate(epochMs: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(epochMs);
}

/** File sizes as people read them: "1,4 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
