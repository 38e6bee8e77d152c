import { create } from 'zustand';
import type { SessionUser } from '../../../../shared/contract/index';
import type { Permission } from '../../../../shared/domain/permissions';
import { setCallState } from '../../ipc/invoke';

/**
 * booting → needs-owner (first run) | signed-out → signed-in ⇄ locked.
 * `locked` keeps the user (the lock screen asks only their password) but drops the token.
 */
export type SessionStatus = 'booting' | 'needs-owner' | 'signed-out' | 'signed-in' | 'locked';

export type SignedInSession = { token: string; user: SessionUser; idleTimeoutMinutes: number };

type SessionState = {
  status: SessionStatus;
  token: string | null;
  user: SessionUser | null;
  idleTimeoutMinutes: number;
  /** A message for the login or lock screen: why the person is there. */
  notice: string | null;
  /** Bumped on every sign-in, so per-session state (route, caches) can reset. */
  generation: number;
  showSetup(): void;
  showLogin(notice?: string | null): void;
  signIn(session: SignedInSession): void;
  updateUser(user: SessionUser, idleTimeoutMinutes: number): void;
  setIdleTimeout(minutes: number): void;
  lock(notice: string | null): void;
  signOut(notice?: string | null): void;
  /** Back to start-up (after a restore swapped the database); the notice survives to the login screen. */
  restart(notice?: string | null): void;
};

// The token lives in sessionStorage: it survives a reload of this window, not a closed window.
const TOKEN_KEY = 'gerai.session';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function keepToken(token: string | null) {
  setCallState({ token });
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Without storage the session simply does not survive a reload.
  }
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  status: 'booting',
  token: null,
  user: null,
  idleTimeoutMinutes: 30,
  notice: null,
  generation: 0,
  showSetup() {
    keepToken(null);
    set({ status: 'needs-owner', token: null, user: null, notice: null });
  },
  showLogin(notice = null) {
    keepToken(null);
    set({ status: 'signed-out', token: null, user: null, notice });
  },
  signIn({ token, user, idleTimeoutMinutes }) {
    keepToken(token);
    // Unlocking as the same user resumes where they were; anything else is a new session.
    const resumed = get().status === 'locked' && get().user?.id === user.id;
    set({
      status: 'signed-in',
      token,
      user,
      idleTimeoutMinutes,
      notice: null,
      generation: get().generation + (resumed ? 0 : 1),
    });
  },
  updateUser(user, idleTimeoutMinutes) {
    set({ user, idleTimeoutMinutes });
  },
  setIdleTimeout(minutes) {
    set({ idleTimeoutMinutes: minutes });
  },
  lock(notice) {
    if (!get().user) return get().signOut(notice);
    keepToken(null);
    set({ status: 'locked', token: null, notice });
  },
  signOut(notice = null) {
    keepToken(null);
    set({ status: 'signed-out', token: null, user: null, notice });
  },
  restart(notice = null) {
    keepToken(null);
    set({ status: 'booting', token: null, user: null, notice });
  },
}));

/** The signed-in user's permissions (empty when nobody is signed in). */
export function usePermissions(): readonly Permission[] {
  return useSessionStore((state) => state.user?.permissions ?? EMPTY);
}
const EMPTY: readonly Permission[] = [];

export function useCan(permission: Permission): boolean {
  return useSessionStore((state) => state.user?.permissions.includes(permission) ?? false);
}
