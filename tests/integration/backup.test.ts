import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/database';
import { codeOf, openTestCore, PASSWORD, unwrap, useTestCores, type TestCore } from './support/core-fixture';

useTestCores();

function openReadonly(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

function usernamesIn(file: string): string[] {
  const db = openReadonly(file);
  try {
    return db.prepare('SELECT username FROM users ORDER BY username').pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function createCashier(t: TestCore, token: string, username: string) {
  return unwrap(
    await t.call(
      'users.create',
      { username, name: username, password: PASSWORD, roleId: await t.roleId('cashier') },
      token,
    ),
  );
}

describe('backup.create', () => {
  it('makes a whole, openable copy while the app keeps writing', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    // A few megabytes, so the online copy takes many steps and the writes below land between them.
    const sqlite = t.core.deps.store.sqlite;
    const fill = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) fill.run(`filler-${i}`, 'x'.repeat(200));
    })();

    const backup = t.call('backup.create', {}, owner.token);
    const writes = Array.from({ length: 20 }, (_, i) =>
      t.call('settings.update', { branchAddress: `Jl. Raya No. ${i}` }, owner.token),
    );
    const [made, ...written] = await Promise.all([backup, ...writes]);
    expect(written.map(codeOf)).toEqual(written.map(() => 'ok'));
    const file = unwrap(made);
    expect(file.fileName).toMatch(/^gerai-\d{8}-\d{6}-[A-Z0-9]{4}\.db$/);

    const path = join(t.dataDir, 'backups', file.fileName);
    expect(file.bytes).toBe(readFileSync(path).length);
    const copy = openReadonly(path);
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(copy.prepare("SELECT count(*) FROM meta WHERE key LIKE 'filler-%'").pluck().get()).toBe(20_000);
      expect(copy.prepare('SELECT username FROM users').pluck().all()).toEqual(['pemilik']);
    } finally {
      copy.close();
    }
    expect(unwrap(await t.call('settings.get', {}, owner.token)).branchAddress).toBe('Jl. Raya No. 19');
    expect(unwrap(await t.call('backup.list', {}, owner.token)).map((b) => b.fileName)).toEqual([
      file.fileName,
    ]);
  });
});

describe('backup.restore', () => {
  it('refuses file names that are not a plain backup name', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    for (const fileName of [
      '../gerai.db',
      'backups/x.db',
      'gerai.sqlite',
      '',
      '.db',
      'a b.db',
      `${'a'.repeat(121)}.db`,
    ]) {
      const answer = await t.call('backup.restore', { fileName }, owner.token);
      expect(answer, fileName).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { fileName: expect.any(String) } },
      });
    }
    expect(codeOf(await t.call('backup.restore', { fileName: 'tidak-ada.db' }, owner.token))).toBe(
      'VALIDATION',
    );
    expect(existsSync(join(t.dataDir, 'restore-pending.json'))).toBe(false);
  });

  it('restores a good backup at the next start and keeps the previous database aside', async () => {
    const restart = vi.fn();
    const t = await openTestCore({ core: { onRestartRequested: restart } });
    const owner = await t.setupOwner();
    await createCashier(t, owner.token, 'sebelum.backup');
    const backup = unwrap(await t.call('backup.create', {}, owner.token));
    t.clock.advance(60_000);
    await createCashier(t, owner.token, 'setelah.backup');

    expect(unwrap(await t.call('backup.restore', { fileName: backup.fileName }, owner.token))).toEqual({
      restartRequired: true,
    });
    expect(restart).toHaveBeenCalledWith('restore');
    // Nothing changes until the restart.
    expect(unwrap(await t.call('users.list', {}, owner.token)).map((u) => u.username)).toContain(
      'setelah.backup',
    );

    await t.reopen();
    const usernames = unwrap(await t.call('users.list', {}, owner.token)).map((u) => u.username);
    expect(usernames).toContain('sebelum.backup');
    expect(usernames).not.toContain('setelah.backup');
    expect(unwrap(await t.call('audit.log.verify', {}, owner.token)).ok).toBe(true);

    const aside = readdirSync(t.dataDir).filter((name) => name.startsWith('before-restore-'));
    expect(aside).toHaveLength(1);
    expect(usernamesIn(join(t.dataDir, aside[0]!, 'gerai.db'))).toContain('setelah.backup');
    expect(existsSync(join(t.dataDir, 'restore-pending.json'))).toBe(false);

    // The restore happens once: what is written afterwards survives the next restart.
    await createCashier(t, owner.token, 'sesudah.restore');
    await t.reopen();
    expect(unwrap(await t.call('users.list', {}, owner.token)).map((u) => u.username)).toContain(
      'sesudah.restore',
    );
  });

  it('refuses a file in the backups folder that is not a whole Gerai database', async () => {
    const restart = vi.fn();
    const t = await openTestCore({ core: { onRestartRequested: restart } });
    const owner = await t.setupOwner();
    const good = unwrap(await t.call('backup.create', {}, owner.token));
    const dir = join(t.dataDir, 'backups');

    writeFileSync(join(dir, 'bukan-sqlite.db'), 'ini bukan basis data, hanya teks biasa'.repeat(200));
    copyFileSync(join(dir, good.fileName), join(dir, 'terpotong.db'));
    truncateSync(join(dir, 'terpotong.db'), 8192);
    const foreign = new Database(join(dir, 'asing.db'));
    foreign.exec('CREATE TABLE catatan (isi TEXT)');
    foreign.close();
    const newer = new Database(join(dir, 'lebih-baru.db'));
    newer.exec('CREATE TABLE users (id TEXT)');
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    newer.close();

    for (const fileName of ['bukan-sqlite.db', 'terpotong.db', 'asing.db', 'lebih-baru.db']) {
      const answer = await t.call('backup.restore', { fileName }, owner.token);
      expect(answer, fileName).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(restart).not.toHaveBeenCalled();
    expect(existsSync(join(t.dataDir, 'restore-pending.json'))).toBe(false);
    await t.reopen();
    expect(codeOf(await t.call('auth.session.me', {}, owner.token))).toBe('ok');
  });

  it('still starts on the current database if the scheduled backup was damaged before the restart', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const backup = unwrap(await t.call('backup.create', {}, owner.token));
    await createCashier(t, owner.token, 'tetap.ada');
    unwrap(await t.call('backup.restore', { fileName: backup.fileName }, owner.token));
    writeFileSync(join(t.dataDir, 'backups', backup.fileName), 'rusak');

    await t.reopen();
    expect(unwrap(await t.call('users.list', {}, owner.token)).map((u) => u.username)).toContain('tetap.ada');
    expect(existsSync(join(t.dataDir, 'restore-pending.json'))).toBe(false);
    expect(readdirSync(t.dataDir).some((name) => name.startsWith('before-restore-'))).toBe(false);
  });
});
