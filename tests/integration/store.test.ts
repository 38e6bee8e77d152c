import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/core';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/database';
import { manualClock } from '../../electron/core/platform/clock';
import { AppError } from '../../electron/core/platform/errors';
import { parseHlc } from '../../electron/core/platform/hlc';
import {
  makeTempDir,
  openTestCore,
  PASSWORD,
  START_MS,
  unwrap,
  useTestCores,
  type TestCore,
} from './support/core-fixture';

useTestCores();

function count(t: TestCore, sql: string, ...params: unknown[]): number {
  return t.core.deps.store.sqlite
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

function fileDigest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('the SQLite store', () => {
  it('runs in WAL mode with foreign keys enforced', async () => {
    const t = await openTestCore();
    const sqlite = t.core.deps.store.sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    await t.setupOwner();
    expect(() =>
      sqlite
        .prepare('UPDATE users SET role_id = ? WHERE username = ?')
        .run('00000000-0000-7000-8000-000000000000', 'pemilik'),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps the device identity across restarts', async () => {
    const t = await openTestCore();
    const before = t.core.deps.device;
    await t.reopen();
    expect(t.core.deps.device).toEqual(before);
    expect(before.code).toMatch(/^[A-HJ-NP-Z2-9]{4}$/);
  });
});

describe('the outbox writer', () => {
  it('adds exactly one outbox entry per write, in the same transaction, with the row’s HLC', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    const { writer, store } = t.core.deps;
    const outboxBefore = count(t, 'SELECT count(*) FROM sync_outbox');

    const role = await store.db
      .transaction()
      .execute((trx) =>
        writer.insert(trx, 'roles', { key: null, name: 'Kurir', permissions: '[]', system: 0 }),
      );
    const entries = () =>
      t.core.deps.store.sqlite
        .prepare('SELECT * FROM sync_outbox WHERE row_id = ? ORDER BY seq')
        .all(role.id) as {
        table_name: string;
        op: string;
        hlc: string;
        payload: string;
      }[];
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore + 1);
    expect(entries()).toMatchObject([{ table_name: 'roles', op: 'insert', hlc: role.hlc }]);
    expect(JSON.parse(entries()[0]!.payload)).toMatchObject({ id: role.id, name: 'Kurir' });

    t.clock.advance(1000);
    await store.db
      .transaction()
      .execute((trx) => writer.update(trx, 'roles', role.id, { name: 'Kurir Motor' }));
    await store.db.transaction().execute((trx) => writer.softDelete(trx, 'roles', role.id));
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore + 3);
    const [, update, remove] = entries();
    const row = t.core.deps.store.sqlite.prepare('SELECT * FROM roles WHERE id = ?').get(role.id) as {
      name: string;
      hlc: string;
      deleted_at: number;
    };
    expect(update).toMatchObject({ op: 'update' });
    expect(JSON.parse(update!.payload)).toMatchObject({ name: 'Kurir Motor' });
    expect(remove).toMatchObject({ op: 'delete', hlc: row.hlc });
    expect(row).toMatchObject({ name: 'Kurir Motor', deleted_at: START_MS + 1000 });
    expect(update!.hlc < remove!.hlc).toBe(true);
  });

  it('writes several rows in one go with one outbox entry each, in order, with each row’s HLC', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    const { writer, store } = t.core.deps;
    const outboxBefore = count(t, 'SELECT count(*) FROM sync_outbox');
    const roles = await store.db.transaction().execute((trx) =>
      writer.insertMany(trx, 'roles', [
        { key: null, name: 'Kurir A', permissions: '[]', system: 0 },
        { key: null, name: 'Kurir B', permissions: '[]', system: 0 },
        { key: null, name: 'Kurir C', permissions: '[]', system: 0 },
      ]),
    );
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore + 3);
    const entries = store.sqlite
      .prepare(
        `SELECT row_id, op, hlc, payload FROM sync_outbox WHERE table_name = 'roles' ORDER BY seq DESC LIMIT 3`,
      )
      .all()
      .reverse() as { row_id: string; op: string; hlc: string; payload: string }[];
    expect(entries.map((e) => e.row_id)).toEqual(roles.map((r) => r.id));
    expect(entries.map((e) => e.hlc)).toEqual(roles.map((r) => r.hlc));
    expect(entries.every((e) => e.op === 'insert')).toBe(true);
    expect(roles[0]!.hlc < roles[1]!.hlc && roles[1]!.hlc < roles[2]!.hlc).toBe(true);
    expect(JSON.parse(entries[2]!.payload)).toMatchObject({ id: roles[2]!.id, name: 'Kurir C' });
    // A failing batch leaves nothing.
    await expect(
      store.db.transaction().execute((trx) =>
        writer.insertMany(trx, 'roles', [
          { key: null, name: 'Kurir D', permissions: '[]', system: 0 },
          { key: null, name: 'Kurir A', permissions: '[]', system: 0 },
        ]),
      ),
    ).rejects.toThrow();
    expect(count(t, "SELECT count(*) FROM roles WHERE name = 'Kurir D'")).toBe(0);
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore + 3);
  });

  it('leaves neither the row nor its outbox entry when the transaction fails after writing', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    const { writer, store } = t.core.deps;
    const outboxBefore = count(t, 'SELECT count(*) FROM sync_outbox');
    const rolesBefore = count(t, 'SELECT count(*) FROM roles');
    await expect(
      store.db.transaction().execute(async (trx) => {
        await writer.insert(trx, 'roles', { key: null, name: 'Hantu', permissions: '[]', system: 0 });
        throw new Error('something failed after the write');
      }),
    ).rejects.toThrow('something failed after the write');
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(outboxBefore);
    expect(count(t, 'SELECT count(*) FROM roles')).toBe(rolesBefore);
    expect(count(t, "SELECT count(*) FROM roles WHERE name = 'Hantu'")).toBe(0);
  });

  it('a channel that writes one row leaves one outbox entry for it; a refused one leaves none', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const before = count(t, 'SELECT count(*) FROM sync_outbox');
    const user = unwrap(
      await t.call(
        'users.create',
        { username: 'kasir.citra', name: 'Citra', password: PASSWORD, roleId: await t.roleId('cashier') },
        owner.token,
      ),
    );
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(before + 1);
    expect(
      count(t, "SELECT count(*) FROM sync_outbox WHERE table_name = 'users' AND row_id = ?", user.id),
    ).toBe(1);
    // A duplicate username is refused after validation: nothing written, no outbox entry.
    const again = await t.call(
      'users.create',
      { username: 'kasir.citra', name: 'Citra 2', password: PASSWORD, roleId: await t.roleId('cashier') },
      owner.token,
    );
    expect(again.ok).toBe(false);
    expect(count(t, 'SELECT count(*) FROM sync_outbox')).toBe(before + 1);
    expect(unwrap(await t.call('sync.status', {}, owner.token)).pendingChanges).toBe(before + 1);
  });

  it('stamps synced rows with hlc, origin device, created_at and updated_at', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const deviceId = t.core.deps.device.id;
    for (const table of ['branches', 'roles', 'users']) {
      const rows = t.core.deps.store.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<
        string,
        unknown
      >[];
      expect(rows.length, table).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, table).toMatchObject({
          origin_device: deviceId,
          created_at: START_MS,
          updated_at: START_MS,
          deleted_at: null,
        });
        expect(parseHlc(row.hlc as string).ms).toBe(START_MS);
      }
    }
    const branchBefore = t.core.deps.store.sqlite.prepare('SELECT * FROM branches').get() as { hlc: string };
    t.clock.advance(90_000);
    unwrap(await t.call('settings.update', { branchName: 'Cabang Cibubur' }, owner.token));
    const branchAfter = t.core.deps.store.sqlite.prepare('SELECT * FROM branches').get() as {
      hlc: string;
      created_at: number;
      updated_at: number;
    };
    expect(branchAfter).toMatchObject({ created_at: START_MS, updated_at: START_MS + 90_000 });
    expect(branchAfter.hlc > branchBefore.hlc).toBe(true);
  });

  it('continues the HLC after a restart even if the wall clock went back', async () => {
    const t = await openTestCore();
    const owner = await t.setupOwner();
    const last = t.core.deps.hlc.last();
    t.clock.set(START_MS - 3_600_000);
    await t.reopen();
    unwrap(await t.call('settings.update', { branchPhone: '0812' }, owner.token));
    const hlc = t.core.deps.store.sqlite.prepare('SELECT hlc FROM branches').pluck().get() as string;
    expect(hlc > last).toBe(true);
  });
});

describe('schema versions', () => {
  it('refuses a database written by a newer Gerai (SCHEMA_TOO_NEW) and leaves the file untouched', async () => {
    const dir = makeTempDir();
    try {
      const file = join(dir, 'gerai.db');
      const future = new Database(file);
      future.exec(
        "CREATE TABLE future_things (id TEXT PRIMARY KEY); INSERT INTO future_things VALUES ('a');",
      );
      future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
      future.close();
      const digest = fileDigest(file);

      const opening = createCore({ dataDir: dir, appVersion: 'test', clock: manualClock(START_MS) });
      await expect(opening).rejects.toBeInstanceOf(AppError);
      await expect(opening).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });

      expect(fileDigest(file)).toBe(digest);
      expect(readdirSync(dir).filter((name) => name.startsWith('gerai.db'))).toEqual(['gerai.db']);
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a Gerai database that a newer version migrated, and keeps its data', async () => {
    const t = await openTestCore();
    await t.setupOwner();
    await t.close();
    const file = join(t.dataDir, 'gerai.db');
    const bump = new Database(file);
    bump.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    bump.close();
    const digest = fileDigest(file);
    await expect(
      createCore({ dataDir: t.dataDir, appVersion: 'test', clock: manualClock(START_MS) }),
    ).rejects.toMatchObject({
      code: 'SCHEMA_TOO_NEW',
    });
    expect(fileDigest(file)).toBe(digest);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
  });
});
