import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openDashboardTest } from './dashboard-support';

useTestCores();

// The fixture clock is 2030-01-15 09:00 in Asia/Jakarta: "today" is 2030-01-15, and "due soon" runs
// to 2030-01-21.
const DAY_MS = 24 * 60 * 60 * 1000;

describe('dashboard.summary: the counter', () => {
  it('counts today’s sales, how they were paid, refunds, the open shift and low stock', async () => {
    const d = await openDashboardTest();
    const { t, owner } = d;
    const tea = await d.item('TEH-1', 10_000);
    const soap = await d.item('SABUN-1', 5_000, 3);
    const neverIn = await d.item('GULA-1', 12_000, 5);
    const rice = await d.item('BERAS-1', 60_000, 2);
    await d.receive(tea, 100);
    await d.receive(soap, 4);
    await d.receive(rice, 10);

    const empty = await d.summary();
    expect(empty.today).toBe('2030-01-15');
    expect(empty.timeZone).toBe('Asia/Jakarta');
    expect(empty.sales).toEqual({ count: 0, voided: 0, total: 0, refunds: 0, byMethod: [], shift: null });

    const shift = await d.openShift(200_000);
    const first = await d.sell([{ itemId: tea, quantity: 2 }], [{ method: 'cash', amount: 20_000 }]);
    await d.sell(
      [
        { itemId: tea, quantity: 1 },
        { itemId: soap, quantity: 1 },
      ],
      [{ method: 'qris', amount: 15_000 }],
    );
    const voided = await d.sell([{ itemId: tea, quantity: 3 }], [{ method: 'cash', amount: 50_000 }]);
    unwrap(await t.call('pos.sales.void', { saleId: voided.id, reason: 'salah input' }, owner.token));
    await d.sell(
      [{ itemId: tea, quantity: 1 }],
      [
        { method: 'cash', amount: 4_000 },
        { method: 'transfer', amount: 6_000 },
      ],
    );
    unwrap(
      await t.call(
        'pos.sales.refund',
        {
          id: randomUUID(),
          saleId: first.id,
          warehouseId: d.warehouseId,
          method: 'cash',
          reason: 'kemasan rusak',
          lines: [{ saleLineId: first.lines[0]!.id, quantity: 1 }],
        },
        owner.token,
      ),
    );

    const summary = await d.summary();
    expect(summary.sales).toEqual({
      count: 3,
      voided: 1,
      total: 45_000,
      refunds: 10_000,
      byMethod: [
        { method: 'cash', amount: 24_000, count: 2 },
        { method: 'qris', amount: 15_000, count: 1 },
        { method: 'transfer', amount: 6_000, count: 1 },
      ],
      shift: {
        id: shift.id,
        number: shift.number,
        cashier: 'Bu Sari',
        openedAt: shift.openedAt,
        // Float 200,000 + cash 20,000 + 4,000 (the voided 30,000 went in and out) − refund 10,000.
        expectedCash: 214_000,
      },
    });
    // The till's own report agrees on the drawer.
    const report = unwrap(await t.call('pos.shifts.report', {}, owner.token));
    expect(report.shift.expectedCash).toBe(214_000);

    // SABUN-1 is at its threshold (3 ≤ 3) and GULA-1 never came in (0 ≤ 5); BERAS-1 (10 > 2) and
    // TEH-1 (no threshold) are fine.
    expect(summary.stock).toEqual({ low: 2 });
    const low = unwrap(await t.call('inventory.stock.levels', { lowOnly: true }, owner.token));
    expect(low.levels.map((level) => level.itemId).sort()).toEqual([soap, neverIn].sort());

    // A second warehouse counts per warehouse, and a warehouse's own threshold wins over the item's:
    // the same rule as the inventory screen's "low only" list.
    const second = unwrap(
      await t.call('inventory.warehouses.create', { code: 'WH-02', name: 'Gudang Belakang' }, owner.token),
    );
    await d.receive(rice, 10, second.id);
    unwrap(
      await t.call(
        'inventory.thresholds.set',
        { itemId: rice, warehouseId: d.warehouseId, lowStockThreshold: 20 },
        owner.token,
      ),
    );
    unwrap(
      await t.call(
        'inventory.thresholds.set',
        { itemId: soap, warehouseId: second.id, lowStockThreshold: 0 },
        owner.token,
      ),
    );
    const twoWarehouses = await d.summary();
    // WH-01: SABUN-1, GULA-1, BERAS-1 (10 ≤ 20 there); WH-02: GULA-1 (SABUN-1 has no threshold there).
    expect(twoWarehouses.stock).toEqual({ low: 4 });
    const lowBoth = unwrap(await t.call('inventory.stock.levels', { lowOnly: true }, owner.token));
    expect(lowBoth.total).toBe(4);

    // The next day starts from nothing; the shift is still open.
    t.clock.advance(DAY_MS);
    const token = (await t.login(owner.username)).token;
    const tomorrow = await d.summary(token);
    expect(tomorrow.today).toBe('2030-01-16');
    expect(tomorrow.sales).toMatchObject({ count: 0, voided: 0, total: 0, refunds: 0, byMethod: [] });
    expect(tomorrow.sales?.shift?.id).toBe(shift.id);
  });

  it('takes "today" in the branch’s time zone, not UTC', async () => {
    const d = await openDashboardTest();
    const { t, owner } = d;
    const tea = await d.item('TEH-1', 10_000);
    await d.receive(tea, 10);
    await d.openShift();
    // 09:00 in Jakarta (02:00 UTC), then 23:30 in Jakarta (16:30 UTC, still the 15th there).
    await d.sell([{ itemId: tea, quantity: 1 }], [{ method: 'cash', amount: 10_000 }]);
    t.clock.advance(14.5 * 60 * 60 * 1000);
    const token = (await t.login(owner.username)).token;
    await d.sell([{ itemId: tea, quantity: 2 }], [{ method: 'cash', amount: 20_000 }], token);
    const west = await d.summary(token);
    expect(west.today).toBe('2030-01-15');
    expect(west.sales).toMatchObject({ count: 2, total: 30_000 });

    // In Jayapura (UTC+9) it is already 01:30 on the 16th: only the late sale is today's, although
    // both fall on the 15th in UTC.
    unwrap(await t.call('settings.update', { timeZone: 'Asia/Jayapura' }, token));
    const east = await d.summary(token);
    expect(east.today).toBe('2030-01-16');
    expect(east.timeZone).toBe('Asia/Jayapura');
    expect(east.sales).toMatchObject({ count: 1, total: 20_000 });
  });
});

describe('dashboard.summary: the ISP office', () => {
  it('counts subscriptions by state, invoices due and overdue, today’s collections, routers, jobs and notices', async () => {
    const d = await openDashboardTest();
    const [ani, budi, citra] = [await d.customer('Ani'), await d.customer('Budi'), await d.customer('Citra')];
    await d.subscription(ani, 'pending');
    await d.subscription(ani, 'active');
    await d.subscription(budi, 'active');
    await d.subscription(citra, 'active');
    await d.subscription(budi, 'isolated');
    await d.subscription(citra, 'isolated');
    await d.subscription(citra, 'terminated');

    // Overdue: due before today with something owed.
    await d.invoice({ customerId: ani, dueDate: '2030-01-10', status: 'issued', total: 150_000 });
    await d.invoice({
      customerId: ani,
      dueDate: '2030-01-14',
      status: 'partial',
      total: 150_000,
      paid: 50_000,
    });
    await d.invoice({
      customerId: budi,
      dueDate: '2030-01-01',
      status: 'issued',
      total: 200_000,
      credited: 20_000,
    });
    // Not owed: paid, void, a draft, or nothing left after a credit note.
    await d.invoice({
      customerId: budi,
      dueDate: '2030-01-05',
      status: 'paid',
      total: 150_000,
      paid: 150_000,
    });
    await d.invoice({ customerId: citra, dueDate: '2030-01-05', status: 'void', total: 150_000 });
    await d.invoice({ customerId: citra, dueDate: '2030-01-05', status: 'draft', total: 150_000 });
    await d.invoice({
      customerId: citra,
      dueDate: '2030-01-12',
      status: 'issued',
      total: 90_000,
      credited: 90_000,
    });
    // Due soon: today up to six days ahead.
    await d.invoice({ customerId: citra, dueDate: '2030-01-15', status: 'issued', total: 120_000 });
    await d.invoice({
      customerId: citra,
      dueDate: '2030-01-21',
      status: 'partial',
      total: 100_000,
      paid: 40_000,
    });
    // A week away: neither.
    await d.invoice({ customerId: ani, dueDate: '2030-01-22', status: 'issued', total: 150_000 });

    await d.billingPayment({ customerId: ani, amount: 50_000, receivedOn: '2030-01-15' });
    await d.billingPayment({ customerId: budi, amount: 75_000, receivedOn: '2030-01-15' });
    await d.billingPayment({ customerId: budi, amount: 30_000, receivedOn: '2030-01-15', voided: true });
    await d.billingPayment({ customerId: citra, amount: 99_000, receivedOn: '2030-01-14' });

    const east = await d.router('POP Timur');
    await d.router('POP Barat');
    await d.routerStatus(d.routerId, true);
    await d.routerStatus(east, false);
    await d.routerJob(d.routerId, 'pending');
    await d.routerJob(east, 'pending');
    await d.routerJob(east, 'failed');
    await d.routerJob(d.routerId, 'done');
    await d.routerJob(d.routerId, 'cancelled');

    await d.outboxEntry('pending', true);
    await d.outboxEntry('pending', true);
    await d.outboxEntry('pending', false);
    await d.outboxEntry('failed');
    await d.outboxEntry('sent');
    await d.outboxEntry('cancelled');

    const summary = await d.summary();
    expect(summary.subscriptions).toEqual({ pending: 1, active: 3, isolated: 2 });
    expect(summary.billing).toEqual({
      dueSoon: { count: 2, amount: 180_000, until: '2030-01-21' },
      overdue: { count: 3, amount: 430_000, customers: 2 },
      collections: { count: 2, amount: 125_000 },
      scheduler: { lastDay: null, daysBehind: 1, running: false, lastError: null },
    });
    expect(summary.network).toEqual({
      routers: { total: 3, online: 1, offline: 1, unchecked: 1 },
      offlineRouters: [{ id: east, name: 'POP Timur', lastSeenAt: expect.any(Number) }],
      jobs: { pending: 2, failed: 1 },
    });
    expect(summary.notifications).toEqual({ held: 2, failed: 1 });

    // Tomorrow the invoice due today is overdue, and the window reaches one day further.
    d.t.clock.advance(DAY_MS);
    const tomorrow = await d.summary((await d.t.login(d.owner.username)).token);
    expect(tomorrow.billing?.overdue).toEqual({ count: 4, amount: 550_000, customers: 3 });
    expect(tomorrow.billing?.dueSoon).toEqual({ count: 2, amount: 210_000, until: '2030-01-22' });
    expect(tomorrow.billing?.collections).toEqual({ count: 0, amount: 0 });
  });

  it('shows the scheduler catching up: never run, up to date, then days behind', async () => {
    const d = await openDashboardTest();
    expect((await d.summary()).billing?.scheduler).toEqual({
      lastDay: null,
      daysBehind: 1,
      running: false,
      lastError: null,
    });
    unwrap(await d.t.call('scheduler.runDue', {}, d.owner.token));
    expect((await d.summary()).billing?.scheduler).toMatchObject({ lastDay: '2030-01-15', daysBehind: 0 });
    d.t.clock.advance(3 * DAY_MS);
    const later = await d.summary((await d.t.login(d.owner.username)).token);
    expect(later.billing?.scheduler).toMatchObject({ lastDay: '2030-01-15', daysBehind: 3 });
  });
});

describe('dashboard.summary: who sees what', () => {
  it('answers each role only the sections its permissions cover', async () => {
    const d = await openDashboardTest();
    const roles = await d.t.loginAll();
    const keys = async (token: string) => Object.keys(await d.summary(token)).sort();

    expect(await keys(roles.owner.token)).toEqual(
      ['billing', 'network', 'notifications', 'sales', 'stock', 'subscriptions', 'timeZone', 'today'].sort(),
    );
    expect(await keys(roles.manager.token)).toEqual(
      ['billing', 'network', 'notifications', 'sales', 'stock', 'subscriptions', 'timeZone', 'today'].sort(),
    );
    // A cashier sells and sees stock and subscriptions, but no billing, network or notification figures.
    const cashier = await d.summary(roles.cashier.token);
    expect(Object.keys(cashier).sort()).toEqual(['sales', 'stock', 'subscriptions', 'timeZone', 'today']);
    expect(cashier.billing).toBeUndefined();
    expect(cashier.network).toBeUndefined();
    expect(cashier.notifications).toBeUndefined();
    expect(await keys(roles.technician.token)).toEqual(['network', 'subscriptions', 'timeZone', 'today']);
    expect(await keys(roles.warehouse.token)).toEqual(['stock', 'timeZone', 'today']);
  });

  it('follows a custom role’s permissions, and refuses a role without dashboard.view', async () => {
    const d = await openDashboardTest();
    const { t, owner } = d;
    const role = unwrap(
      await t.call(
        'roles.create',
        { name: 'Penagih', permissions: ['dashboard.view', 'billing.view'] },
        owner.token,
      ),
    );
    unwrap(
      await t.call(
        'users.create',
        { username: 'penagih', name: 'Pak Penagih', password: owner.password, roleId: role.id },
        owner.token,
      ),
    );
    const collector = await t.login('penagih', owner.password);
    expect(Object.keys(await d.summary(collector.token)).sort()).toEqual([
      'billing',
      'notifications',
      'timeZone',
      'today',
    ]);

    unwrap(await t.call('roles.update', { id: role.id, permissions: ['billing.view'] }, owner.token));
    const again = await t.login('penagih', owner.password);
    expect(codeOf(await t.call('dashboard.summary', {}, again.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.call('dashboard.summary', {}, null))).toBe('UNAUTHENTICATED');
  });
});
