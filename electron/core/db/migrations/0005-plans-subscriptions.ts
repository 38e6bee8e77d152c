import { sql, type Kysely } from 'kysely';

/**
 * Service plans and subscriptions (a customer's service on a router, a PPPoE secret or a hotspot
 * user) with every lifecycle transition recorded.
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

  await run(sql`CREATE TABLE plans (
    ${sync},
    name TEXT NOT NULL,
    service TEXT NOT NULL DEFAULT 'pppoe' CHECK (service IN ('pppoe', 'hotspot')),
    download_kbps INTEGER NOT NULL CHECK (download_kbps > 0),
    upload_kbps INTEGER NOT NULL CHECK (upload_kbps > 0),
    price INTEGER NOT NULL CHECK (price >= 0),
    tax_mode TEXT NOT NULL DEFAULT 'included' CHECK (tax_mode IN ('included', 'excluded', 'exempt')),
    router_profile TEXT NOT NULL,
    isolir_method TEXT NOT NULL DEFAULT 'profile' CHECK (isolir_method IN ('profile', 'address-list')),
    isolir_profile TEXT NOT NULL DEFAULT '',
    isolir_address_list TEXT NOT NULL DEFAULT '',
    installation_fee INTEGER NOT NULL DEFAULT 0 CHECK (installation_fee >= 0),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX plans_name ON plans (name COLLATE NOCASE) WHERE deleted_at IS NULL`);

  // Hotspot users Gerai manages (a hotspot subscription's login), like `ppp_secrets`: the router's
  // item carries the comment `gerai:<id>`; the password sits sealed in `secrets` as `hotspot:<id>`.
  await run(sql`CREATE TABLE hotspot_users (
    ${sync},
    router_id TEXT NOT NULL REFERENCES routers (id),
    name TEXT NOT NULL,
    profile TEXT NOT NULL,
    server TEXT NOT NULL DEFAULT 'all',
    mac_address TEXT NOT NULL DEFAULT '',
    -- Static IP the router gives the user at login, or empty.
    address TEXT NOT NULL DEFAULT '',
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(
    sql`CREATE UNIQUE INDEX hotspot_users_name ON hotspot_users (router_id, name) WHERE deleted_at IS NULL`,
  );

  await run(sql`CREATE TABLE subscriptions (
    ${sync},
    code TEXT NOT NULL,
    customer_id TEXT NOT NULL REFERENCES customers (id),
    plan_id TEXT NOT NULL REFERENCES plans (id),
    router_id TEXT NOT NULL REFERENCES routers (id),
    username TEXT NOT NULL,
    ppp_secret_id TEXT REFERENCES ppp_secrets (id),
    -- Hotspot plans: the managed hotspot user instead of a PPP secret.
    hotspot_user_id TEXT REFERENCES hotspot_users (id),
    remote_address TEXT NOT NULL DEFAULT '',
    odp_id TEXT REFERENCES map_points (id),
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'active', 'isolated', 'terminated')),
    -- Day of the month the billing cycle starts (1–31; past a month's end → its last day).
    anchor_day INTEGER NOT NULL DEFAULT 1 CHECK (anchor_day BETWEEN 1 AND 31),
    -- Local dates (YYYY-MM-DD, branch time zone).
    activated_on TEXT,
    terminated_on TEXT,
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX subscriptions_code ON subscriptions (code)`);
  await run(
    sql`CREATE UNIQUE INDEX subscriptions_username ON subscriptions (router_id, username) WHERE deleted_at IS NULL AND state != 'terminated'`,
  );
  await run(
    sql`CREATE UNIQUE INDEX subscriptions_address ON subscriptions (router_id, remote_address) WHERE deleted_at IS NULL AND state != 'terminated' AND remote_address != ''`,
  );
  await run(sql`CREATE INDEX subscriptions_customer ON subscriptions (customer_id)`);
  await run(sql`CREATE INDEX subscriptions_state ON subscriptions (state)`);

  // Every transition: who, when, why. Append-only.
  await run(sql`CREATE TABLE subscription_events (
    ${sync},
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    kind TEXT NOT NULL CHECK (kind IN ('create', 'activate', 'isolate', 'reactivate', 'terminate', 'plan_change', 'update')),
    from_state TEXT,
    to_state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    user_id TEXT,
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
  ) STRICT`);
  await run(
    sql`CREATE INDEX subscription_events_subscription ON subscription_events (subscription_id, created_at)`,
  );
  await run(sql`CREATE TRIGGER subscription_events_append_only_update BEFORE UPDATE ON subscription_events
    BEGIN SELECT RAISE(ABORT, 'subscription_events is append-only'); END`);
  await run(sql`CREATE TRIGGER subscription_events_append_only_delete BEFORE DELETE ON subscription_events
    BEGIN SELECT RAISE(ABORT, 'subscription_events is append-only'); END`);
}
