import type { ChannelOutput } from '../../../../shared/contract/index';
import { call, type CallOutcome } from '../../app/errors/call';
import { notify } from '../../app/errors/notifier-store';
import { useRouteStore } from '../../app/navigation/route-store';
import { translateNow } from '../../app/i18n/translate';
import { setCallState } from '../../ipc/invoke';
import { storedToken, useSessionStore } from './session-store';

type Login = ChannelOutput<'auth.session.login'>;

/**
 * Start-up: resume the session this window had before a reload, else ask the core whether it still
 * needs its first owner (wizard) or not (login).
 */
export async function bootSession(): Promise<void> {
  const session = useSessionStore.getState();
  const notice = session.notice;
  const token = storedToken();
  if (token) {
    setCallState({ token });
    const me = await call('auth.session.me', {}, { quiet: true });
    if (me.ok) {
      useRouteStore.getState().navigate('dashboard');
      session.signIn({ token, user: me.data.user, idleTimeoutMinutes: me.data.idleTimeoutMinutes });
      return;
    }
    setCallState({ token: null });
  }
  const status = await call('setup.status', {});
  if (status.ok && status.data.needsOwner) session.showSetup();
  else session.showLogin(notice);
}

/** Signs in; on success the shell appears. Wrong credentials come back as a snackbar from the core. */
export async function signIn(username: string, password: string): Promise<CallOutcome<Login>> {
  const result = await call('auth.session.login', { username, password }, { form: ['username', 'password'] });
  if (result.ok) {
    useRouteStore.getState().navigate('dashboard');
    useSessionStore.getState().signIn(result.data);
  }
  return result;
}

/** First run: creates the branch and its owner, then signs the owner in. */
export async function createOwner(input: {
  name: string;
  username: string;
  password: string;
  branchName: string;
}): Promise<CallOutcome<Login>> {
  const created = await call('setup.owner.create', input, {
    form: ['name', 'username', 'password', 'branchName'],
  });
  if (!created.ok) return created;
  const signedIn = await signIn(input.username, input.password);
  // The owner exists now, so the wizard cannot be repeated: the login screen is the way on.
  if (!signedIn.ok) useSessionStore.getState().showLogin();
  return signedIn;
}

/** The lock screen: the same user's password opens a fresh session. */
export async function unlock(password: string): Promise<CallOutcome<Login>> {
  const user = useSessionStore.getState().user;
  if (!user) {
    useSessionStore.getState().signOut();
    return { ok: false, code: 'UNAUTHENTICATED', fields: {} };
  }
  const result = await call(
    'auth.session.login',
    { username: user.username, password },
    { form: ['password'] },
  );
  if (result.ok) useSessionStore.getState().signIn(result.data);
  return result;
}

export async function signOut(): Promise<void> {
  await call('auth.session.logout', {}, { quiet: true });
  useSessionStore.getState().signOut(translateNow('session.signedOut'));
}

/** The idle timer ran out: end the session in the core too, then show the lock screen at once. */
export function lockForInactivity(): void {
  const session = useSessionStore.getState();
  // invoke captures the token synchronously, so the logout still carries it after lock() drops it.
  void call('auth.session.logout', {}, { quiet: true });
  session.lock(translateNow('lock.idle', { minutes: session.idleTimeoutMinutes }));
}

export async function changeOwnPassword(
  currentPassword: string,
  newPassword: string,
): Promise<CallOutcome<{ ok: true }>> {
  const result = await call(
    'auth.password.change',
    { currentPassword, newPassword },
    { form: ['currentPassword', 'newPassword'] },
  );
  if (result.ok) notify(translateNow('password.changed'), 'success');
  return result;
}
