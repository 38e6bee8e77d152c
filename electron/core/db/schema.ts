import type { Generated } from 'kysely';
import type { CatalogTables } from '../catalog/catalog.tables';
import type { CustomersTables } from '../customers/customers.tables';
import type { DocumentsTables } from '../documents/documents.tables';
import type { InventoryTables } from '../inventory/inventory.tables';
import type { NetworkTables } from '../network/network.tables';
import type { OrdersTables } from '../orders/orders.tables';
import type { PosTables } from '../pos/pos.tables';
import type { MapTables } from '../map/map.tables';
import type { PlansTables } from '../plans/plans.tables';
import type { SubscriptionsTables } from '../subscriptions/subscriptions.tables';
import type { BillingTables } from '../billing/billing.tables';
import type { NotifyTables } from '../notify/notify.tables';

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
  /** 0 (none), 100, 500 or 1000: cash totals round to this step. */
  cash_rounding: number;
  /** Discounts above this percent of the cart need a manager's PIN. */
  discount_limit_percent: number;
  ppn_rate_percent: number;
  /** The merchant's static QRIS string; dynamic QRIS with the amount is made from it. */
  qris_static: string;
  receipt_width: number;
  /** host:port of a network receipt printer (ESC/POS over TCP 9100), or empty. */
  receipt_printer: string;
  receipt_footer: string;
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
  /** scrypt hash of the manager PIN that approves discounts and voids, if set. */
  pin_hash: string | null;
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

export type FoundationTables = {
  meta: MetaRow;
  branches: BranchRow;
  roles: RoleRow;
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
  sync_outbox: OutboxRow;
  secrets: SecretRow;
};

export type DB = FoundationTables &
  CatalogTables &
  CustomersTables &
  InventoryTables &
  PosTables &
  OrdersTables &
  DocumentsTables &
  NetworkTables &
  MapTables &
  PlansTables &
  SubscriptionsTables &
  BillingTables &
  NotifyTables;

/** Tables whose rows sync between devices; every write to them goes through the outbox writer. */
export type SyncedTable = {
  [T in keyof DB]: DB[T] extends SyncColumns ? T : never;
}[keyof DB];
