import { create } from 'zustand';
import type { ChannelOutput } from '../../../../shared/contract/index';
import { call, type CallOutcome } from '../../app/errors/call';

/** The contract exports only the schema for a backup file, so the type comes from the channel. */
export type BackupFile = ChannelOutput<'backup.create'>;

type BackupState = {
  backups: BackupFile[];
  loading: boolean;
  creating: boolean;
  load(): Promise<void>;
  create(): Promise<CallOutcome<BackupFile>>;
  restore(fileName: string): Promise<CallOutcome<{ restartRequired: true }>>;
};

export const useBackupStore = create<BackupState>()((set, get) => ({
  backups: [],
  loading: false,
  creating: false,
  async load() {
    set({ loading: true });
    const result = await call('backup.list', {});
    set({ loading: false, ...(result.ok ? { backups: result.data } : {}) });
  },
  async create() {
    set({ creating: true });
    const result = await call('backup.create', {});
    set({ creating: false });
    if (result.ok) await get().load();
    return result;
  },
  restore(fileName) {
    return call('backup.restore', { fileName });
  },
}));
