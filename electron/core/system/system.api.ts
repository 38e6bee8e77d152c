import type { HandlerSlice } from '../api-types';
import { LATEST_SCHEMA_VERSION } from '../db/database';

export const systemApi = {
  'system.info': async (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    deviceId: ctx.device.id,
    deviceCode: ctx.device.code,
  }),
  // Sync arrives with the server issue; until the device is enrolled it only counts what waits to go.
  'sync.status': async (ctx) => {
    const row = await ctx.db
      .selectFrom('sync_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { state: 'local-only' as const, pendingChanges: Number(row.n), lastSyncedAt: null };
  },
} satisfies HandlerSlice<'system.info' | 'sync.status'>;
