import { create } from 'zustand';

export type ThemeMode = 'light' | 'dark';
const STORAGE_KEY = 'gerai.theme';

function initialMode(): ThemeMode {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // No storage: fall through to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

type ThemeState = { mode: ThemeMode; toggleMode(): void };

export const useThemeStore = create<ThemeState>()((set, get) => ({
  mode: initialMode(),
  toggleMode() {
    const mode: ThemeMode = get().mode === 'light' ? 'dark' : 'light';
    try {
      localStorage.setItem(STORAGE_KEY, mode);
    } catch {
      // Remembered for this session only.
    }
    set({ mode });
  },
}));
