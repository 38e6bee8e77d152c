/**
 * Plan change mid-period: the period's invoice is made first, then the unused days of the old plan
 * are credited and the new plan charged for them (two billing_charges rows); the router moves the
 * secret to the new plan's profile and kicks the session. An isolated subscription stays isolated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { menu } from '../network/network-support';
import { subscriptionTest, type SubscriptionTest } from './subscriptions-support';

afterAll(cleanupTestCores);

async function activeOn(s: SubscriptionTest) {
  const basic = await s.plan({ price: 150_000, downloadKbps: 10_000, uploadKbps: 5_000 });
  const fast = await s.plan({
    price: 250_000,
    downloadKbps: 20_000,
    uploadKbps: 10_000,
    isolirProfile: 'isolir-lambat',
  });
  const { subscription } = unwrap(
    await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: basic.id, routerId: s.routerRow.id },
      s.owner.token,
    ),
  );
  // Activated on 2030-01-15 (the fixture's day); periods start on the 1st (fixed billing day).
  unwrap(await s.t.call('subscriptions.activate', { id: subscription.id, reason: 'Pasang' }, s.owner.token));
  await s.runJobs();
  return { basic, fast, sub: subscription };
}

function charges(s: SubscriptionTest, subscriptionId: string) {
  return s.t.core.deps.store.sqlite
    .prepare(
      "SELECT kind, amount, tax_mode, effective_on, invoice_id FROM billing_charges WHERE subscription_id = ? AND kind LIKE 'proration%' ORDER BY kind",
    )
    .all(subscriptionId);
}

describe('plan change with proration', () => {
  it('upgrade on the 20th: 12 of 31 days credited and charged, the January invoice made first, profile changed and kicked', async () => {
    const s = await subscriptionTest();
    const { basic, fast, sub } = await activeOn(s);
    await s.advanceDays(5);
    s.router.dialIn(sub.username);
    const preview = unwrap(
      await s.t.call('subscriptions.changePlan.preview', { id: sub.id, planId: fast.id }, s.owner.token),
    );
    // 20–31 January: 12 of 31 days. 150,000 × 12/31 = 58,064.5…; 250,000 × 12/31 = 96,774.1…
    expect(preview).toEqual({
      effectiveOn: '2030-01-20',
      oldPlan: { id: basic.id, name: basic.name, price: 150_000 },
      newPlan: { id: fast.id, name: fast.name, price: 250_000 },
      periods: [
        {
          periodKey: '2030-01',
          periodStart: '2030-01-01',
          periodEnd: '2030-01-31',
          periodDays: 31,
          from: '2030-01-20',
          days: 12,
          credit: -58_064,
          charge: 96_774,
        },
      ],
      credit: -58_064,
      charge: 96_774,
      net: 38_710,
    });
    // The preview wrote nothing.
    expect(charges(s, sub.id)).toEqual([]);
    const sqlite = s.t.core.deps.store.sqlite;
    expect(
      sqlite.prepare('SELECT count(*) FROM invoices WHERE subscription_id = ?').pluck().get(sub.id),
    ).toBe(0);

    const changed = unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: fast.id, reason: 'Minta lebih cepat' },
        s.owner.token,
      ),
    );
    expect(changed.proration).toEqual(preview);
    expect(changed.subscription).toMatchObject({ planId: fast.id, state: 'active', rateLimit: '10M/20M' });
    // The period was invoiced at the old plan before the proration (first period: from activation).
    const invoice = sqlite
      .prepare("SELECT period FROM invoices WHERE subscription_id = ? AND status != 'void'")
      .all(sub.id);
    expect(invoice).toEqual([{ period: '2030-01' }]);
    expect(charges(s, sub.id)).toEqual([
      {
        kind: 'proration_charge',
        amount: 96_774,
        tax_mode: 'included',
        effective_on: '2030-01-20',
        invoice_id: null,
      },
      {
        kind: 'proration_credit',
        amount: -58_064,
        tax_mode: 'included',
        effective_on: '2030-01-20',
        invoice_id: null,
      },
    ]);
    await s.runJobs();
    expect(menu(s.router, '/ppp/profile').find((p) => p.name === fast.routerProfile)).toMatchObject({
      'rate-limit': '10M/20M',
    });
    expect(menu(s.router, '/ppp/secret').find((x) => x.name === sub.username)).toMatchObject({
      profile: fast.routerProfile,
    });
    expect(menu(s.router, '/ppp/active').filter((a) => a.name === sub.username)).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]).toMatchObject({
      kind: 'plan_change',
      fromState: 'active',
      toState: 'active',
      reason: 'Minta lebih cepat',
      userId: s.owner.userId,
      details: expect.objectContaining({
        fromPlan: basic.name,
        toPlan: fast.name,
        credit: -58_064,
        charge: 96_774,
        effectiveOn: '2030-01-20',
      }),
    });
    // Moving to the plan it is on is refused.
    expect(
      codeOf(
        await s.t.call(
          'subscriptions.changePlan',
          { id: sub.id, planId: fast.id, reason: 'lagi' },
          s.owner.token,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('downgrade on the last day of the period: one day each, the net is a credit', async () => {
    const s = await subscriptionTest();
    const { basic, fast, sub } = await activeOn(s);
    unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: fast.id, reason: 'naik', effectiveOn: '2030-01-15' },
        s.owner.token,
      ),
    );
    await s.advanceDays(16); // 2030-01-31
    const changed = unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: basic.id, reason: 'turun lagi' },
        s.owner.token,
      ),
    );
    expect(changed.proration.periods).toEqual([
      expect.objectContaining({ from: '2030-01-31', days: 1, credit: -8_064, charge: 4_838 }),
    ]);
    expect(changed.proration.net).toBe(-3_226);
  });

  it('a later period already invoiced at the old plan is swapped whole', async () => {
    const s = await subscriptionTest();
    // February's invoice is issued 5 days before it starts (27 January).
    unwrap(await s.t.call('billing.settings.update', { issueDaysBefore: 5 }, s.owner.token));
    const { fast, sub } = await activeOn(s);
    await s.advanceDays(13); // 2030-01-28
    unwrap(await s.t.call('billing.run', { period: '2030-02' }, s.owner.token));
    const preview = unwrap(
      await s.t.call('subscriptions.changePlan.preview', { id: sub.id, planId: fast.id }, s.owner.token),
    );
    expect(preview.periods).toEqual([
      expect.objectContaining({
        periodKey: '2030-01',
        from: '2030-01-28',
        days: 4,
        credit: -19_354,
        charge: 32_258,
      }),
      expect.objectContaining({
        periodKey: '2030-02',
        from: '2030-02-01',
        days: 28,
        credit: -150_000,
        charge: 250_000,
      }),
    ]);
    unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: fast.id, reason: 'Naik paket' },
        s.owner.token,
      ),
    );
    expect(charges(s, sub.id)).toEqual([
      expect.objectContaining({ kind: 'proration_charge', amount: 32_258, effective_on: '2030-01-28' }),
      expect.objectContaining({ kind: 'proration_charge', amount: 250_000, effective_on: '2030-02-01' }),
      expect.objectContaining({ kind: 'proration_credit', amount: -19_354, effective_on: '2030-01-28' }),
      expect.objectContaining({ kind: 'proration_credit', amount: -150_000, effective_on: '2030-02-01' }),
    ]);
  });

  it('an isolated subscription keeps its isolation on the new plan; reactivation lands on the new profile', async () => {
    const s = await subscriptionTest();
    const { fast, sub } = await activeOn(s);
    unwrap(await s.t.call('subscriptions.isolate', { id: sub.id, reason: 'Menunggak' }, s.owner.token));
    await s.runJobs();
    const changed = unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: fast.id, reason: 'Ganti paket' },
        s.owner.token,
      ),
    );
    expect(changed.subscription.state).toBe('isolated');
    await s.runJobs();
    // The new plan's isolir profile (made on the router since it was missing).
    expect(menu(s.router, '/ppp/secret').find((x) => x.name === sub.username)).toMatchObject({
      profile: 'isolir-lambat',
    });
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Lunas' }, s.owner.token));
    await s.runJobs();
    expect(menu(s.router, '/ppp/secret').find((x) => x.name === sub.username)).toMatchObject({
      profile: fast.routerProfile,
    });
  });

  it('refuses a day in the future, before activation or before the current period', async () => {
    const s = await subscriptionTest();
    const { fast, sub } = await activeOn(s);
    for (const effectiveOn of ['2030-01-16', '2030-01-14']) {
      const result = await s.t.call(
        'subscriptions.changePlan.preview',
        { id: sub.id, planId: fast.id, effectiveOn },
        s.owner.token,
      );
      expect(codeOf(result), effectiveOn).toBe('VALIDATION');
      expect(!result.ok && Object.keys(result.error.fields ?? {})).toEqual(['effectiveOn']);
    }
    await s.advanceDays(20); // 2030-02-04: January is closed
    const old = await s.t.call(
      'subscriptions.changePlan',
      { id: sub.id, planId: fast.id, reason: 'x', effectiveOn: '2030-01-30' },
      s.owner.token,
    );
    expect(codeOf(old)).toBe('VALIDATION');
    expect(charges(s, sub.id)).toEqual([]);
  });
});
