import { createHash } from 'node:crypto';
import { CompiledQuery, sql, type InferResult, type Kysely } from 'kysely';
import type { ChannelOutput } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import type { HandlerContext, Session } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../platform/errors';
import { randomToken, uuidv7 } from '../platform/ids';
import { DEFAULT_IDLE_MINUTES, idleTimeoutMinutes } from '../settings/settings.service';
import { toSessionUser } from '../users/users.mapper';
import { findUserById, findUserByUsername, selectUsersWithRole } from '../users/users.repository';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MS = 5 * 60 * 1000;
/** last_seen_at is refreshed at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 15 * 1000;

const WRONG_CREDENTIALS = new AppError(
  'UNAUTHENTICATED',
  { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  { commit: true },
);

function lockedError(until: number, now: number) {
  const minutes = Math.max(1, Math.ceil((until - now) / 60000));
  return new AppError(
    'LOCKED',
    {
      id: `Akun dikunci karena terlalu banyak percobaan gagal. Coba lagi dalam ${minutes} menit.`,
      en: `The account is locked after too many failed attempts. Try again in ${minutes} minutes.`,
    },
    { commit: true },
  );
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Checks the password; five failures in a row lock the account for five minutes. */
export async function login(ctx: HandlerContext, input: ParsedInput<'auth.session.login'>): Promise<ChannelOutput<'auth.session.login'>> {
  const now = ctx.clock.now();
  const user = await findUserByUsername(ctx.db, input.username);
  if (!user || user.disabled === 1) {
    await verifyPassword(input.password, DUMMY_HASH);
    await ctx.audit({ entity: 'session', entityId: null, before: null, after: { username: input.username, result: 'rejected' } });
    throw WRONG_CREDENTIALS;
  }
  if (user.locked_until !== null && user.locked_until > now) throw lockedError(user.locked_until, now);

  if (!(await verifyPassword(input.password, user.password_hash))) {
    const failed = user.failed_logins + 1;
    const locks = failed >= MAX_FAILED_LOGINS;
    await ctx.writer.update(ctx.db, 'users', user.id, {
      failed_logins: locks ? 0 : failed,
      locked_until: locks ? now + LOCK_MS : null,
    });
    await ctx.audit({
      entity: 'session',
      entityId: null,
      before: null,
      after: { username: user.username, result: locks ? 'locked' : 'wrong password', failedAttempts: failed },
    });
    throw locks ? lockedError(now + LOCK_MS, now) : WRONG_CREDENTIALS;
  }

  await ctx.writer.update(ctx.db, 'users', user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
  const token = randomToken();
  const sessionId = uuidv7(now);
  await ctx.db
    .insertInto('sessions')
    .values({ id: sessionId, token_hash: hashToken(token), user_id: user.id, created_at: now, last_seen_at: now, ended_at: null, end_reason: null })
    .execute();
  const sessionUser = toSessionUser(user);
  const idle = await idleTimeoutMinutes(ctx.db);
  ctx.session = { sessionId, user: sessionUser, idleTimeoutMinutes: idle };
  await ctx.audit({ entity: 'session', entityId: sessionId, before: null, after: { username: user.username, result: 'signed in' } });
  return { token, user: sessionUser, idleTimeoutMinutes: idle };
}

export async function logout(ctx: HandlerContext): Promise<{ ok: true }> {
  const session = requireSession(ctx);
  await endSession(ctx.db, session.sessionId, ctx.clock.now(), 'logout');
  ctx.afterCommit(() => ctx.events.emit('session.ended', { reason: 'logout', userId: session.user.id }));
  await ctx.audit({ entity: 'session', entityId: session.sessionId, before: null, after: { result: 'signed out' } });
  return { ok: true };
}

export async function me(ctx: HandlerContext): Promise<ChannelOutput<'auth.session.me'>> {
  const session = requireSession(ctx);
  return { user: session.user, idleTimeoutMinutes: session.idleTimeoutMinutes };
}

export async function changePassword(ctx: HandlerContext, input: ParsedInput<'auth.password.change'>): Promise<{ ok: true }> {
  const session = requireSession(ctx);
  const user = await findUserById(ctx.db, session.user.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new AppError(
      'VALIDATION',
      { id: 'Kata sandi sekarang salah.', en: 'The current password is wrong.' },
      { fields: { currentPassword: 'wrong password' } },
    );
  }
  await ctx.writer.update(ctx.db, 'users', user.id, { password_hash: await hashPassword(input.newPassword) });
  // Other sessions of this user (another till, a forgotten browser) end; this one goes on.
  await ctx.db
    .updateTable('sessions')
    .set({ ended_at: ctx.clock.now(), end_reason: 'password changed' })
    .where('user_id', '=', user.id)
    .where('id', '!=', session.sessionId)
    .where('ended_at', 'is', null)
    .execute();
  ctx.afterCommit(() => ctx.events.emit('session.ended', { reason: 'password', userId: user.id }));
  await ctx.audit({ entity: 'user', entityId: user.id, before: null, after: { passwordChanged: true } });
  return { ok: true };
}

export function requireSession(ctx: { session: Session | null }): Session {
  if (!ctx.session) {
    throw new AppError('UNAUTHENTICATED', { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' });
  }
  return ctx.session;
}

export async function endSession(db: Kysely<DB>, sessionId: string, now: number, reason: string) {
  await db.updateTable('sessions').set({ ended_at: now, end_reason: reason }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function endSessionsOfUser(db: Kysely<DB>, userId: string, now: number, reason: string) {
  await db.updateTable('sessions').set({ ended_at: now, end_reason: reason }).where('user_id', '=', userId).where('ended_at', 'is', null).execute();
}

/**
 * The session behind a bearer token, or an error: none or ended → UNAUTHENTICATED, idle longer than
 * the branch's timeout → SESSION_EXPIRED (and the session is ended), user disabled → UNAUTHENTICATED.
 */
function sessionLookup(db: Kysely<DB>, tokenHash: string) {
  return selectUsersWithRole(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at',
      'sessions.ended_at',
      sql<number | null>`(SELECT idle_timeout_minutes FROM branches WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1)`.as('idle'),
    ])
    .where('sessions.token_hash', '=', tokenHash);
}
type SessionLookupRow = InferResult<ReturnType<typeof sessionLookup>>[number];
/** The lookup runs on every call: compiled once (its only parameter is the token hash), then reused. */
let compiledLookup: CompiledQuery | null = null;

export async function resolveSession(db: Kysely<DB>, token: string, now: number): Promise<Session> {
  if (!compiledLookup) {
    compiledLookup = sessionLookup(db, '').compile();
    if (compiledLookup.parameters.length !== 1) throw new Error('session lookup must take exactly one parameter');
  }
  const result = await db.executeQuery<SessionLookupRow>(CompiledQuery.raw(compiledLookup.sql, [hashToken(token)]));
  const row = result.rows[0];
  if (!row || row.ended_at !== null) {
    throw new AppError('UNAUTHENTICATED', { id: 'Sesi tidak berlaku. Silakan masuk lagi.', en: 'Your session is not valid. Please sign in again.' });
  }
  const idle = row.idle ?? DEFAULT_IDLE_MINUTES;
  if (now - row.last_seen_at > idle * 60_000) {
    await endSession(db, row.session_id, now, 'expired');
    throw new AppError('SESSION_EXPIRED', {
      id: 'Sesi berakhir karena tidak ada aktivitas. Masukkan kata sandi untuk melanjutkan.',
      en: 'Your session ended after inactivity. Enter your password to continue.',
    });
  }
  if (row.disabled === 1) {
    await endSession(db, row.session_id, now, 'disabled');
    throw new AppError('UNAUTHENTICATED', { id: 'Akun ini dinonaktifkan.', en: 'This account is disabled.' });
  }
  if (now - row.last_seen_at > TOUCH_EVERY_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.session_id).execute();
  }
  return { sessionId: row.session_id, user: toSessionUser(row), idleTimeoutMinutes: idle };
}
