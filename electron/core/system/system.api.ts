import type { HandlerSlice } from '../api-types';
import { LATEST_SCHEMA_VERSION } from '../db/database';
import { readSyncStatus } from '../sync/sync-status';

export const systemApi = {
  'system.info': async (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    deviceId: ctx.device.id,
    deviceCode: ctx.device.code,
  }),
  'sync.status': (ctx) => readSyncStatus(ctx.store.db),
} satisfies HandlerSlice<'system.info' | 'sync.status'>;
