import { sql, type Kysely } from 'kysely';

/**
 * Routers, their status, durable router jobs, and what Gerai says should exist on each router
 * (managed PPP secrets, address-list entries, hotspot vouchers). Passwords live in `secrets`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sync = sql.raw(`
    id TEXT PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at INTEGER`);
  const run = (query: ReturnType<typeof sql>) => query.execute(db);

  await run(sql`CREATE TABLE routers (
    ${sync},
    name TEXT NOT NULL,
    host TEXT NOT NULL,
    port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    tls INTEGER NOT NULL DEFAULT 0 CHECK (tls IN (0, 1)),
    username TEXT NOT NULL,
    branch TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    latitude REAL,
    longitude REAL,
    notes TEXT NOT NULL DEFAULT '',
    hotspot_dns TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX routers_name ON routers (name COLLATE NOCASE) WHERE deleted_at IS NULL`);

  // What this device last saw of each router. Local only.
  await run(sql`CREATE TABLE router_status (
    router_id TEXT PRIMARY KEY NOT NULL REFERENCES routers (id),
    online INTEGER NOT NULL DEFAULT 0,
    latency_ms REAL,
    last_seen_at INTEGER,
    checked_at INTEGER,
    version TEXT,
    identity TEXT,
    board TEXT,
    uptime TEXT,
    cpu_load REAL,
    free_memory INTEGER,
    total_memory INTEGER,
    last_error TEXT
  ) STRICT`);

  // Every change to a router is a job: applied when the router answers, retried with backoff,
  // kept across restarts. Local to the device that talks to the router.
  await run(sql`CREATE TABLE router_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    router_id TEXT NOT NULL REFERENCES routers (id),
    operation TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    label TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'done', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error TEXT,
    result TEXT,
    created_by TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
  ) STRICT`);
  await run(sql`CREATE INDEX router_jobs_due ON router_jobs (state, next_attempt_at)`);
  await run(sql`CREATE INDEX router_jobs_router ON router_jobs (router_id, created_at)`);

  await run(sql`CREATE TABLE ppp_secrets (
    ${sync},
    router_id TEXT NOT NULL REFERENCES routers (id),
    name TEXT NOT NULL,
    profile TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT 'pppoe',
    remote_address TEXT NOT NULL DEFAULT '',
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX ppp_secrets_name ON ppp_secrets (router_id, name) WHERE deleted_at IS NULL`);

  await run(sql`CREATE TABLE address_list_entries (
    ${sync},
    router_id TEXT NOT NULL REFERENCES routers (id),
    list TEXT NOT NULL,
    address TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX address_list_entries_key ON address_list_entries (router_id, list, address) WHERE deleted_at IS NULL`);

  await run(sql`CREATE TABLE voucher_batches (
    ${sync},
    router_id TEXT NOT NULL REFERENCES routers (id),
    count INTEGER NOT NULL,
    profile TEXT NOT NULL,
    server TEXT NOT NULL DEFAULT 'all',
    limit_uptime TEXT NOT NULL DEFAULT '',
    limit_bytes_total INTEGER NOT NULL DEFAULT 0,
    price INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    item_id TEXT REFERENCES items (id),
    job_id TEXT
  ) STRICT`);
  await run(sql`CREATE TABLE hotspot_vouchers (
    ${sync},
    batch_id TEXT NOT NULL REFERENCES voucher_batches (id),
    router_id TEXT NOT NULL REFERENCES routers (id),
    username TEXT NOT NULL,
    password TEXT NOT NULL
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX hotspot_vouchers_user ON hotspot_vouchers (router_id, username) WHERE deleted_at IS NULL`);
  await run(sql`CREATE INDEX hotspot_vouchers_batch ON hotspot_vouchers (batch_id)`);
}
