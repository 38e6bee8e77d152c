import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/index';
import { DEFAULT_ROLE_KEYS, type DefaultRoleKey } from '../../../shared/domain/permissions';
import type { AppErrorCode, Locale, Result } from '../../../shared/domain/errors';
import { createCore, type Core, type CoreOptions } from '../../../electron/core/core';
import { manualClock } from '../../../electron/core/platform/clock';

export type ManualClock = ReturnType<typeof manualClock>;

/** A fixed, plainly-in-the-future start so nothing in a test can lean on the real wall clock by accident. */
export const START_MS = Date.UTC(2030, 0, 15, 2, 0, 0);

/** Every fixture user signs in with this password unless a test says otherwise. */
export const PASSWORD = 'Rahasia-Cabang-2030';
export const OWNER_USERNAME = 'pemilik';

export type Signed = { token: string; userId: string; username: string; password: string };

/** A channel call typed from the contract: input checked at compile time, output typed in the answer. */
export type Call = <C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  token?: string | null,
  locale?: Locale,
) => Promise<Result<ChannelOutput<C>>>;

export type TestCore = {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  call: Call;
  /** Sends anything at all (for malformed-input tests); no compile-time checks. */
  raw(channel: string, input: unknown, token?: string | null): Promise<Result<unknown>>;
  /** First-run setup: branch, default roles and the owner; returns the owner signed in. */
  setupOwner(options?: { username?: string; password?: string }): Promise<Signed>;
  /** Signs in a user of a default role, creating `<role>1` first (the owner is the setup owner). */
  loginAs(role: DefaultRoleKey): Promise<Signed>;
  /** One signed-in user per default role. */
  loginAll(): Promise<Record<DefaultRoleKey, Signed>>;
  login(username: string, password?: string): Promise<Signed>;
  /** The id of a role by its default key. */
  roleId(key: DefaultRoleKey): Promise<string>;
  /** Closes the core and opens a new one on the same folder (what a restart does). */
  reopen(options?: Partial<CoreOptions>): Promise<void>;
  close(): Promise<void>;
};

/** The data of an `ok` answer, or a thrown error naming the code (keeps test failures readable). */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data;
}

/** The error code of an answer, or `'ok'`. */
export function codeOf(result: Result<unknown>): AppErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

export function makeTempDir(prefix = 'gerai-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const tempDirs = new Set<string>();
const openCores = new Set<TestCore>();

/** Opens a core on `dataDir` (a new temp folder by default) with a manual clock. Cleaned up after each test. */
export async function openTestCore(
  options: { dataDir?: string; clock?: ManualClock; core?: Partial<CoreOptions> } = {},
): Promise<TestCore> {
  const dataDir = options.dataDir ?? makeTempDir();
  tempDirs.add(dataDir);
  const clock = options.clock ?? manualClock(START_MS);
  let core = await createCore({ dataDir, appVersion: 'test', clock, ...options.core });
  const owner: { current: Signed | null } = { current: null };
  const users = new Map<DefaultRoleKey, Signed>();

  const call: Call = async (channel, input, token, locale) =>
    (await core.dispatch(channel, input, { token: token ?? null, locale: locale ?? 'en' })) as Result<
      ChannelOutput<typeof channel>
    >;

  const test: TestCore = {
    get core() {
      return core;
    },
    clock,
    dataDir,
    call,
    raw: (channel, input, token) => core.dispatch(channel, input, { token: token ?? null, locale: 'en' }),
    async setupOwner(setup = {}) {
      const username = setup.username ?? OWNER_USERNAME;
      const password = setup.password ?? PASSWORD;
      unwrap(
        await call('setup.owner.create', { name: 'Bu Sari', username, password, branchName: 'Cabang Depok' }),
      );
      owner.current = await test.login(username, password);
      return owner.current;
    },
    async login(username, password = PASSWORD) {
      const data = unwrap(await call('auth.session.login', { username, password }));
      return { token: data.token, userId: data.user.id, username, password };
    },
    async roleId(key) {
      if (!owner.current) throw new Error('setupOwner() first');
      const roles = unwrap(await call('roles.list', {}, owner.current.token));
      const role = roles.find((r) => r.key === key);
      if (!role) throw new Error(`no role ${key}`);
      return role.id;
    },
    async loginAs(role) {
      if (!owner.current) await test.setupOwner();
      if (role === 'owner') return owner.current!;
      const known = users.get(role);
      if (known) return test.login(known.username);
      const username = `${role}1`;
      unwrap(
        await call(
          'users.create',
          { username, name: `Pengguna ${role}`, password: PASSWORD, roleId: await test.roleId(role) },
          owner.current!.token,
        ),
      );
      const signed = await test.login(username);
      users.set(role, signed);
      return signed;
    },
    async loginAll() {
      const all = {} as Record<DefaultRoleKey, Signed>;
      for (const role of DEFAULT_ROLE_KEYS) all[role] = await test.loginAs(role);
      return all;
    },
    async reopen(reopenOptions = {}) {
      await core.close();
      core = await createCore({ dataDir, appVersion: 'test', clock, ...options.core, ...reopenOptions });
    },
    async close() {
      if (!openCores.has(test)) return;
      openCores.delete(test);
      await core.close();
    },
  };
  openCores.add(test);
  return test;
}

/** Copies a closed core's data folder (database, key file, backups) to a new temp folder. */
export function copyDataDir(from: string): string {
  const to = makeTempDir();
  tempDirs.add(to);
  cpSync(from, to, { recursive: true });
  return to;
}

/** Closes every core and removes every temp folder made through this module. */
export async function cleanupTestCores(): Promise<void> {
  for (const test of [...openCores]) await test.close();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

/** Registers cleanup after each test of the calling file. */
export function useTestCores(): void {
  afterEach(cleanupTestCores);
}

export type TableSnapshot = Record<string, Record<string, unknown>[]>;

/**
 * Every row of every table (sqlite_sequence included), in a stable order, to prove a call changed nothing.
 * `sessions.last_seen_at` is left out: reading with a token may refresh it.
 */
export function snapshotTables(core: Core): TableSnapshot {
  const snapshot: TableSnapshot = {};
  for (const { table, select } of snapshotQueries(core.deps.store.sqlite)) {
    const rows = select.all() as Record<string, unknown>[];
    snapshot[table] = table === 'sessions' ? rows.map(({ last_seen_at: _seen, ...rest }) => rest) : rows;
  }
  return snapshot;
}

type Sqlite = Core['deps']['store']['sqlite'];
type SnapshotQuery = { table: string; select: Database.Statement<[], unknown> };
const snapshotCache = new WeakMap<Sqlite, { schema: string; queries: SnapshotQuery[] }>();

/** One prepared SELECT per table, remade only when the schema changes (snapshots run thousands of times). */
function snapshotQueries(sqlite: Sqlite): SnapshotQuery[] {
  const schema = String(sqlite.pragma('schema_version', { simple: true }));
  const cached = snapshotCache.get(sqlite);
  if (cached?.schema === schema) return cached.queries;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const queries = tables.map((table) => {
    // Primary-key order where there is one (WITHOUT ROWID tables have no rowid), else insertion order.
    const keys = (sqlite.pragma(`table_info("${table}")`) as { name: string; pk: number }[])
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => `"${column.name}"`);
    const order = keys.length ? keys.join(', ') : 'rowid';
    return { table, select: sqlite.prepare<[]>(`SELECT * FROM "${table}" ORDER BY ${order}`) };
  });
  snapshotCache.set(sqlite, { schema, queries });
  return queries;
}

/** All text of the audit log, one string, for "this never appears anywhere" checks. */
export function auditText(core: Core): string {
  const rows = core.deps.store.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
    string,
    unknown
  >[];
  return rows.map((row) => Object.values(row).map(String).join('\u0001')).join('\n');
}
