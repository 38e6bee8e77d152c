import type { User } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import { endSessionsOfUser, requireSession } from '../auth/auth.service';
import { hashPassword } from '../auth/password';
import type { HandlerContext } from '../context';
import type { UserRow } from '../db/schema';
import { AppError, notFound } from '../platform/errors';
import { findRoleById } from '../roles/roles.service';
import { toUser } from './users.mapper';
import { countActiveOwners, findUserById, findUserByUsername, selectUsersWithRole } from './users.repository';

const USER = { id: 'Pengguna', en: 'User' };

export async function listUsers(ctx: HandlerContext, input: ParsedInput<'users.list'>): Promise<User[]> {
  let query = selectUsersWithRole(ctx.db).orderBy('users.name');
  const search = input.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('users.name', 'like', eb.val(like)), eb('users.username', 'like', eb.val(like))]),
    );
  }
  return (await query.execute()).map(toUser);
}

async function requireRole(ctx: HandlerContext, roleId: string) {
  const role = await findRoleById(ctx.db, roleId);
  if (!role) {
    throw new AppError('VALIDATION', { id: 'Peran tidak ditemukan.', en: 'Role not found.' }, { fields: { roleId: 'unknown role' } });
  }
  return role;
}

async function requireUser(ctx: HandlerContext, id: string) {
  const user = await findUserById(ctx.db, id);
  if (!user) throw notFound(USER);
  return user;
}

export async function createUser(ctx: HandlerContext, input: ParsedInput<'users.create'>): Promise<User> {
  await requireRole(ctx, input.roleId);
  if (await findUserByUsername(ctx.db, input.username)) {
    throw new AppError(
      'CONFLICT',
      { id: `Nama pengguna "${input.username}" sudah dipakai.`, en: `Username "${input.username}" is taken.` },
      { fields: { username: 'taken' } },
    );
  }
  const row = await ctx.writer.insert(ctx.db, 'users', {
    username: input.username,
    name: input.name,
    password_hash: await hashPassword(input.password),
    role_id: input.roleId,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
    pin_hash: null,
  });
  const user = toUser((await findUserById(ctx.db, row.id))!);
  await ctx.audit({ entity: 'user', entityId: user.id, before: null, after: user });
  return user;
}

/** Guards the rule that a branch always keeps one active owner who can sign in. */
async function assertKeepsAnOwner(ctx: HandlerContext, userId: string) {
  if ((await countActiveOwners(ctx.db, userId)) === 0) {
    throw new AppError('CONFLICT', {
      id: 'Harus ada setidaknya satu pemilik yang aktif.',
      en: 'There must be at least one active owner.',
    });
  }
}

export async function updateUser(ctx: HandlerContext, input: ParsedInput<'users.update'>): Promise<User> {
  const current = await requireUser(ctx, input.id);
  const before = toUser(current);
  const patch: Partial<Pick<UserRow, 'name' | 'role_id' | 'password_hash' | 'disabled' | 'failed_logins' | 'locked_until'>> = {};
  if (input.name !== undefined) patch.name = input.name;
  if (input.roleId !== undefined && input.roleId !== current.role_id) {
    await requireRole(ctx, input.roleId);
    if (current.role_key === 'owner') await assertKeepsAnOwner(ctx, current.id);
    patch.role_id = input.roleId;
  }
  if (input.password !== undefined) patch.password_hash = await hashPassword(input.password);
  if (input.disabled !== undefined) {
    if (input.disabled && ctx.session?.user.id === current.id) {
      throw new AppError('CONFLICT', { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot disable your own account.' });
    }
    if (input.disabled && current.role_key === 'owner') await assertKeepsAnOwner(ctx, current.id);
    patch.disabled = input.disabled ? 1 : 0;
  }
  if (input.unlock) {
    patch.failed_logins = 0;
    patch.locked_until = null;
  }
  await ctx.writer.update(ctx.db, 'users', current.id, patch);
  if (patch.disabled === 1 || patch.password_hash !== undefined) {
    await endSessionsOfUser(ctx.db, current.id, ctx.clock.now(), patch.disabled === 1 ? 'disabled' : 'password reset');
    const reason = patch.disabled === 1 ? 'disabled' : 'password';
    ctx.afterCommit(() => ctx.events.emit('session.ended', { reason, userId: current.id }));
  }
  const after = toUser((await findUserById(ctx.db, current.id))!);
  await ctx.audit({
    entity: 'user',
    entityId: current.id,
    before,
    after: { ...after, ...(input.password !== undefined ? { passwordReset: true } : {}) },
  });
  return after;
}

export async function disableUser(ctx: HandlerContext, input: ParsedInput<'users.disable'>): Promise<User> {
  const session = requireSession(ctx);
  if (session.user.id === input.id) {
    throw new AppError('CONFLICT', { id: 'Anda tidak dapat menonaktifkan akun sendiri.', en: 'You cannot disable your own account.' });
  }
  return updateUser(ctx, { id: input.id, disabled: true });
}
