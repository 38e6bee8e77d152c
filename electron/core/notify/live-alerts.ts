import type { CoreDeps } from '../context';
import { inOwnTransaction } from '../network/own-transaction';
import { systemContext } from '../scheduler/scheduler-runtime';
import { queueAdminAlert } from './notify-queue';

const HOUR_MS = 3_600_000;

/**
 * Admin alerts that cannot wait for the daily run: a router that was seen online and now does not
 * answer, and the same router coming back. One alert per router per hour at most (the dedupe key
 * carries the hour), queued in a transaction of its own and sent by the notify runtime. Returns the
 * function that stops watching.
 */
export function watchLiveAlerts(deps: CoreDeps): () => void {
  const down = new Set<string>();
  let stopped = false;

  const alert = async (routerId: string, online: boolean, lastError: string | null) => {
    const router = await deps.store.db
      .selectFrom('routers')
      .select(['name', 'host'])
      .where('id', '=', routerId)
      .executeTakeFirst();
    if (!router || stopped) return;
    const hour = Math.floor(deps.clock.now() / HOUR_MS);
    const ctx = systemContext(deps, 'alerts.router');
    await inOwnTransaction(ctx, (tx) =>
      queueAdminAlert(
        tx,
        online
          ? {
              dedupeKey: `router-up:${routerId}:${hour}`,
              title: `Router ${router.name} kembali online`,
              text: `${router.name} (${router.host}) menjawab lagi. Tugas router yang menunggu akan dijalankan.`,
            }
          : {
              dedupeKey: `router-down:${routerId}:${hour}`,
              title: `Router ${router.name} tidak menjawab`,
              text: `${router.name} (${router.host}) tidak bisa dihubungi${lastError ? `: ${lastError}` : ''}. Perubahan untuk router ini menunggu sebagai tugas.`,
            },
      ),
    );
  };

  const off = deps.events.on('network.router.status', ({ routerId, status }) => {
    // Only a router seen before counts as "down": a new one still being set up does not alert.
    const wentDown = !status.online && status.lastSeenAt !== null && !down.has(routerId);
    const cameBack = status.online && down.has(routerId);
    if (wentDown) down.add(routerId);
    if (cameBack) down.delete(routerId);
    if (!wentDown && !cameBack) return;
    alert(routerId, status.online, status.lastError).catch((error: unknown) => {
      if (!stopped) deps.logger.error('router alert not queued', { routerId, error: String(error) });
    });
  });

  return () => {
    stopped = true;
    off();
  };
}
