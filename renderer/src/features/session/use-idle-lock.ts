import { useEffect } from 'react';
import { lockForInactivity } from './session-actions';
import { useSessionStore } from './session-store';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;

/** Locks the screen after the branch's idle timeout without keyboard or mouse activity. */
export function useIdleLock(): void {
  const signedIn = useSessionStore((state) => state.status === 'signed-in');
  const minutes = useSessionStore((state) => state.idleTimeoutMinutes);

  useEffect(() => {
    if (!signedIn) return;
    let lastActivity = Date.now();
    const touch = () => {
      lastActivity = Date.now();
    };
    const check = () => {
      if (Date.now() - lastActivity >= minutes * 60_000) lockForInactivity();
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, touch, { passive: true, capture: true });
    // A sleeping laptop does not run timers: check again the moment the window is visible.
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch, { capture: true });
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, [signedIn, minutes]);
}
