import { create } from 'zustand';

export type NotifyTab = 'log' | 'templates' | 'settings';

type NotifyState = {
  tab: NotifyTab;
  setTab(tab: NotifyTab): void;
};

/** The open tab of the notifications screen (the log's "set up a gateway" link switches it). */
export const useNotifyStore = create<NotifyState>()((set) => ({
  tab: 'log',
  setTab(tab) {
    set({ tab });
  },
}));
