import { create } from 'zustand';
import type { Settings } from '../../../../shared/contract/index';
import { call, type CallOutcome } from '../../app/errors/call';
import { useI18nStore } from '../../app/i18n/i18n-store';
import { useSessionStore } from '../session/session-store';

type SettingsState = {
  /** The branch settings; null until loaded after sign-in. The shell reads branch name and time zone here. */
  settings: Settings | null;
  loading: boolean;
  load(): Promise<void>;
  save(patch: Partial<Settings>, form: readonly string[]): Promise<CallOutcome<Settings>>;
};

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  loading: false,
  async load() {
    set({ loading: true });
    const result = await call('settings.get', {});
    set({ loading: false, ...(result.ok ? { settings: result.data } : {}) });
    if (result.ok) useI18nStore.getState().applyBranchDefault(result.data.language);
  },
  async save(patch, form) {
    const result = await call('settings.update', patch, { form });
    if (result.ok) {
      set({ settings: result.data });
      useSessionStore.getState().setIdleTimeout(result.data.idleTimeoutMinutes);
    }
    return result;
  },
}));
