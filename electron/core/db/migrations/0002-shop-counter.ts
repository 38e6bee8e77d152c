import { sql, type Kysely } from 'kysely';

/**
 * The shop counter: catalog, price lists, customers (the base the ISP office extends), warehouses,
 * the stock ledger with its balances, transfers, receipts, counts, POS shifts, sales, payments,
 * refunds and orders. Ledgers (stock_movements, cash_movements, payments) are append-only.
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
  const appendOnly = async (table: string) => {
    await run(sql.raw(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`));
    await run(sql.raw(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`));
  };

  // Branch-wide counter settings.
  await run(sql`ALTER TABLE branches ADD COLUMN cash_rounding INTEGER NOT NULL DEFAULT 0 CHECK (cash_rounding IN (0, 100, 500, 1000))`);
  await run(sql`ALTER TABLE branches ADD COLUMN discount_limit_percent INTEGER NOT NULL DEFAULT 10 CHECK (discount_limit_percent BETWEEN 0 AND 100)`);
  await run(sql`ALTER TABLE branches ADD COLUMN ppn_rate_percent REAL NOT NULL DEFAULT 12`);
  await run(sql`ALTER TABLE branches ADD COLUMN qris_static TEXT NOT NULL DEFAULT ''`);
  await run(sql`ALTER TABLE branches ADD COLUMN receipt_width INTEGER NOT NULL DEFAULT 58 CHECK (receipt_width IN (58, 80))`);
  await run(sql`ALTER TABLE branches ADD COLUMN receipt_printer TEXT NOT NULL DEFAULT ''`);
  await run(sql`ALTER TABLE branches ADD COLUMN receipt_footer TEXT NOT NULL DEFAULT ''`);
  // A manager's PIN approves discounts above the limit and voids at someone else's till.
  await run(sql`ALTER TABLE users ADD COLUMN pin_hash TEXT`);

  // Catalog.
  await run(sql`CREATE TABLE categories (${sync}, name TEXT NOT NULL, parent_id TEXT REFERENCES categories (id)) STRICT`);
  await run(sql`CREATE UNIQUE INDEX categories_name ON categories (name COLLATE NOCASE) WHERE deleted_at IS NULL`);
  await run(sql`CREATE TABLE products (
    ${sync},
    name TEXT NOT NULL,
    category_id TEXT REFERENCES categories (id),
    unit TEXT NOT NULL DEFAULT 'pcs',
    tax_mode TEXT NOT NULL DEFAULT 'included' CHECK (tax_mode IN ('included', 'excluded', 'exempt')),
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    description TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`);
  await run(sql`CREATE INDEX products_category ON products (category_id)`);
  // A sellable item: the product itself, or one of its variants (size, colour, …).
  await run(sql`CREATE TABLE items (
    ${sync},
    product_id TEXT NOT NULL REFERENCES products (id),
    sku TEXT NOT NULL UNIQUE,
    barcode TEXT UNIQUE,
    name TEXT NOT NULL,
    variant TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(variant)),
    keywords TEXT NOT NULL DEFAULT '',
    price INTEGER NOT NULL CHECK (price >= 0),
    cost INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
    negative_policy TEXT NOT NULL DEFAULT 'block' CHECK (negative_policy IN ('block', 'allow')),
    low_stock_threshold INTEGER NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`);
  await run(sql`CREATE INDEX items_product ON items (product_id)`);
  await run(sql`CREATE INDEX items_name ON items (name COLLATE NOCASE)`);
  // Substring search over name, SKU, barcode and keywords (trigram), kept in step by triggers.
  await run(sql`CREATE VIRTUAL TABLE items_fts USING fts5(
    name, sku, barcode, keywords, content='items', content_rowid='rowid', tokenize='trigram')`);
  await run(sql`CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, name, sku, barcode, keywords) VALUES (new.rowid, new.name, new.sku, coalesce(new.barcode, ''), new.keywords);
  END`);
  await run(sql`CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, name, sku, barcode, keywords) VALUES ('delete', old.rowid, old.name, old.sku, coalesce(old.barcode, ''), old.keywords);
  END`);
  await run(sql`CREATE TRIGGER items_fts_update AFTER UPDATE OF name, sku, barcode, keywords ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, name, sku, barcode, keywords) VALUES ('delete', old.rowid, old.name, old.sku, coalesce(old.barcode, ''), old.keywords);
    INSERT INTO items_fts (rowid, name, sku, barcode, keywords) VALUES (new.rowid, new.name, new.sku, coalesce(new.barcode, ''), new.keywords);
  END`);

  await run(sql`CREATE TABLE price_lists (
    ${sync},
    key TEXT UNIQUE,
    name TEXT NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`);
  // A price for an item on a list from a minimum quantity (quantity breaks).
  await run(sql`CREATE TABLE price_list_prices (
    ${sync},
    price_list_id TEXT NOT NULL REFERENCES price_lists (id),
    item_id TEXT NOT NULL REFERENCES items (id),
    min_quantity INTEGER NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
    price INTEGER NOT NULL CHECK (price >= 0)
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX price_list_prices_key ON price_list_prices (price_list_id, item_id, min_quantity) WHERE deleted_at IS NULL`);
  await run(sql`CREATE INDEX price_list_prices_item ON price_list_prices (item_id)`);

  await run(sql`CREATE TABLE customer_groups (${sync}, name TEXT NOT NULL, price_list_id TEXT REFERENCES price_lists (id)) STRICT`);
  await run(sql`CREATE TABLE customers (
    ${sync},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    group_id TEXT REFERENCES customer_groups (id),
    notes TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE INDEX customers_name ON customers (name COLLATE NOCASE)`);
  await run(sql`CREATE INDEX customers_phone ON customers (phone)`);

  // Inventory.
  await run(sql`CREATE TABLE warehouses (
    ${sync},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1))
  ) STRICT`);
  // The ledger. Quantities are whole units of the product's unit; sell by weight in grams.
  await run(sql`CREATE TABLE stock_movements (
    ${sync},
    item_id TEXT NOT NULL REFERENCES items (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    quantity INTEGER NOT NULL CHECK (quantity != 0),
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'sale', 'sale_return', 'sale_void', 'transfer_out', 'transfer_in',
      'adjustment', 'write_off', 'count', 'order_ship', 'order_return')),
    ref_type TEXT,
    ref_id TEXT,
    unit_cost INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    user_id TEXT,
    balance_after INTEGER NOT NULL,
    flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1))
  ) STRICT`);
  await appendOnly('stock_movements');
  await run(sql`CREATE INDEX stock_movements_item ON stock_movements (item_id, warehouse_id, created_at)`);
  await run(sql`CREATE INDEX stock_movements_ref ON stock_movements (ref_type, ref_id)`);
  await run(sql`CREATE INDEX stock_movements_flagged ON stock_movements (flagged) WHERE flagged = 1`);
  // Balances: kept in the same transaction as each movement; rebuildable from the ledger. Local only.
  await run(sql`CREATE TABLE stock_balances (
    item_id TEXT NOT NULL REFERENCES items (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    on_hand INTEGER NOT NULL DEFAULT 0,
    reserved INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, warehouse_id)
  ) STRICT, WITHOUT ROWID`);
  await run(sql`CREATE INDEX stock_balances_warehouse ON stock_balances (warehouse_id)`);
  await run(sql`CREATE TABLE stock_thresholds (
    ${sync},
    item_id TEXT NOT NULL REFERENCES items (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    low_stock_threshold INTEGER NOT NULL CHECK (low_stock_threshold >= 0)
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX stock_thresholds_key ON stock_thresholds (item_id, warehouse_id) WHERE deleted_at IS NULL`);
  await run(sql`CREATE TABLE stock_reviews (
    ${sync},
    movement_id TEXT NOT NULL UNIQUE REFERENCES stock_movements (id),
    note TEXT NOT NULL DEFAULT '',
    user_id TEXT
  ) STRICT`);

  await run(sql`CREATE TABLE goods_receipts (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    supplier TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    total_cost INTEGER NOT NULL,
    user_id TEXT
  ) STRICT`);
  await run(sql`CREATE TABLE goods_receipt_lines (
    ${sync},
    receipt_id TEXT NOT NULL REFERENCES goods_receipts (id),
    item_id TEXT NOT NULL REFERENCES items (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost INTEGER NOT NULL CHECK (unit_cost >= 0)
  ) STRICT`);

  await run(sql`CREATE TABLE transfers (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    from_warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    to_warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    status TEXT NOT NULL CHECK (status IN ('in_transit', 'partially_received', 'received')),
    note TEXT NOT NULL DEFAULT '',
    sent_by TEXT,
    sent_at INTEGER NOT NULL,
    received_at INTEGER
  ) STRICT`);
  await run(sql`CREATE TABLE transfer_lines (
    ${sync},
    transfer_id TEXT NOT NULL REFERENCES transfers (id),
    item_id TEXT NOT NULL REFERENCES items (id),
    quantity_sent INTEGER NOT NULL CHECK (quantity_sent > 0),
    quantity_received INTEGER NOT NULL DEFAULT 0 CHECK (quantity_received >= 0 AND quantity_received <= quantity_sent)
  ) STRICT`);
  await run(sql`CREATE INDEX transfer_lines_transfer ON transfer_lines (transfer_id)`);

  await run(sql`CREATE TABLE stock_counts (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'approved', 'cancelled')),
    note TEXT NOT NULL DEFAULT '',
    created_by TEXT,
    approved_by TEXT,
    approved_at INTEGER
  ) STRICT`);
  await run(sql`CREATE TABLE stock_count_lines (
    ${sync},
    count_id TEXT NOT NULL REFERENCES stock_counts (id),
    item_id TEXT NOT NULL REFERENCES items (id),
    counted INTEGER NOT NULL CHECK (counted >= 0)
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX stock_count_lines_key ON stock_count_lines (count_id, item_id) WHERE deleted_at IS NULL`);

  // POS.
  await run(sql`CREATE TABLE shifts (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at INTEGER NOT NULL,
    opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
    closed_at INTEGER,
    expected_cash INTEGER,
    counted_cash INTEGER,
    denominations TEXT CHECK (denominations IS NULL OR json_valid(denominations)),
    variance INTEGER,
    note TEXT NOT NULL DEFAULT ''
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX shifts_one_open_per_device ON shifts (origin_device) WHERE status = 'open'`);
  await run(sql`CREATE TABLE cash_movements (
    ${sync},
    shift_id TEXT NOT NULL REFERENCES shifts (id),
    kind TEXT NOT NULL CHECK (kind IN ('float', 'sale', 'refund', 'void', 'cash_in', 'cash_out', 'order_payment')),
    amount INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    ref_id TEXT,
    user_id TEXT
  ) STRICT`);
  await appendOnly('cash_movements');
  await run(sql`CREATE INDEX cash_movements_shift ON cash_movements (shift_id)`);

  await run(sql`CREATE TABLE sales (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    shift_id TEXT REFERENCES shifts (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    customer_id TEXT REFERENCES customers (id),
    price_list_id TEXT REFERENCES price_lists (id),
    user_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('completed', 'voided')),
    subtotal INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    base INTEGER NOT NULL,
    ppn INTEGER NOT NULL,
    total INTEGER NOT NULL,
    rounding INTEGER NOT NULL DEFAULT 0,
    amount_due INTEGER NOT NULL,
    paid INTEGER NOT NULL,
    change INTEGER NOT NULL,
    refunded INTEGER NOT NULL DEFAULT 0,
    approved_by TEXT,
    note TEXT NOT NULL DEFAULT '',
    request_hash TEXT NOT NULL,
    voided_at INTEGER,
    voided_by TEXT,
    void_reason TEXT
  ) STRICT`);
  await run(sql`CREATE INDEX sales_shift ON sales (shift_id)`);
  await run(sql`CREATE INDEX sales_created ON sales (created_at)`);
  await run(sql`CREATE TABLE sale_lines (
    ${sync},
    sale_id TEXT NOT NULL REFERENCES sales (id),
    line_no INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES items (id),
    name TEXT NOT NULL,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL,
    line_discount INTEGER NOT NULL,
    cart_discount INTEGER NOT NULL,
    base INTEGER NOT NULL,
    ppn INTEGER NOT NULL,
    total INTEGER NOT NULL,
    tax_mode TEXT NOT NULL,
    unit_cost INTEGER NOT NULL DEFAULT 0,
    refunded_quantity INTEGER NOT NULL DEFAULT 0
  ) STRICT`);
  await run(sql`CREATE INDEX sale_lines_sale ON sale_lines (sale_id)`);
  await run(sql`CREATE TABLE payments (
    ${sync},
    sale_id TEXT REFERENCES sales (id),
    refund_id TEXT,
    order_id TEXT,
    shift_id TEXT REFERENCES shifts (id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'card', 'ewallet', 'transfer', 'store_credit')),
    amount INTEGER NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    user_id TEXT
  ) STRICT`);
  await appendOnly('payments');
  await run(sql`CREATE INDEX payments_sale ON payments (sale_id)`);
  await run(sql`CREATE INDEX payments_order ON payments (order_id)`);
  await run(sql`CREATE INDEX payments_shift ON payments (shift_id)`);
  await run(sql`CREATE TABLE refunds (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    sale_id TEXT NOT NULL REFERENCES sales (id),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    shift_id TEXT REFERENCES shifts (id),
    amount INTEGER NOT NULL,
    method TEXT NOT NULL,
    reason TEXT NOT NULL,
    user_id TEXT
  ) STRICT`);
  await run(sql`CREATE TABLE refund_lines (
    ${sync},
    refund_id TEXT NOT NULL REFERENCES refunds (id),
    sale_line_id TEXT NOT NULL REFERENCES sale_lines (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    amount INTEGER NOT NULL
  ) STRICT`);
  // Store credit is a ledger per customer.
  await run(sql`CREATE TABLE customer_credit_movements (
    ${sync},
    customer_id TEXT NOT NULL REFERENCES customers (id),
    amount INTEGER NOT NULL,
    kind TEXT NOT NULL,
    ref_id TEXT,
    user_id TEXT
  ) STRICT`);
  await appendOnly('customer_credit_movements');
  await run(sql`CREATE INDEX customer_credit_customer ON customer_credit_movements (customer_id)`);
  // Carts put aside at the till; local to this device.
  await run(sql`CREATE TABLE held_carts (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL,
    label TEXT NOT NULL,
    cart TEXT NOT NULL CHECK (json_valid(cart)),
    created_at INTEGER NOT NULL
  ) STRICT`);
  // Document numbers <TYPE>/<DEVICE>/<YYMM>/<seq>, per device, no server needed. Local only.
  await run(sql`CREATE TABLE doc_sequences (prefix TEXT PRIMARY KEY NOT NULL, last INTEGER NOT NULL) STRICT`);

  // Orders (phone, WhatsApp, marketplace).
  await run(sql`CREATE TABLE orders (
    ${sync},
    number TEXT NOT NULL UNIQUE,
    customer_id TEXT REFERENCES customers (id),
    customer_name TEXT NOT NULL,
    customer_phone TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'whatsapp', 'marketplace', 'walk_in', 'other')),
    status TEXT NOT NULL CHECK (status IN ('PENDING', 'PROCESSED', 'SHIPPED', 'COMPLETED', 'CANCELLED')),
    warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
    shipping_address TEXT NOT NULL DEFAULT '',
    shipping_fee INTEGER NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
    subtotal INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    base INTEGER NOT NULL,
    ppn INTEGER NOT NULL,
    total INTEGER NOT NULL,
    paid INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT,
    user_id TEXT
  ) STRICT`);
  await run(sql`CREATE INDEX orders_status ON orders (status, created_at)`);
  await run(sql`CREATE TABLE order_lines (
    ${sync},
    order_id TEXT NOT NULL REFERENCES orders (id),
    line_no INTEGER NOT NULL,
    item_id TEXT NOT NULL REFERENCES items (id),
    name TEXT NOT NULL,
    sku TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    unit_price INTEGER NOT NULL,
    discount INTEGER NOT NULL,
    base INTEGER NOT NULL,
    ppn INTEGER NOT NULL,
    total INTEGER NOT NULL,
    tax_mode TEXT NOT NULL
  ) STRICT`);
  await run(sql`CREATE INDEX order_lines_order ON order_lines (order_id)`);
  await run(sql`CREATE TABLE order_status_history (
    ${sync},
    order_id TEXT NOT NULL REFERENCES orders (id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    user_id TEXT
  ) STRICT`);
}
