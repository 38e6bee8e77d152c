import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../../shared/domain/calendar';
import { useTestCores } from '../support/core-fixture';
import { openDashboardTest, type DashboardTest } from './dashboard-support';

useTestCores();

const ITEMS = 100_000;
const SUBSCRIPTIONS = 50_000;
const SALES = 50_000;
const SALES_TODAY = 5_000;

/**
 * A large branch written straight into SQLite (generated rows, one statement per table): 100k items
 * in two warehouses, 50k customers each with a subscription and three monthly invoices, 50k sales
 * over ten days, 20k invoice payments, 50k sent notifications and 5k finished router jobs.
 */
function seedLargeBranch(d: DashboardTest): void {
  const sqlite = d.t.core.deps.store.sqlite;
  const device = d.t.core.deps.device.id;
  const todayStart = startOfLocalDay('2030-01-15', 'Asia/Jakarta');
  const sync = (id: string) => `${id}, 1, 1, '0000000000001-0000-0000000000000000', '${device}', NULL`;
  const series = (n: number) =>
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ${n - 1})`;
  sqlite.exec('BEGIN');
  sqlite.exec(`INSERT INTO warehouses VALUES (${sync("'wh-02'")}, 'WH-02', 'Gudang Belakang', '', 0)`);
  sqlite.exec(`${series(ITEMS / 100)}
    INSERT INTO products (id, created_at, updated_at, hlc, origin_device, deleted_at, name)
    SELECT ${sync("printf('prod-%06d', n)")}, printf('Produk %d', n) FROM seq`);
  // Every item has a threshold of 5 (the worst case: each pair must be looked at).
  sqlite.exec(`${series(ITEMS)}
    INSERT INTO items (id, created_at, updated_at, hlc, origin_device, deleted_at, product_id, sku, name,
      price, low_stock_threshold)
    SELECT ${sync("printf('item-%06d', n)")}, printf('prod-%06d', n / 100), printf('SKU-%06d', n),
      printf('Barang %d', n), 10000, 5 FROM seq`);
  // WH-01 holds every item (on hand 0–19: a quarter of them low), WH-02 every other one.
  sqlite.exec(`${series(ITEMS)}
    INSERT INTO stock_balances (item_id, warehouse_id, on_hand, reserved)
    SELECT printf('item-%06d', n), '${d.warehouseId}', n % 20, 0 FROM seq`);
  sqlite.exec(`${series(ITEMS / 2)}
    INSERT INTO stock_balances (item_id, warehouse_id, on_hand, reserved)
    SELECT printf('item-%06d', n * 2), 'wh-02', 10, 0 FROM seq`);

  sqlite.exec(`${series(SUBSCRIPTIONS)}
    INSERT INTO customers (id, created_at, updated_at, hlc, origin_device, deleted_at, code, name, status)
    SELECT ${sync("printf('cust-%06d', n)")}, printf('PLG-%06d', n), printf('Pelanggan %d', n), 'active'
    FROM seq`);
  // 2% pending, 8% isolated, 2% terminated, the rest active.
  sqlite.exec(`${series(SUBSCRIPTIONS)}
    INSERT INTO subscriptions (id, created_at, updated_at, hlc, origin_device, deleted_at, code, customer_id,
      plan_id, router_id, username, state, anchor_day, activated_on)
    SELECT ${sync("printf('sub-%06d', n)")}, printf('LGN-%06d', n), printf('cust-%06d', n),
      '${d.planId}', '${d.routerId}', printf('u%d', n),
      CASE WHEN n % 50 = 0 THEN 'pending' WHEN n % 50 IN (1, 2, 3, 4) THEN 'isolated'
        WHEN n % 50 = 5 THEN 'terminated' ELSE 'active' END, 1, '2029-10-01'
    FROM seq`);
  // Three monthly invoices each: November paid, December paid except every tenth (overdue), January
  // open with due dates from 2030-01-05 to 2030-01-24.
  for (const [period, where] of [
    ['2029-11', "'paid'"],
    ['2029-12', "CASE WHEN n % 10 = 0 THEN 'issued' ELSE 'paid' END"],
    ['2030-01', "CASE WHEN n % 3 = 0 THEN 'partial' ELSE 'issued' END"],
  ] as const) {
    const due = period === '2030-01' ? "printf('2030-01-%02d', 5 + n % 20)" : `'${period}-10'`;
    sqlite.exec(`${series(SUBSCRIPTIONS)}
      INSERT INTO invoices (id, created_at, updated_at, hlc, origin_device, deleted_at, number, customer_id,
        subscription_id, period, period_start, period_end, issue_date, due_date, status, subtotal, total, paid)
      SELECT ${sync(`printf('inv-${period}-%06d', n)`)}, printf('INV/${period}/%06d', n), printf('cust-%06d', n),
        printf('sub-%06d', n), '${period}', '${period}-01', '${period}-28', '${period}-01', ${due}, ${where},
        150000, 150000, CASE ${where} WHEN 'paid' THEN 150000 WHEN 'partial' THEN 50000 ELSE 0 END
      FROM seq`);
  }
  sqlite.exec(`${series(20_000)}
    INSERT INTO billing_payments (id, created_at, updated_at, hlc, origin_device, deleted_at, number, customer_id,
      amount, method, received_on)
    SELECT ${sync("printf('bp-%06d', n)")}, printf('BYR/%06d', n), printf('cust-%06d', n), 150000, 'cash',
      printf('2030-01-%02d', 6 + n % 10) FROM seq`);

  // Sales: the newest SALES_TODAY today (from 08:00), the rest over the nine days before.
  sqlite.exec(`${series(SALES)}
    INSERT INTO sales (id, created_at, updated_at, hlc, origin_device, deleted_at, number, warehouse_id, user_id,
      status, subtotal, discount, base, ppn, total, amount_due, paid, change, request_hash)
    SELECT printf('sale-%06d', n),
      CASE WHEN n < ${SALES_TODAY} THEN ${todayStart + 8 * 3_600_000} + n * 1000
        ELSE ${todayStart} - (1 + n % 9) * 86400000 + n END,
      1, '0000000000001-0000-0000000000000000', '${device}', NULL, printf('SAL/UJI/%06d', n),
      '${d.warehouseId}', '${d.owner.userId}', 'completed', 25000, 0, 25000, 0, 25000, 25000, 25000, 0, 'x'
    FROM seq`);
  sqlite.exec(`${series(SALES)}
    INSERT INTO payments (id, created_at, updated_at, hlc, origin_device, deleted_at, sale_id, method, amount)
    SELECT ${sync("printf('pay-%06d', n)")}, printf('sale-%06d', n),
      CASE WHEN n % 4 = 0 THEN 'qris' ELSE 'cash' END, 25000 FROM seq`);

  sqlite.exec(`${series(50_000)}
    INSERT INTO notify_outbox (id, dedupe_key, channel, adapter, recipient, body, state, attempts, created_at,
      updated_at, sent_at)
    SELECT printf('msg-%06d', n), printf('uji:%d', n), 'whatsapp', 'fonnte', '+6281234567890', 'Halo',
      'sent', 1, 1, 1, 1 FROM seq`);
  sqlite.exec(`${series(5_000)}
    INSERT INTO router_jobs (id, router_id, operation, payload, state, attempts, created_at, updated_at,
      finished_at)
    SELECT printf('job-%06d', n), '${d.routerId}', 'ppp.secret.upsert', '{}', 'done', 1, 1, 1, 1 FROM seq`);
  sqlite.exec('COMMIT');
  sqlite.exec('ANALYZE');
}

describe('dashboard.summary at scale', () => {
  it('counts right in a branch with 100k items and 50k subscriptions (timing: npm run bench isp.reads)', async () => {
    const d = await openDashboardTest();
    seedLargeBranch(d);

    const summary = await d.summary();

    // Low: WH-01 on hand 0–5 of every 20 (30,000 items); WH-02 the 50,000 odd items it never held.
    expect(summary.stock).toEqual({ low: 30_000 + 50_000 });
    expect(summary.subscriptions).toEqual({ pending: 1_000, active: 44_000, isolated: 4_000 });
    expect(summary.sales).toMatchObject({
      count: SALES_TODAY,
      total: SALES_TODAY * 25_000,
      byMethod: [
        { method: 'cash', amount: 3_750 * 25_000, count: 3_750 },
        { method: 'qris', amount: 1_250 * 25_000, count: 1_250 },
      ],
    });
    // What the seeded invoices leave owed, worked out row by row the way they were written.
    const overdue = { count: 0, amount: 0, customers: new Set<number>() };
    const dueSoon = { count: 0, amount: 0 };
    for (let n = 0; n < SUBSCRIPTIONS; n += 1) {
      if (n % 10 === 0) {
        overdue.count += 1;
        overdue.amount += 150_000;
        overdue.customers.add(n);
      }
      const dueDay = 5 + (n % 20);
      const owed = n % 3 === 0 ? 100_000 : 150_000;
      if (dueDay < 15) {
        overdue.count += 1;
        overdue.amount += owed;
        overdue.customers.add(n);
      } else if (dueDay <= 21) {
        dueSoon.count += 1;
        dueSoon.amount += owed;
      }
    }
    expect(summary.billing?.overdue).toEqual({
      count: overdue.count,
      amount: overdue.amount,
      customers: overdue.customers.size,
    });
    expect(overdue.customers.size).toBe(27_500);
    expect(summary.billing?.dueSoon).toEqual({ count: 17_500, amount: dueSoon.amount, until: '2030-01-21' });
    expect(summary.billing?.collections).toEqual({ count: 2_000, amount: 2_000 * 150_000 });
  }, 120_000);
});
