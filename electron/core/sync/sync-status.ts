import type { Kysely } from 'kysely';
import type { SyncStatus } from '../../../shared/contract/system.contract';
import type { DB } from '../db/schema';
import type { EventBus } from '../platform/events';

/** Until this device is enrolled with a server (the sync issue), it is local-only with a growing outbox. */
export async function readSyncStatus(db: Kysely<DB>): Promise<SyncStatus> {
  const row = await db
    .selectFrom('sync_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { state: 'local-only', pendingChanges: Number(row.n), lastSyncedAt: null };
}

/**
 * Emits `sync.status` after writes, at most once per `intervalMs`, so the UI's chip follows the
 * outbox without polling (polling would also keep idle sessions alive).
 */
export function createSyncStatusNotifier(db: Kysely<DB>, events: EventBus, intervalMs = 500): { changed(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  return {
    changed() {
      if (timer || stopped) return;
      timer = setTimeout(() => {
        timer = null;
        if (stopped) return;
        readSyncStatus(db)
          .then((status) => events.emit('sync.status', status))
          .catch(() => undefined);
      }, intervalMs);
      timer.unref?.();
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
