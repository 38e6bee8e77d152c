import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/calendar';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/contract/scheduler.contract';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openIsp, type Isp } from './isp-fixture';

useTestCores();

async function oneOffInvoice(isp: Isp, customerId: string, amount: number) {
  return unwrap(
    await isp.t.call(
      'billing.invoices.create',
      { customerId, items: [{ description: 'Pemasangan', amount, taxMode: 'exempt', kind: 'installation' }] },
      isp.owner.token,
    ),
  );
}

const aging = async (isp: Isp, asOf: string) =>
  unwrap(await isp.t.call('billing.reports.aging', { asOf }, isp.owner.token));

describe('billing.reports.aging', () => {
  it('puts a balance in the bucket of its days past due, at every boundary', async () => {
    const isp = await openIsp();
    const customerId = await isp.customer('Bu Ratna');
    const invoice = await oneOffInvoice(isp, customerId, 150_000);
    const due = invoice.dueDate;
    const expectations: [number, AgingBucket][] = [
      [-1, 'current'],
      [0, 'current'],
      [1, 'd1_30'],
      [30, 'd1_30'],
      [31, 'd31_60'],
      [60, 'd31_60'],
      [61, 'd61_90'],
      [90, 'd61_90'],
      [91, 'd90plus'],
      [400, 'd90plus'],
    ];
    for (const [offset, bucket] of expectations) {
      const report = await aging(isp, addDays(due, offset));
      expect(report.rows, `due + ${offset}`).toHaveLength(1);
      const row = report.rows[0]!;
      expect(
        AGING_BUCKETS.filter((b) => row[b] > 0),
        `due + ${offset}`,
      ).toEqual([bucket]);
      expect(row.total).toBe(150_000);
      expect(report.totals[bucket]).toBe(150_000);
      expect(report.totals.total).toBe(150_000);
    }
    // Before it was issued it is not owed at all.
    expect((await aging(isp, addDays(invoice.issueDate, -1))).rows).toEqual([]);
  });

  it('counts payments received up to the as-of date only, sums per customer and drops what is paid', async () => {
    const isp = await openIsp();
    const ratna = await isp.customer('Bu Ratna');
    const budi = await isp.customer('Pak Budi');
    const first = await oneOffInvoice(isp, ratna, 100_000);
    await isp.setDay('2030-02-20');
    const second = await oneOffInvoice(isp, ratna, 50_000);
    await oneOffInvoice(isp, budi, 75_000);
    await isp.setDay('2030-03-01');
    await isp.pay(ratna, 40_000);

    const before = await aging(isp, '2030-02-28');
    expect(before.customers).toBe(2);
    const ratnaRow = before.rows.find((r) => r.customerId === ratna)!;
    // The first invoice (due 25 Jan) is 34 days late on 28 Feb; the second is not due yet.
    expect(ratnaRow).toMatchObject({
      d31_60: 100_000,
      current: 50_000,
      total: 150_000,
      invoices: 2,
      oldestDueDate: first.dueDate,
    });
    expect(before.totals).toMatchObject({ total: 225_000, current: 125_000, d31_60: 100_000, invoices: 3 });
    expect(before.rows.map((r) => r.customerName)).toEqual(['Bu Ratna', 'Pak Budi']);

    const after = await aging(isp, '2030-03-01');
    expect(after.rows.find((r) => r.customerId === ratna)).toMatchObject({
      d31_60: 60_000,
      current: 50_000,
      total: 110_000,
    });

    await isp.pay(ratna, 110_000);
    const paid = await aging(isp, '2030-03-01');
    expect(paid.rows.map((r) => r.customerId)).toEqual([budi]);
    expect(second.dueDate > '2030-02-28').toBe(true);
  });

  it('is for report viewers only', async () => {
    const isp = await openIsp();
    const cashier = await isp.t.loginAs('cashier');
    expect(codeOf(await isp.t.call('billing.reports.aging', {}, cashier.token))).toBe('FORBIDDEN');
  });
});

describe('billing.reports.collections', () => {
  it('totals payments per day, per cashier and per method, with grand totals', async () => {
    const isp = await openIsp();
    const cashier = await isp.t.loginAs('cashier');
    const ratna = await isp.customer('Bu Ratna');
    const budi = await isp.customer('Pak Budi');
    await oneOffInvoice(isp, ratna, 500_000);
    await oneOffInvoice(isp, budi, 500_000);

    await isp.pay(ratna, 50_000, 'cash');
    await isp.pay(ratna, 25_000, 'transfer');
    await isp.pay(budi, 30_000, 'cash', cashier.token);
    await isp.pay(budi, 30_000, 'cash', cashier.token);
    await isp.setDay('2030-01-16');
    const later = await isp.t.login(cashier.username);
    await isp.pay(budi, 20_000, 'qris', later.token);

    const report = unwrap(
      await isp.t.call(
        'billing.reports.collections',
        { from: '2030-01-15', to: '2030-01-16' },
        isp.owner.token,
      ),
    );
    const owner = { userId: isp.owner.userId, userName: 'Bu Sari' };
    const kasir = { userId: cashier.userId, userName: 'Pengguna cashier' };
    expect(report.rows).toEqual([
      { day: '2030-01-15', ...owner, method: 'cash', count: 1, amount: 50_000 },
      { day: '2030-01-15', ...owner, method: 'transfer', count: 1, amount: 25_000 },
      { day: '2030-01-15', ...kasir, method: 'cash', count: 2, amount: 60_000 },
      { day: '2030-01-16', ...kasir, method: 'qris', count: 1, amount: 20_000 },
    ]);
    expect(report.byCashierDay).toEqual([
      {
        day: '2030-01-15',
        ...owner,
        count: 2,
        amount: 75_000,
        methods: { cash: 50_000, transfer: 25_000, qris: 0, credit: 0 },
      },
      {
        day: '2030-01-15',
        ...kasir,
        count: 2,
        amount: 60_000,
        methods: { cash: 60_000, transfer: 0, qris: 0, credit: 0 },
      },
      {
        day: '2030-01-16',
        ...kasir,
        count: 1,
        amount: 20_000,
        methods: { cash: 0, transfer: 0, qris: 20_000, credit: 0 },
      },
    ]);
    expect(report.totals).toEqual({
      count: 5,
      amount: 155_000,
      methods: { cash: 110_000, transfer: 25_000, qris: 20_000, credit: 0 },
    });

    const oneDay = unwrap(
      await isp.t.call(
        'billing.reports.collections',
        { from: '2030-01-16', to: '2030-01-16' },
        isp.owner.token,
      ),
    );
    expect(oneDay.totals).toMatchObject({ count: 1, amount: 20_000 });
  });

  it('refuses a range that ends before it starts or spans more than a year', async () => {
    const isp = await openIsp();
    const backwards = await isp.t.call(
      'billing.reports.collections',
      { from: '2030-02-01', to: '2030-01-01' },
      isp.owner.token,
    );
    expect(codeOf(backwards)).toBe('VALIDATION');
    expect(!backwards.ok && backwards.error.fields).toHaveProperty('to');
    const long = await isp.t.call(
      'billing.reports.collections',
      { from: '2029-01-01', to: '2030-06-01' },
      isp.owner.token,
    );
    expect(codeOf(long)).toBe('VALIDATION');
  });
});
