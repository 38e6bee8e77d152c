/**
 * The invoice run: one invoice per subscription per period (a second run makes none), the first
 * period prorated from activation, waiting charges billed once, plan-change proration on the next
 * invoice, PPN per the branch's rate, and the scheduler's catch-up over missed periods.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ensurePeriodInvoice, runBilling } from '../../../electron/core/billing/invoice-run';
import { addInvoiceLine } from '../../../electron/core/billing/invoice-lines';
import { readBillingSettings } from '../../../electron/core/billing/billing-settings';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { countRows } from '../support/shop';
import { billingTest } from './billing-fixture';

afterAll(cleanupTestCores);

describe('billing.run', () => {
  it('bills the first period prorated from activation, and a second run creates nothing', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const subId = await b.subscribe(await b.customer('Pak Budi'), planId);

    // Activated 15 January 2030 (Jakarta); fixed billing day 1 → January has 17 of 31 days.
    const first = unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    expect(first).toEqual({ created: 1, skipped: 0, totalAmount: 82_258 });
    const again = unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    expect(again).toEqual({ created: 0, skipped: 1, totalAmount: 0 });
    expect(countRows(b.sqlite, 'invoices', 'subscription_id = ?', subId)).toBe(1);

    const list = unwrap(await b.t.call('billing.invoices.list', { subscriptionId: subId }, b.owner.token));
    const invoice = list.invoices[0]!;
    expect(invoice.number).toMatch(/^INV\/[A-Z0-9]{4}\/3001\/000001$/);
    expect(invoice).toMatchObject({
      period: '2030-01',
      periodStart: '2030-01-01',
      periodEnd: '2030-01-31',
      issueDate: '2030-01-15',
      dueDate: '2030-01-25',
      status: 'issued',
      total: 82_258,
      balance: 82_258,
      ppn: 0,
    });
    const detail = unwrap(await b.t.call('billing.invoices.get', { id: invoice.id }, b.owner.token));
    expect(detail.lines).toHaveLength(1);
    expect(detail.lines[0]).toMatchObject({ kind: 'plan', amount: 82_258, taxMode: 'exempt' });
    expect(detail.lines[0]!.description).toContain('prorata 17/31');

    // The next period is whole, issued on its first day, due ten days later.
    const feb = unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token));
    expect(feb).toEqual({ created: 1, skipped: 0, totalAmount: 150_000 });
    const febInvoice = unwrap(await b.t.call('billing.invoices.list', { period: '2030-02' }, b.owner.token))
      .invoices[0]!;
    expect(febInvoice).toMatchObject({ issueDate: '2030-02-01', dueDate: '2030-02-11', total: 150_000 });
  });

  it('leaves out subscriptions that are pending or activated after the period', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const customerId = await b.customer('Bu Tini');
    unwrap(
      await b.t.call('subscriptions.create', { customerId, planId, routerId: b.routerId }, b.owner.token),
    );
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).created).toBe(0);
    await b.subscribe(await b.customer('Pak Joko'), planId);
    expect(unwrap(await b.t.call('billing.run', { period: '2029-12' }, b.owner.token)).created).toBe(0);
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).created).toBe(1);
  });

  it('picks up waiting charges once, on the first invoice whose period covers them', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 20 Mbps', 200_000);
    const customerId = await b.customer('Bu Ani');
    await b.subscribe(customerId, planId);
    const charge = unwrap(
      await b.t.call(
        'billing.charges.add',
        { customerId, kind: 'installation', description: 'Pemasangan', amount: 250_000, taxMode: 'exempt' },
        b.owner.token,
      ),
    );
    unwrap(
      await b.t.call(
        'billing.charges.add',
        { customerId, kind: 'discount', description: 'Promo pasang', amount: 50_000, taxMode: 'exempt' },
        b.owner.token,
      ),
    );
    const later = unwrap(
      await b.t.call(
        'billing.charges.add',
        {
          customerId,
          kind: 'device',
          description: 'Router WiFi',
          amount: 300_000,
          taxMode: 'exempt',
          effectiveOn: '2030-02-10',
        },
        b.owner.token,
      ),
    );
    // January: prorated plan (200.000 × 17/31 = 109.677) + installation − discount.
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).totalAmount).toBe(
      109_677 + 250_000 - 50_000,
    );
    const waiting = unwrap(await b.t.call('billing.charges.list', { customerId }, b.owner.token));
    expect(waiting.charges.map((c) => c.id)).toEqual([later.id]);
    const billed = unwrap(
      await b.t.call('billing.charges.list', { customerId, state: 'billed' }, b.owner.token),
    );
    expect(billed.charges.find((c) => c.id === charge.id)?.invoiceNumber).toMatch(/^INV\//);
    // A billed charge cannot be removed; a waiting one can.
    expect(codeOf(await b.t.call('billing.charges.remove', { id: charge.id }, b.owner.token))).toBe(
      'CONFLICT',
    );

    // February takes the device (effective 10 Feb) and nothing billed before.
    expect(unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token)).totalAmount).toBe(
      200_000 + 300_000,
    );
    expect(unwrap(await b.t.call('billing.run', { period: '2030-03' }, b.owner.token)).totalAmount).toBe(
      200_000,
    );
    expect(countRows(b.sqlite, 'invoice_lines', 'charge_id IS NOT NULL')).toBe(3);
  });

  it('puts a mid-period plan change on the next invoice: unused old days credited, new plan charged', async () => {
    const b = await billingTest();
    const basic = await b.plan('Rumah 10 Mbps', 150_000);
    const fast = await b.plan('Rumah 30 Mbps', 300_000);
    const customerId = await b.customer('Pak Hadi');
    const subId = await b.subscribe(customerId, basic);
    await b.advanceDays(32); // 16 February 2030
    unwrap(
      await b.t.call(
        'subscriptions.changePlan',
        { id: subId, planId: fast, reason: 'naik paket' },
        b.owner.token,
      ),
    );

    // The change made January's and February's invoices first, on the old plan.
    const before = unwrap(await b.t.call('billing.invoices.list', { subscriptionId: subId }, b.owner.token));
    expect(before.invoices.map((i) => [i.period, i.total]).sort()).toEqual([
      ['2030-01', 82_258],
      ['2030-02', 150_000],
    ]);
    unwrap(await b.t.call('billing.run', { period: '2030-03' }, b.owner.token));
    const march = unwrap(
      await b.t.call('billing.invoices.list', { subscriptionId: subId, period: '2030-03' }, b.owner.token),
    ).invoices[0]!;
    const detail = unwrap(await b.t.call('billing.invoices.get', { id: march.id }, b.owner.token));
    const byKind = Object.fromEntries(detail.lines.map((l) => [l.kind, l.amount]));
    // 16–28 February is 13 of 28 days.
    expect(byKind).toEqual({ plan: 300_000, proration_credit: -69_642, proration_charge: 139_285 });
    expect(detail.total).toBe(300_000 - 69_642 + 139_285);
    expect(unwrap(await b.t.call('billing.run', { period: '2030-04' }, b.owner.token)).totalAmount).toBe(
      300_000,
    );
  });

  it('computes PPN per line at the branch rate only when the branch is PKP', async () => {
    const b = await billingTest();
    unwrap(
      await b.t.call(
        'settings.update',
        { pkp: true, npwp: '012345678901234', ppnRatePercent: 12 },
        b.owner.token,
      ),
    );
    const excluded = await b.plan('Bisnis 50 Mbps', 1_000_000, 'excluded');
    const included = await b.plan('Rumah 10 Mbps', 166_500, 'included');
    await b.subscribe(await b.customer('PT Maju'), excluded);
    await b.subscribe(await b.customer('Bu Rina'), included);
    unwrap(await b.t.call('billing.run', { period: '2030-02' }, b.owner.token));
    const rows = unwrap(
      await b.t.call('billing.invoices.list', { period: '2030-02' }, b.owner.token),
    ).invoices;
    const by = Object.fromEntries(rows.map((i) => [i.customerName, i]));
    // 12% × DPP 11/12 = 11% effective, rounded down.
    expect(by['PT Maju']).toMatchObject({ subtotal: 1_000_000, ppn: 110_000, total: 1_110_000 });
    expect(by['Bu Rina']).toMatchObject({ subtotal: 166_500, ppn: 16_500, total: 166_500 });

    // Another rate (11% × 11/12) for invoices made after the change.
    unwrap(await b.t.call('settings.update', { ppnRatePercent: 11 }, b.owner.token));
    unwrap(await b.t.call('billing.run', { period: '2030-03' }, b.owner.token));
    const march = unwrap(
      await b.t.call('billing.invoices.list', { period: '2030-03', query: 'PT Maju' }, b.owner.token),
    ).invoices[0]!;
    expect(march).toMatchObject({ ppn: 100_833, total: 1_100_833 });

    // Not PKP: no PPN at all, lines exempt.
    unwrap(await b.t.call('settings.update', { pkp: false }, b.owner.token));
    unwrap(await b.t.call('billing.run', { period: '2030-04' }, b.owner.token));
    const april = unwrap(
      await b.t.call('billing.invoices.list', { period: '2030-04', query: 'PT Maju' }, b.owner.token),
    ).invoices[0]!;
    expect(april).toMatchObject({ ppn: 0, total: 1_000_000 });
  });
});

describe('runBilling (the scheduler’s entry)', () => {
  it('catches up every missed period once, filling gaps left by a hand run, and is idempotent', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const subId = await b.subscribe(await b.customer('Pak Slamet'), planId);
    // March was run by hand ahead of time.
    unwrap(await b.t.call('billing.run', { period: '2030-03' }, b.owner.token));

    const none = await b.inContext((ctx) => runBilling(ctx, '2030-01-14'));
    expect(none.created).toBe(0);
    // Closed until 10 April: January (prorated), February and April are made; March exists already.
    const caught = await b.inContext((ctx) => runBilling(ctx, '2030-04-10'));
    expect(caught.created).toBe(3);
    const periods = unwrap(
      await b.t.call('billing.invoices.list', { subscriptionId: subId }, b.owner.token),
    ).invoices.map((i) => [i.period, i.issueDate, i.total]);
    expect(periods.sort()).toEqual([
      ['2030-01', '2030-01-15', 82_258],
      ['2030-02', '2030-02-01', 150_000],
      ['2030-03', '2030-03-01', 150_000],
      ['2030-04', '2030-04-01', 150_000],
    ]);
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-04-10'))).created).toBe(0);
    // May's invoice is issued issue_days_before its start.
    unwrap(await b.t.call('billing.settings.update', { issueDaysBefore: 5 }, b.owner.token));
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-04-25'))).created).toBe(0);
    expect((await b.inContext((ctx) => runBilling(ctx, '2030-04-26'))).created).toBe(1);
  });

  it('ensurePeriodInvoice answers the period’s invoice, making it once', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    const subId = await b.subscribe(await b.customer('Bu Wati'), planId);
    const id = await b.inContext((ctx) => ensurePeriodInvoice(ctx, subId, '2030-01-20'));
    expect(id).not.toBeNull();
    expect(await b.inContext((ctx) => ensurePeriodInvoice(ctx, subId, '2030-01-31'))).toBe(id);
    expect(await b.inContext((ctx) => ensurePeriodInvoice(ctx, subId, '2030-01-10'))).toBeNull();
    // A late fee line recomputes the totals.
    await b.inContext((ctx) =>
      addInvoiceLine(ctx, id!, { kind: 'late_fee', description: 'Denda', amount: 10_000, taxMode: 'exempt' }),
    );
    const detail = unwrap(await b.t.call('billing.invoices.get', { id: id! }, b.owner.token));
    expect(detail.total).toBe(92_258);
    expect(detail.lines.map((l) => l.kind)).toEqual(['plan', 'late_fee']);
  });

  it('makes 2,000 invoices in one run with set-based reads', async () => {
    const b = await billingTest();
    const planId = await b.plan('Rumah 10 Mbps', 150_000);
    // Seeded straight into the store (the channels would take a minute): customers and live subscriptions.
    const deps = b.t.core.deps;
    await deps.store.db.transaction().execute(async (db) => {
      const customers = [];
      for (let start = 0; start < 2000; start += 500) {
        customers.push(
          ...(await deps.writer.insertMany(
            db,
            'customers',
            Array.from({ length: 500 }, (_, k) => start + k).map((i) => ({
              code: `PLG-BULK-${i}`,
              name: `Pelanggan ${i}`,
              phone: '',
              email: '',
              address: '',
              group_id: null,
              notes: '',
              nik: '',
              category: 'residential' as const,
              latitude: null,
              longitude: null,
              status: 'active' as const,
            })),
          )),
        );
      }
      for (let start = 0; start < customers.length; start += 500) {
        await deps.writer.insertMany(
          db,
          'subscriptions',
          customers.slice(start, start + 500).map((c, i) => ({
            code: `SUB-BULK-${start + i}`,
            customer_id: c.id,
            plan_id: planId,
            router_id: b.routerId,
            username: `bulk${start + i}`,
            ppp_secret_id: null,
            remote_address: '',
            odp_id: null,
            state: 'active' as const,
            anchor_day: 1,
            activated_on: '2029-12-01',
            terminated_on: null,
            notes: '',
          })),
        );
      }
    });
    const run = unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token));
    expect(run.created).toBe(2000);
    expect(run.totalAmount).toBe(2000 * 150_000);
    expect(unwrap(await b.t.call('billing.run', { period: '2030-01' }, b.owner.token)).created).toBe(0);
    expect(countRows(b.sqlite, 'invoices')).toBe(2000);
    expect(
      new Set(
        (b.sqlite.prepare('SELECT number FROM invoices').all() as { number: string }[]).map((r) => r.number),
      ).size,
    ).toBe(2000);
  });

  it('reads defaults until settings are saved, then validates them', async () => {
    const b = await billingTest();
    expect((await b.inContext((ctx) => readBillingSettings(ctx))).dueDays).toBe(10);
    const saved = unwrap(
      await b.t.call(
        'billing.settings.update',
        { dueDays: 14, reminderBeforeDays: [7, 3, 3], lateFeeType: 'fixed', lateFeeValue: 25_000 },
        b.owner.token,
      ),
    );
    expect(saved).toMatchObject({
      dueDays: 14,
      reminderBeforeDays: [3, 7],
      lateFeeType: 'fixed',
      lateFeeValue: 25_000,
      autoReactivate: true,
    });
    expect(unwrap(await b.t.call('billing.settings.get', {}, b.owner.token)).dueDays).toBe(14);
    expect(codeOf(await b.t.call('billing.settings.update', { reminderAfterDays: [0] }, b.owner.token))).toBe(
      'VALIDATION',
    );
    expect(
      codeOf(
        await b.t.call(
          'billing.settings.update',
          { lateFeeType: 'percent', lateFeeValue: 150 },
          b.owner.token,
        ),
      ),
    ).toBe('VALIDATION');
    expect(codeOf(await b.t.call('billing.settings.update', { billingDay: 31 }, b.owner.token))).toBe(
      'VALIDATION',
    );
  });
});
