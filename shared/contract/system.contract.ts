import { z } from 'zod';
import { defineChannels } from './channel';
import { Empty } from './common.schema';

export const SyncStatus = z.strictObject({
  /** `local-only` until this device is enrolled with a central server. */
  state: z.enum(['local-only', 'idle', 'syncing', 'offline', 'error']),
  pendingChanges: z.number().int().nonnegative(),
  lastSyncedAt: z.number().int().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const systemChannels = defineChannels({
  'system.info': {
    summary: 'App version, schema version and this device’s identity.',
    input: Empty,
    output: z.strictObject({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      deviceId: z.string(),
      deviceCode: z.string(),
    }),
    access: 'authenticated',
    writes: false,
  },
  'sync.status': {
    summary: 'Sync state and the number of local changes not yet pushed.',
    input: Empty,
    output: SyncStatus,
    access: 'authenticated',
    writes: false,
  },
});
