import { sql, type Kysely } from 'kysely';

/**
 * The ISP office's customers and the map: customer details (NIK, category, location, status),
 * their documents, network points (POP, ODP, access points, routers) with port capacity, cable
 * routes, and IP pools per router.
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

  await run(sql`ALTER TABLE customers ADD COLUMN nik TEXT NOT NULL DEFAULT ''`);
  await run(
    sql`ALTER TABLE customers ADD COLUMN category TEXT NOT NULL DEFAULT 'residential' CHECK (category IN ('residential', 'business'))`,
  );
  await run(
    sql`ALTER TABLE customers ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90)`,
  );
  await run(
    sql`ALTER TABLE customers ADD COLUMN longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)`,
  );
  // prospect until a subscription is activated; terminated when the customer leaves.
  await run(
    sql`ALTER TABLE customers ADD COLUMN status TEXT NOT NULL DEFAULT 'prospect' CHECK (status IN ('prospect', 'active', 'terminated'))`,
  );

  await run(sql`CREATE INDEX customers_nik ON customers (nik) WHERE nik != '' AND deleted_at IS NULL`);

  // The file itself lives in the app's data folder (documents/<id>); this row describes it.
  await run(sql`CREATE TABLE customer_documents (
    ${sync},
    customer_id TEXT NOT NULL REFERENCES customers (id),
    kind TEXT NOT NULL DEFAULT 'other',
    file_name TEXT NOT NULL,
    mime_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    sha256 TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE INDEX customer_documents_customer ON customer_documents (customer_id)`);

  await run(sql`CREATE TABLE map_points (
    ${sync},
    kind TEXT NOT NULL CHECK (kind IN ('pop', 'odp', 'ap', 'router')),
    name TEXT NOT NULL,
    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    ports_total INTEGER NOT NULL DEFAULT 0 CHECK (ports_total >= 0),
    router_id TEXT REFERENCES routers (id),
    parent_id TEXT REFERENCES map_points (id),
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(
    sql`CREATE UNIQUE INDEX map_points_name ON map_points (kind, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
  );

  // A cable route: a polyline of [lat, lng] pairs, optionally between two points.
  await run(sql`CREATE TABLE map_routes (
    ${sync},
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'fiber' CHECK (kind IN ('fiber', 'drop', 'wireless', 'copper')),
    from_point_id TEXT REFERENCES map_points (id),
    to_point_id TEXT REFERENCES map_points (id),
    path TEXT NOT NULL CHECK (json_valid(path)),
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);

  // Address ranges a router hands out: "10.10.0.0/24" or "10.10.0.2-10.10.0.254", comma-separated.
  await run(sql`CREATE TABLE ip_pools (
    ${sync},
    router_id TEXT NOT NULL REFERENCES routers (id),
    name TEXT NOT NULL,
    ranges TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(
    sql`CREATE UNIQUE INDEX ip_pools_name ON ip_pools (router_id, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
  );
}
