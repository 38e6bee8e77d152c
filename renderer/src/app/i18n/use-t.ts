import { useCallback } from 'react';
import type { TranslationKey } from './id';
import { useI18nStore } from './i18n-store';
import { translate, type Translate, type TranslateParams } from './translate';

/** The translate function for the current locale; components re-render when the locale changes. */
export function useT(): Translate {
  const locale = useI18nStore((state) => state.locale);
  return useCallback(
    (key: TranslationKey, params?: TranslateParams) => translate(locale, key, params),
    [locale],
  );
}
