import { useEffect, useRef } from 'react';
import type { DashboardSummary } from '../../../../shared/contract/dashboard.contract';
import { call } from '../../app/errors/call';
import { useLoader } from '../../app/use-loader';
import { usePermissions, useSessionStore } from '../session/session-store';

/** A focus within this long of the last load does not ask again (switching windows back and forth). */
const FOCUS_REFRESH_GAP_MS = 5_000;

export type LoadedSummary = { summary: DashboardSummary; loadedAt: number };

/**
 * Today's figures for the signed-in user: loaded on open, on `reload()` and whenever the window gets
 * the focus back. There is no timer on purpose: a call keeps the session alive, and a dashboard left
 * open must not stop the idle lock.
 */
export function useDashboardSummary() {
  const userId = useSessionStore((state) => state.user?.id ?? '');
  const permissions = usePermissions();
  const quietNext = useRef(false);
  const lastLoad = useRef(0);
  const { data, loading, reload } = useLoader<LoadedSummary>(
    `${userId}|${permissions.join(',')}`,
    async () => {
      const quiet = quietNext.current;
      quietNext.current = false;
      lastLoad.current = Date.now();
      const result = await call('dashboard.summary', {}, { quiet });
      return result.ok ? { summary: result.data, loadedAt: Date.now() } : null;
    },
  );

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      if (Date.now() - lastLoad.current < FOCUS_REFRESH_GAP_MS) return;
      quietNext.current = true;
      reload();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reload]);

  return { data, loading, reload };
}
