import { create } from 'zustand';
import type { Locale } from '../../../../shared/domain/errors';
import { setCallState } from '../../ipc/invoke';

const STORAGE_KEY = 'gerai.locale';

function readStoredLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'id' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

type I18nState = {
  locale: Locale;
  /** True once someone picked a language on this device; the branch default then no longer applies. */
  chosen: boolean;
  /** A person picked a language: remembered on this device. */
  chooseLocale(locale: Locale): void;
  /** The branch's default language, used only while nobody has picked one here. */
  applyBranchDefault(locale: Locale): void;
};

function apply(locale: Locale) {
  // The core localizes its error messages with this, so the snackbar speaks the UI's language.
  setCallState({ locale });
  document.documentElement.lang = locale;
}

const stored = readStoredLocale();
apply(stored ?? 'id');

export const useI18nStore = create<I18nState>()((set, get) => ({
  locale: stored ?? 'id',
  chosen: stored !== null,
  chooseLocale(locale) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Storage can be unavailable (private window); the choice then lasts for this session only.
    }
    apply(locale);
    set({ locale, chosen: true });
  },
  applyBranchDefault(locale) {
    if (get().chosen || get().locale === locale) return;
    apply(locale);
    set({ locale });
  },
}));
