import { create } from 'zustand';
import type { SyncStatus } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';

type SyncState = {
  status: SyncStatus | null;
  refresh(): Promise<void>;
  receive(status: SyncStatus): void;
};

export const useSyncStore = create<SyncState>()((set) => ({
  status: null,
  async refresh() {
    const result = await call('sync.status', {}, { quiet: true });
    if (result.ok) set({ status: result.data });
  },
  receive(status) {
    set({ status });
  },
}));
