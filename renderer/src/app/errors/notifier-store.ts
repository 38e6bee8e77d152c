import { create } from 'zustand';

export type NoticeSeverity = 'success' | 'info' | 'warning' | 'error';
export type Notice = { key: number; message: string; severity: NoticeSeverity };

type NotifierState = {
  /** The last notice; kept after it closes so the snackbar's exit animation still shows its text. */
  notice: Notice | null;
  open: boolean;
  notify(message: string, severity?: NoticeSeverity): void;
  dismiss(): void;
};

let nextKey = 1;

/** The one global notifier behind the snackbar. A new notice replaces the one showing. */
export const useNotifierStore = create<NotifierState>()((set) => ({
  notice: null,
  open: false,
  notify(message, severity = 'info') {
    set({ notice: { key: nextKey++, message, severity }, open: true });
  },
  dismiss() {
    set({ open: false });
  },
}));

export function notify(message: string, severity: NoticeSeverity = 'info'): void {
  useNotifierStore.getState().notify(message, severity);
}
