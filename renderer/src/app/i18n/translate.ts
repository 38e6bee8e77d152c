import type { Locale } from '../../../../shared/domain/errors';
import { en } from './en';
import { id, type Dictionary, type TranslationKey } from './id';
import { useI18nStore } from './i18n-store';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: TranslationKey, params?: TranslateParams) => string;

const dictionaries: Record<Locale, Dictionary> = { id, en };

/** Looks a key up and fills `{name}` placeholders. */
export function translate(locale: Locale, key: TranslationKey, params?: TranslateParams): string {
  const text = dictionaries[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** For code outside React (store actions): translates in the current locale. */
export function translateNow(key: TranslationKey, params?: TranslateParams): string {
  return translate(useI18nStore.getState().locale, key, params);
}
