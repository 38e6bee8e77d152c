import { useMemo } from 'react';
import { useSettingsStore } from '../features/settings/settings-store';
import {
  formatBytes,
  formatDateTime,
  formatLongDate,
  formatNumber,
  formatRupiah,
  formatTime,
} from './format';
import { useI18nStore } from './i18n/i18n-store';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

/** The branch's time zone (from settings), Asia/Jakarta until settings have loaded. */
export function useTimeZone(): string {
  return useSettingsStore((state) => state.settings?.timeZone ?? DEFAULT_TIME_ZONE);
}

/** Formatters bound to the UI language and the branch's time zone. */
export function useFormat() {
  const locale = useI18nStore((state) => state.locale);
  const timeZone = useTimeZone();
  return useMemo(
    () => ({
      locale,
      timeZone,
      dateTime: (epochMs: number) => formatDateTime(epochMs, timeZone, locale),
      longDate: (epochMs: number) => formatLongDate(epochMs, timeZone, locale),
      time: (epochMs: number) => formatTime(epochMs, timeZone, locale),
      bytes: (bytes: number) => formatBytes(bytes, locale),
      number: (value: number) => formatNumber(value, locale),
      rupiah: formatRupiah,
    }),
    [locale, timeZone],
  );
}
