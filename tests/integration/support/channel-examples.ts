import type { Channel, ChannelInput } from '../../../shared/contract/index';
import type { DefaultRoleKey } from '../../../shared/domain/permissions';
import { OWNER_USERNAME, PASSWORD, unwrap, type Signed, type TestCore } from './core-fixture';

/** Ids and names an example input may point at; made by the fixture that runs the examples. */
export type ExampleContext = {
  /** The password of every fixture user (so a password change can keep it). */
  password: string;
  ownerUsername: string;
  /** A cashier nobody signs in as, safe to rename and disable. */
  victimUserId: string;
  cashierRoleId: string;
  /** A custom (non-system) role, safe to change. */
  customRoleId: string;
  /** A backup in the backups folder. */
  backupFileName: string;
};

/**
 * One valid input per channel. The mapped type makes a new channel without an example a type error.
 * Examples are written to be repeatable on the same database (a second run may answer CONFLICT, never
 * VALIDATION) and not to lock anyone out: the password change keeps the password, logout ends only the
 * caller's own session, the disabled user is nobody's login.
 */
export const channelExamples: { [C in Channel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'setup.status': () => ({}),
  'setup.owner.create': (ctx) => ({
    name: 'Pemilik Kedua',
    username: 'pemilik.kedua',
    password: ctx.password,
    branchName: 'Cabang Bogor',
  }),
  'auth.session.login': (ctx) => ({ username: ctx.ownerUsername, password: ctx.password }),
  'auth.session.logout': () => ({}),
  'auth.session.me': () => ({}),
  'auth.password.change': (ctx) => ({ currentPassword: ctx.password, newPassword: ctx.password }),
  'users.list': () => ({ search: 'a' }),
  'users.create': (ctx) => ({
    username: 'kasir.contoh',
    name: 'Kasir Contoh',
    password: ctx.password,
    roleId: ctx.cashierRoleId,
  }),
  'users.update': (ctx) => ({ id: ctx.victimUserId, name: 'Korban Berganti Nama' }),
  'users.disable': (ctx) => ({ id: ctx.victimUserId }),
  'roles.list': () => ({}),
  'roles.create': () => ({ name: 'Peran Contoh', permissions: ['reports.view'] }),
  'roles.update': (ctx) => ({ id: ctx.customRoleId, permissions: ['reports.view', 'dashboard.view'] }),
  'audit.log.list': () => ({ limit: 5 }),
  'audit.log.verify': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ branchPhone: '021-7654321', idleTimeoutMinutes: 45 }),
  'backup.create': () => ({}),
  'backup.list': () => ({}),
  'backup.restore': (ctx) => ({ fileName: ctx.backupFileName }),
  'system.info': () => ({}),
  'sync.status': () => ({}),
};

/** Sets up what the examples point at: one signed-in user per default role, a victim, a custom role, a backup. */
export async function prepareExamples(
  t: TestCore,
): Promise<{ ctx: ExampleContext; signed: Record<DefaultRoleKey, Signed> }> {
  const signed = await t.loginAll();
  const owner = signed.owner.token;
  const cashierRoleId = await t.roleId('cashier');
  const victim = unwrap(
    await t.call(
      'users.create',
      { username: 'korban', name: 'Kasir Korban', password: PASSWORD, roleId: cashierRoleId },
      owner,
    ),
  );
  const role = unwrap(
    await t.call('roles.create', { name: 'Peran Khusus', permissions: ['reports.view'] }, owner),
  );
  const backup = unwrap(await t.call('backup.create', {}, owner));
  return {
    signed,
    ctx: {
      password: PASSWORD,
      ownerUsername: OWNER_USERNAME,
      victimUserId: victim.id,
      cashierRoleId,
      customRoleId: role.id,
      backupFileName: backup.fileName,
    },
  };
}
