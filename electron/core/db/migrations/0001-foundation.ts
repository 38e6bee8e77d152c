import { sql, type Kysely } from 'kysely';

/** Identity, security, audit and the sync outbox: the tables every later feature leans on. */
export async function up(db: Kysely<any>): Promise<void> {
  const syncColumns = sql.raw(`
    id TEXT PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at INTEGER`);

  await sql`CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT`.execute(db);

  await sql`CREATE TABLE branches (
    ${syncColumns},
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    npwp TEXT NOT NULL DEFAULT '',
    pkp INTEGER NOT NULL DEFAULT 0 CHECK (pkp IN (0, 1)),
    time_zone TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    language TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
    idle_timeout_minutes INTEGER NOT NULL DEFAULT 30 CHECK (idle_timeout_minutes > 0)
  ) STRICT`.execute(db);

  await sql`CREATE TABLE roles (
    ${syncColumns},
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    permissions TEXT NOT NULL CHECK (json_valid(permissions)),
    system INTEGER NOT NULL DEFAULT 0 CHECK (system IN (0, 1))
  ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX roles_name ON roles (name COLLATE NOCASE) WHERE deleted_at IS NULL`.execute(db);

  await sql`CREATE TABLE users (
    ${syncColumns},
    username TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role_id TEXT NOT NULL REFERENCES roles (id),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER,
    last_login_at INTEGER
  ) STRICT`.execute(db);
  await sql`CREATE INDEX users_role ON users (role_id)`.execute(db);

  await sql`CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ended_at INTEGER,
    end_reason TEXT
  ) STRICT`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);

  await sql`CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    at INTEGER NOT NULL,
    user_id TEXT,
    username TEXT,
    channel TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    before_json TEXT,
    after_json TEXT,
    origin_device TEXT NOT NULL,
    hlc TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  ) STRICT`.execute(db);
  await sql`CREATE INDEX audit_log_at ON audit_log (at)`.execute(db);
  await sql`CREATE INDEX audit_log_user ON audit_log (user_id, seq)`.execute(db);
  await sql`CREATE INDEX audit_log_entity ON audit_log (entity, seq)`.execute(db);
  // The audit log is a ledger: rows are appended, never changed or removed by the app.
  await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);

  await sql`CREATE TABLE sync_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    hlc TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_at INTEGER NOT NULL
  ) STRICT`.execute(db);

  await sql`CREATE TABLE secrets (
    name TEXT PRIMARY KEY NOT NULL,
    value BLOB NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`.execute(db);
}
