import { useEffect } from 'react';
import { onCallSucceeded } from '../../app/errors/call';
import { transport } from '../../ipc/transport';
import { useSyncStore } from './sync-store';

const REFRESH_AFTER_MS = 800;

/**
 * Keeps the sync status current while the shell is mounted (signed in): the `sync.status` event when the core sends one, and
 * a debounced re-read after other calls succeed (they may have queued local changes). No polling, so
 * an idle window does not keep its session alive.
 */
export function useSyncStatus(): void {
  useEffect(() => {
    const { refresh, receive } = useSyncStore.getState();
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopEvents = transport.on('sync.status', receive);
    const stopCalls = onCallSucceeded((channel) => {
      if (channel === 'sync.status') return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_AFTER_MS);
    });
    return () => {
      clearTimeout(timer);
      stopEvents();
      stopCalls();
    };
  }, []);
}
