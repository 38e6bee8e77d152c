/**
 * Paying at the counter: oldest invoice first, the rest to credit, partial status, idempotent
 * retries, cash into the open shift's drawer, paying from credit, and auto-reactivation of an
 * isolated subscription once nothing is overdue.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { countRows } from '../support/shop';
import { billingTest, pdfText, type BillingTest } from './billing-fixture';

afterAll(cleanupTestCores);

async function oneOff(b: BillingTest, customerId: string, amount: number, description = 'Jasa') {
  return unwrap(
    await b.t.call(
      'billing.invoices.create',
      { customerId, items: [{ description, amount, taxMode: 'exempt', kind: 'other' }] },
      b.owner.token,
    ),
  );
}

describe('billing.payments.record', () => {
  it('allocates oldest first, marks partial and paid, and turns the rest into credit', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Pak Dedi');
    const first = await oneOff(b, customerId, 100_000, 'Pemasangan');
    await b.advanceDays(1);
    const second = await oneOff(b, customerId, 50_000, 'Router');
    await b.advanceDays(1);
    const third = await oneOff(b, customerId, 30_000, 'Kabel');

    const pay1 = unwrap(
      await b.pay({ customerId, amount: 120_000, method: 'transfer', reference: 'BCA 123' }),
    );
    expect(pay1.number).toMatch(/^PAY\/[A-Z0-9]{4}\/3001\/000001$/);
    expect(pay1.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      [first.id, 100_000],
      [second.id, 20_000],
    ]);
    expect(pay1.toCredit).toBe(0);
    const status = async (id: string) =>
      unwrap(await b.t.call('billing.invoices.get', { id }, b.owner.token));
    expect(await status(first.id)).toMatchObject({ status: 'paid', balance: 0, paidOn: '2030-01-17' });
    expect(await status(second.id)).toMatchObject({ status: 'partial', balance: 30_000 });
    expect(await status(third.id)).toMatchObject({ status: 'issued', balance: 30_000 });
    expect(unwrap(await b.t.call('billing.invoices.list', { status: 'partial' }, b.owner.token)).total).toBe(
      1,
    );

    const pay2 = unwrap(await b.pay({ customerId, amount: 100_000, method: 'qris' }));
    expect(pay2.allocations.map((a) => a.amount)).toEqual([30_000, 30_000]);
    expect(pay2.toCredit).toBe(40_000);
    const balance = unwrap(await b.t.call('billing.customers.balance', { customerId }, b.owner.token));
    expect(balance).toMatchObject({ due: 0, overdue: 0, credit: 40_000, openInvoices: [] });
    expect(unwrap(await b.t.call('customers.get', { id: customerId }, b.owner.token)).credit).toBe(40_000);

    // Paying from credit: a new invoice of 60.000, 20.000 in money plus the 40.000 credit.
    const fourth = await oneOff(b, customerId, 60_000, 'Kunjungan teknisi');
    const pay3 = unwrap(await b.pay({ customerId, amount: 20_000, method: 'transfer', useCredit: true }));
    expect(pay3.allocations).toEqual([
      { invoiceId: fourth.id, invoiceNumber: fourth.number, amount: 20_000 },
    ]);
    expect(await status(fourth.id)).toMatchObject({ status: 'paid', balance: 0 });
    expect(unwrap(await b.t.call('billing.customers.balance', { customerId }, b.owner.token)).credit).toBe(0);
    const detail = await status(fourth.id);
    expect(detail.payments.map((p) => [p.method, p.amount]).sort()).toEqual([
      ['credit', 40_000],
      ['transfer', 20_000],
    ]);
  });

  it('pays only the chosen invoices when told which', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Bu Lina');
    const older = await oneOff(b, customerId, 80_000);
    const newer = await oneOff(b, customerId, 50_000);
    const paid = unwrap(await b.pay({ customerId, amount: 50_000, method: 'cash', invoiceIds: [newer.id] }));
    expect(paid.allocations.map((a) => a.invoiceId)).toEqual([newer.id]);
    const other = await b.customer('Pak Lain');
    const foreign = await oneOff(b, other, 10_000);
    const refused = await b.pay({ customerId, amount: 10_000, method: 'cash', invoiceIds: [foreign.id] });
    expect(codeOf(refused)).toBe('VALIDATION');
    expect(unwrap(await b.t.call('billing.invoices.get', { id: older.id }, b.owner.token)).balance).toBe(
      80_000,
    );
  });

  it('answers a retry with the same id with the payment already made, and refuses the id for another payment', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Pak Eko');
    await oneOff(b, customerId, 100_000);
    const id = randomUUID();
    const first = unwrap(await b.pay({ id, customerId, amount: 60_000, method: 'transfer' }));
    const retry = unwrap(await b.pay({ id, customerId, amount: 60_000, method: 'transfer' }));
    expect(retry).toEqual(first);
    expect(countRows(b.sqlite, 'billing_payments')).toBe(1);
    expect(countRows(b.sqlite, 'payment_allocations')).toBe(1);
    expect(codeOf(await b.pay({ id, customerId, amount: 70_000, method: 'transfer' }))).toBe('CONFLICT');
    expect(codeOf(await b.pay({ customerId, amount: 0, method: 'cash' }))).toBe('VALIDATION');
    expect(codeOf(await b.pay({ customerId, amount: 0, method: 'cash', useCredit: true }))).toBe(
      'VALIDATION',
    );
  });

  it('puts cash into this till’s open shift drawer; transfers stay out of it', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Bu Siti');
    await oneOff(b, customerId, 200_000);
    // No shift open: the payment is still taken, nothing goes to a drawer.
    unwrap(await b.pay({ customerId, amount: 10_000, method: 'cash' }));
    expect(countRows(b.sqlite, 'cash_movements')).toBe(0);
    const warehouseId = unwrap(await b.t.call('inventory.warehouses.list', {}, b.owner.token))[0]!.id;
    const shift = unwrap(
      await b.t.call('pos.shifts.open', { warehouseId, openingFloat: 100_000 }, b.owner.token),
    );
    const cash = unwrap(await b.pay({ customerId, amount: 50_000, method: 'cash' }));
    unwrap(await b.pay({ customerId, amount: 25_000, method: 'transfer' }));
    const moves = b.sqlite
      .prepare("SELECT amount, ref_id FROM cash_movements WHERE kind = 'order_payment'")
      .all();
    expect(moves).toEqual([{ amount: 50_000, ref_id: cash.id }]);
    const report = unwrap(await b.t.call('pos.shifts.report', {}, b.owner.token));
    expect(report.shift.id).toBe(shift.id);
    expect(report.shift.expectedCash).toBe(150_000);
  });

  it('lets a cashier take payments but not run billing', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Pak Rudi');
    await oneOff(b, customerId, 40_000);
    const cashier = await b.t.loginAs('cashier');
    expect(codeOf(await b.pay({ customerId, amount: 40_000, method: 'qris' }, cashier.token))).toBe('ok');
    expect(codeOf(await b.t.call('billing.customers.balance', { customerId }, cashier.token))).toBe('ok');
    expect(codeOf(await b.t.call('billing.run', { period: '2030-01' }, cashier.token))).toBe('FORBIDDEN');
  });

  it('prints a receipt naming the payment and the invoices it paid', async () => {
    const b = await billingTest();
    const customerId = await b.customer('Bu Yanti');
    const invoice = await oneOff(b, customerId, 75_000);
    const payment = unwrap(await b.pay({ customerId, amount: 80_000, method: 'cash' }));
    const receipt = unwrap(await b.t.call('billing.payments.receipt', { id: payment.id }, b.owner.token));
    const bytes = Buffer.from(receipt.pdfBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(payment.number);
    expect(text).toContain(invoice.number);
    expect(text).toContain('Rp 5.000'); // to credit
    const list = unwrap(
      await b.t.call(
        'billing.payments.list',
        { customerId, from: '2030-01-15', to: '2030-01-15' },
        b.owner.token,
      ),
    );
    expect(list).toMatchObject({ total: 1, sum: 80_000 });
  });
});

describe('auto-reactivation', () => {
  async function isolatedCustomer(b: BillingTest) {
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Pak Tono');
    const subId = await b.subscribe(customerId, planId);
    unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)); // 82.258, due 25 Jan
    await b.advanceDays(17); // 1 February: overdue
    unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token)); // 150.000, due 11 Feb
    unwrap(await b.t.call('subscriptions.isolate', { id: subId, reason: 'menunggak' }, b.owner.token));
    const state = async () =>
      unwrap(await b.t.call('subscriptions.get', { id: subId }, b.owner.token)).subscription.state;
    expect(await state()).toBe('isolated');
    return { customerId, subId, state };
  }

  it('reactivates an isolated subscription once nothing overdue is left, not before', async () => {
    const b = await billingTest();
    const { customerId, state } = await isolatedCustomer(b);
    unwrap(await b.pay({ customerId, amount: 50_000, method: 'cash' }));
    expect(await state()).toBe('isolated');
    // The rest of January is paid; February is not due yet, so the service comes back.
    unwrap(await b.pay({ customerId, amount: 32_258, method: 'cash' }));
    expect(await state()).toBe('active');
    const balance = unwrap(await b.t.call('billing.customers.balance', { customerId }, b.owner.token));
    expect(balance).toMatchObject({ due: 150_000, overdue: 0 });
  });

  it('leaves it isolated when auto-reactivation is off', async () => {
    const b = await billingTest();
    unwrap(await b.t.call('billing.settings.update', { autoReactivate: false }, b.owner.token));
    const { customerId, state } = await isolatedCustomer(b);
    unwrap(await b.pay({ customerId, amount: 300_000, method: 'transfer' }));
    expect(await state()).toBe('isolated');
  });
});
