import type { Generated } from 'kysely';

/** Columns every synced table has (DESIGN.md, Data). Text ids are UUIDv7; times are UTC epoch ms. */
export type SyncColumns = {
  id: string;
  created_at: number;
  updated_at: number;
  hlc: string;
  origin_device: string;
  deleted_at: number | null;
};

/** Row types as better-sqlite3 returns them: booleans are 0/1, JSON is text. */
export type BranchRow = SyncColumns & {
  name: string;
  address: string;
  phone: string;
  npwp: string;
  pkp: number;
  time_zone: string;
  language: string;
  idle_timeout_minutes: number;
};

export type RoleRow = SyncColumns & {
  key: string | null;
  name: string;
  /** JSON array of permission strings. */
  permissions: string;
  system: number;
};

export type UserRow = SyncColumns & {
  username: string;
  name: string;
  password_hash: string;
  role_id: string;
  disabled: number;
  failed_logins: number;
  locked_until: number | null;
  last_login_at: number | null;
};

export type SessionRow = {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  ended_at: number | null;
  end_reason: string | null;
};

export type AuditRow = {
  seq: Generated<number>;
  id: string;
  at: number;
  user_id: string | null;
  username: string | null;
  channel: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  origin_device: string;
  hlc: string;
  prev_hash: string;
  hash: string;
};

export type OutboxRow = {
  seq: Generated<number>;
  op_id: string;
  table_name: string;
  row_id: string;
  op: 'insert' | 'update' | 'delete';
  hlc: string;
  payload: string;
  created_at: number;
};

export type MetaRow = { key: string; value: string };
export type SecretRow = { name: string; value: Buffer; updated_at: number };

export type DB = {
  meta: MetaRow;
  branches: BranchRow;
  roles: RoleRow;
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
  sync_outbox: OutboxRow;
  secrets: SecretRow;
};

/** Tables whose rows sync between devices; every write to them goes through the outbox writer. */
export type SyncedTable = 'branches' | 'roles' | 'users';
