import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { AppError } from '../platform/errors';
import type { Logger } from '../platform/logger';
import { LATEST_SCHEMA_VERSION, migrations, type Migration } from './migrations/index';
import type { DB } from './schema';
import { withStatementCache } from './statement-cache';

export type Store = {
  /** The raw connection, for backups, integrity checks and benchmarks. Services use `db`. */
  sqlite: Database.Database;
  db: Kysely<DB>;
  close(): Promise<void>;
};

/** Opens (creating if needed) the SQLite store, applies pending migrations and refuses newer schemas. */
export async function openStore(file: string, logger: Logger, list: readonly Migration[] = migrations): Promise<Store> {
  const sqlite = new Database(file);
  try {
    // Before any pragma that writes (journal_mode rewrites the header): a newer file stays untouched.
    assertNotTooNew(sqlite, list);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    await migrate(sqlite, db, list, logger);
    return {
      sqlite,
      db,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

export function schemaVersionOf(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

function assertNotTooNew(sqlite: Database.Database, list: readonly Migration[]) {
  const latest = list.length ? list[list.length - 1]!.version : 0;
  const current = schemaVersionOf(sqlite);
  if (current > latest) {
    throw new AppError('SCHEMA_TOO_NEW', {
      id: `Basis data ini dibuat oleh versi Gerai yang lebih baru (skema ${current}, aplikasi ini ${latest}). Perbarui aplikasi.`,
      en: `This database was written by a newer Gerai (schema ${current}, this app ${latest}). Update the app.`,
    });
  }
}

async function migrate(sqlite: Database.Database, db: Kysely<DB>, list: readonly Migration[], logger: Logger) {
  assertNotTooNew(sqlite, list);
  const current = schemaVersionOf(sqlite);
  for (const migration of list) {
    if (migration.version <= current) continue;
    logger.info('applying migration', { version: migration.version, name: migration.name });
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      // PRAGMA takes no bound parameters; the version is a number from our own list.
      await sql.raw(`PRAGMA user_version = ${Number(migration.version)}`).execute(trx);
    });
  }
}

export { LATEST_SCHEMA_VERSION };
