import { describe, expect, it } from 'vitest';
import {
  codeOf,
  openTestCore,
  OWNER_USERNAME,
  PASSWORD,
  unwrap,
  useTestCores,
  type TestCore,
} from './support/core-fixture';

useTestCores();

const MINUTE = 60_000;

function userRow(t: TestCore, username: string) {
  return t.core.deps.store.sqlite.prepare('SELECT * FROM users WHERE username = ?').get(username) as {
    id: string;
    password_hash: string;
    failed_logins: number;
    locked_until: number | null;
  };
}

async function wrongLogin(t: TestCore, username = OWNER_USERNAME) {
  return t.call('auth.session.login', { username, password: 'bukan-kata-sandinya' });
}

describe('first-run setup', () => {
  it('creates the owner once; a second attempt is a CONFLICT and adds nobody', async () => {
    const t = await openTestCore();
    expect(unwrap(await t.call('setup.status', {}))).toEqual({ needsOwner: true });
    const owner = await t.setupOwner();
    expect(unwrap(await t.call('setup.status', {}))).toEqual({ needsOwner: false });
    const me = unwrap(await t.call('auth.session.me', {}, owner.token));
    expect(me.user).toMatchObject({ username: OWNER_USERNAME, roleName: 'Pemilik' });
    expect(me.user.permissions).toContain('backup.manage');

    const again = await t.call('setup.owner.create', {
      name: 'Penyusup',
      username: 'penyusup',
      password: PASSWORD,
      branchName: 'Cabang Palsu',
    });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(codeOf(await t.call('auth.session.login', { username: 'penyusup', password: PASSWORD }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(unwrap(await t.call('users.list', {}, owner.token))).toHaveLength(1);
    expect(unwrap(await t.call('settings.get', {}, owner.token)).branchName).toBe('Cabang Depok');
  });
});

describe('login and logout', () => {
  it('signs in with the right password (username case-insensitive) and out again', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    const answer = unwrap(await t.call('auth.session.login', { username: '  PEMILIK ', password: PASSWORD }));
    expect(answer.user.username).toBe(OWNER_USERNAME);
    expect(answer.idleTimeoutMinutes).toBe(30);
    expect(codeOf(await t.call('auth.session.me', {}, answer.token))).toBe('ok');

    unwrap(await t.call('auth.session.logout', {}, answer.token));
    expect(codeOf(await t.call('auth.session.me', {}, answer.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.call('auth.session.logout', {}, answer.token))).toBe('UNAUTHENTICATED');
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    const unknown = await t.call('auth.session.login', { username: 'siapa', password: PASSWORD });
    const wrong = await wrongLogin(t);
    expect(unknown).toEqual(wrong);
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
  });

  it('logging out ends only that session', async () => {
    const t = await openTestCore();
    const first = await t.setupOwner();
    const second = await t.login(OWNER_USERNAME);
    unwrap(await t.call('auth.session.logout', {}, first.token));
    expect(codeOf(await t.call('auth.session.me', {}, first.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.call('auth.session.me', {}, second.token))).toBe('ok');
  });
});

describe('lockout', () => {
  it('locks after five wrong passwords, refuses the right one for five minutes, then lets it in', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    for (let i = 1; i <= 4; i++) expect(codeOf(await wrongLogin(t)), `attempt ${i}`).toBe('UNAUTHENTICATED');
    const fifth = await wrongLogin(t);
    expect(codeOf(fifth)).toBe('LOCKED');
    if (!fifth.ok) expect(fifth.error.message).toMatch(/ in 5 minutes\./);

    t.clock.advance(4 * MINUTE);
    const stillLocked = await t.call('auth.session.login', { username: OWNER_USERNAME, password: PASSWORD });
    expect(codeOf(stillLocked)).toBe('LOCKED');
    if (!stillLocked.ok) expect(stillLocked.error.message).toMatch(/ in 1 minutes\./);

    t.clock.advance(MINUTE - 1);
    expect(codeOf(await t.call('auth.session.login', { username: OWNER_USERNAME, password: PASSWORD }))).toBe(
      'LOCKED',
    );

    t.clock.advance(1);
    expect(codeOf(await t.call('auth.session.login', { username: OWNER_USERNAME, password: PASSWORD }))).toBe(
      'ok',
    );
    expect(userRow(t, OWNER_USERNAME)).toMatchObject({ failed_logins: 0, locked_until: null });
  });

  it('keeps the failed-attempt count across a restart (the refusal commits it)', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    for (let i = 0; i < 3; i++) await wrongLogin(t);
    expect(userRow(t, OWNER_USERNAME).failed_logins).toBe(3);

    await t.reopen();
    expect(codeOf(await wrongLogin(t))).toBe('UNAUTHENTICATED');
    expect(codeOf(await wrongLogin(t))).toBe('LOCKED');
    await t.reopen();
    expect(codeOf(await t.call('auth.session.login', { username: OWNER_USERNAME, password: PASSWORD }))).toBe(
      'LOCKED',
    );
    expect(userRow(t, OWNER_USERNAME).locked_until).toBe(t.clock.now() + 5 * MINUTE);
  });

  it('a good login resets the count', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    for (let i = 0; i < 4; i++) await wrongLogin(t);
    await t.login(OWNER_USERNAME);
    for (let i = 0; i < 4; i++) expect(codeOf(await wrongLogin(t))).toBe('UNAUTHENTICATED');
  });

  it('an admin can unlock a locked account at once', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const cashier = await t.loginAs('cashier');
    for (let i = 0; i < 5; i++) await wrongLogin(t, cashier.username);
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: PASSWORD })),
    ).toBe('LOCKED');
    const listed = unwrap(await t.call('users.list', { search: cashier.username }, owner.token));
    expect(listed[0]!.lockedUntil).toBe(t.clock.now() + 5 * MINUTE);
    unwrap(await t.call('users.update', { id: cashier.userId, unlock: true }, owner.token));
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: PASSWORD })),
    ).toBe('ok');
  });
});

describe('idle sessions', () => {
  it('expires a session idle longer than the timeout: SESSION_EXPIRED once, then UNAUTHENTICATED', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    t.clock.advance(30 * MINUTE);
    expect(codeOf(await t.call('auth.session.me', {}, owner.token))).toBe('ok');
    t.clock.advance(30 * MINUTE + 1);
    expect(codeOf(await t.call('auth.session.me', {}, owner.token))).toBe('SESSION_EXPIRED');
    expect(codeOf(await t.call('auth.session.me', {}, owner.token))).toBe('UNAUTHENTICATED');
    const row = t.core.deps.store.sqlite
      .prepare('SELECT ended_at, end_reason FROM sessions WHERE user_id = ?')
      .get(owner.userId);
    expect(row).toEqual({ ended_at: t.clock.now(), end_reason: 'expired' });
  });

  it('activity keeps a session alive past the timeout', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    for (let i = 0; i < 6; i++) {
      t.clock.advance(20 * MINUTE);
      expect(codeOf(await t.call('settings.get', {}, owner.token)), `after ${(i + 1) * 20} min`).toBe('ok');
    }
  });

  it('follows the branch idle timeout setting', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    unwrap(await t.call('settings.update', { idleTimeoutMinutes: 5 }, owner.token));
    const cashier = await t.loginAs('cashier');
    expect(unwrap(await t.call('auth.session.me', {}, cashier.token)).idleTimeoutMinutes).toBe(5);
    t.clock.advance(5 * MINUTE + 1);
    expect(codeOf(await t.call('sync.status', {}, cashier.token))).toBe('SESSION_EXPIRED');
  });
});

describe('disabling users and the last owner', () => {
  it('disabling a user ends their sessions and refuses their login; re-enabling needs a new login', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const cashier = await t.loginAs('cashier');
    const cashierAgain = await t.login(cashier.username);
    const disabled = unwrap(await t.call('users.disable', { id: cashier.userId }, owner.token));
    expect(disabled.disabled).toBe(true);

    for (const token of [cashier.token, cashierAgain.token]) {
      expect(codeOf(await t.call('auth.session.me', {}, token))).toBe('UNAUTHENTICATED');
    }
    const reasons = t.core.deps.store.sqlite
      .prepare('SELECT end_reason FROM sessions WHERE user_id = ?')
      .pluck()
      .all(cashier.userId);
    expect(reasons).toEqual(['disabled', 'disabled']);
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: PASSWORD })),
    ).toBe('UNAUTHENTICATED');

    unwrap(await t.call('users.update', { id: cashier.userId, disabled: false }, owner.token));
    expect(codeOf(await t.call('auth.session.me', {}, cashier.token))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: PASSWORD })),
    ).toBe('ok');
  });

  it('refuses to disable or demote the last active owner, by any route', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const managerRole = await t.roleId('manager');
    const ownerRole = await t.roleId('owner');
    // Someone other than the owner who may manage users.
    const admin = unwrap(
      await t.call('roles.create', { name: 'Admin Pengguna', permissions: ['users.manage'] }, owner.token),
    );
    unwrap(
      await t.call(
        'users.create',
        { username: 'admin1', name: 'Admin', password: PASSWORD, roleId: admin.id },
        owner.token,
      ),
    );
    const adminToken = (await t.login('admin1')).token;

    expect(codeOf(await t.call('users.disable', { id: owner.userId }, adminToken))).toBe('CONFLICT');
    expect(codeOf(await t.call('users.update', { id: owner.userId, disabled: true }, adminToken))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await t.call('users.update', { id: owner.userId, roleId: managerRole }, adminToken))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await t.call('users.update', { id: owner.userId, disabled: true }, owner.token))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await t.call('users.update', { id: owner.userId, roleId: managerRole }, owner.token))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await t.call('users.disable', { id: owner.userId }, owner.token))).toBe('CONFLICT');
    expect(codeOf(await t.call('auth.session.me', {}, owner.token))).toBe('ok');

    // With a second owner the first may step down; then the second is the last one.
    const second = unwrap(
      await t.call(
        'users.create',
        { username: 'pemilik2', name: 'Pak Budi', password: PASSWORD, roleId: ownerRole },
        owner.token,
      ),
    );
    unwrap(await t.call('users.update', { id: owner.userId, roleId: managerRole }, owner.token));
    expect(codeOf(await t.call('users.disable', { id: second.id }, adminToken))).toBe('CONFLICT');
    const users = unwrap(await t.call('users.list', {}, (await t.login('pemilik2')).token));
    expect(users.find((u) => u.id === second.id)).toMatchObject({ roleName: 'Pemilik', disabled: false });
  });
});

describe('passwords', () => {
  it('changes the own password: the old one stops working, the new one works', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const wrong = await t.call(
      'auth.password.change',
      { currentPassword: 'bukan-ini', newPassword: 'Sandi-Baru-2030' },
      owner.token,
    );
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } },
    });
    expect(
      codeOf(
        await t.call(
          'auth.password.change',
          { currentPassword: PASSWORD, newPassword: 'pendek' },
          owner.token,
        ),
      ),
    ).toBe('VALIDATION');
    unwrap(
      await t.call(
        'auth.password.change',
        { currentPassword: PASSWORD, newPassword: 'Sandi-Baru-2030' },
        owner.token,
      ),
    );
    expect(codeOf(await t.call('auth.session.login', { username: OWNER_USERNAME, password: PASSWORD }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      codeOf(await t.call('auth.session.login', { username: OWNER_USERNAME, password: 'Sandi-Baru-2030' })),
    ).toBe('ok');
  });

  it('an admin reset ends the user’s sessions and sets the new password', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const cashier = await t.loginAs('cashier');
    unwrap(await t.call('users.update', { id: cashier.userId, password: 'Direset-2030' }, owner.token));
    expect(codeOf(await t.call('auth.session.me', {}, cashier.token))).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: PASSWORD })),
    ).toBe('UNAUTHENTICATED');
    expect(
      codeOf(await t.call('auth.session.login', { username: cashier.username, password: 'Direset-2030' })),
    ).toBe('ok');
  });

  it('stores scrypt hashes with a salt per user: the same password hashes differently', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    unwrap(
      await t.call(
        'users.create',
        { username: 'kembar', name: 'Kembar', password: PASSWORD, roleId: await t.roleId('cashier') },
        owner.token,
      ),
    );
    const a = userRow(t, OWNER_USERNAME).password_hash;
    const b = userRow(t, 'kembar').password_hash;
    const format = /^scrypt\$16384\$8\$1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{86}==)$/;
    const [, saltA, hashA] = format.exec(a) ?? [];
    const [, saltB, hashB] = format.exec(b) ?? [];
    expect(saltA).toBeDefined();
    expect(saltB).toBeDefined();
    expect(saltA).not.toBe(saltB);
    expect(hashA).not.toBe(hashB);
    expect(a).not.toContain(PASSWORD);
  });
});
