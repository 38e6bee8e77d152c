/**
 * A subscription's lifecycle against the RouterOS simulator: activation provisions the plan's profile
 * and the secret, isolir moves it (profile or address list) and kicks the session, reactivation puts
 * it back, termination removes it; illegal transitions are refused; every transition is recorded with
 * who and why.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  isolateSubscription,
  reactivateSubscription,
} from '../../../electron/core/subscriptions/subscription-lifecycle';
import type { HandlerContext } from '../../../electron/core/context';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { menu } from '../network/network-support';
import { subscriptionTest, type SubscriptionTest } from './subscriptions-support';

afterAll(cleanupTestCores);

async function activeSubscription(s: SubscriptionTest, planFields = {}, subFields = {}) {
  const plan = await s.plan(planFields);
  const created = unwrap(
    await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, ...subFields },
      s.owner.token,
    ),
  );
  unwrap(
    await s.t.call(
      'subscriptions.activate',
      { id: created.subscription.id, reason: 'Pemasangan selesai' },
      s.owner.token,
    ),
  );
  await s.runJobs();
  return { plan, sub: created.subscription, password: created.generatedPassword };
}

const secretOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ppp/secret').find((row) => row.name === name);
const sessionsOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ppp/active').filter((row) => row.name === name);

/** A handler context for calling the lifecycle functions the way the scheduler does (no session). */
function schedulerContext(s: SubscriptionTest, run: (ctx: HandlerContext) => Promise<unknown>) {
  const deps = s.t.core.deps;
  return deps.store.db.transaction().execute(async (tx) => {
    const effects: (() => void)[] = [];
    const ctx: HandlerContext = {
      ...deps,
      db: tx,
      session: null,
      locale: 'en',
      channel: 'scheduler.test',
      audit: async () => {},
      afterCommit: (effect) => effects.push(effect),
    };
    const result = await run(ctx);
    return { result, effects };
  });
}

describe('subscriptions on the simulator', () => {
  it('create → pending with a code, a username from the customer code and a generated password shown once', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const customer = unwrap(await s.t.call('customers.get', { id: s.customerId }, s.owner.token));
    const created = unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
        s.owner.token,
      ),
    );
    expect(created.subscription).toMatchObject({
      state: 'pending',
      username: customer.code.toLowerCase(),
      customerName: 'Budi Santoso',
      planName: plan.name,
      routerName: s.routerRow.name,
      rateLimit: '5M/10M',
    });
    expect(created.subscription.code).toMatch(/^LGN-[A-Z0-9]{4}-\d{5}$/);
    expect(created.generatedPassword).toMatch(/^[A-Za-z0-9]{10}$/);
    // Nothing on the router until activation; the password is not stored in plain text anywhere.
    await s.runJobs();
    expect(menu(s.router, '/ppp/secret')).toEqual([]);
    const sqlite = s.t.core.deps.store.sqlite;
    const secretValues = sqlite.prepare('SELECT value FROM secrets').pluck().all() as unknown[];
    expect(secretValues.map(String).join('\n')).not.toContain(created.generatedPassword!);
    // A second subscription of the same customer gets the next free username.
    const second = unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, password: 'rahasia-77' },
        s.owner.token,
      ),
    );
    expect(second.subscription.username).toBe(`${customer.code.toLowerCase()}-2`);
    expect(second.generatedPassword).toBeNull();
    const taken = await s.t.call(
      'subscriptions.create',
      {
        customerId: s.customerId,
        planId: plan.id,
        routerId: s.routerRow.id,
        username: second.subscription.username,
      },
      s.owner.token,
      'id',
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(!taken.ok && taken.error.message).toContain('sudah dipakai');
  });

  it('activate → the plan profile with its rate-limit and the secret with that profile and the password exist on the router', async () => {
    const s = await subscriptionTest();
    const { plan, sub, password } = await activeSubscription(s, { installationFee: 250_000 });
    expect(menu(s.router, '/ppp/profile').find((p) => p.name === plan.routerProfile)).toMatchObject({
      'rate-limit': '5M/10M',
    });
    expect(menu(s.router, '/ppp/profile').find((p) => p.name === 'isolir')).toMatchObject({
      'rate-limit': '64k/64k',
    });
    const secret = secretOf(s, sub.username);
    expect(secret).toMatchObject({
      profile: plan.routerProfile,
      password: password!,
      service: 'pppoe',
      disabled: 'false',
    });
    expect(secret!.comment).toMatch(/^gerai:[0-9a-f-]{36} LGN-/);
    const { subscription, events } = unwrap(
      await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token),
    );
    expect(subscription).toMatchObject({ state: 'active', activatedOn: '2030-01-15', anchorDay: 1 });
    expect(events.map((e) => [e.kind, e.fromState, e.toState, e.reason, e.userName])).toEqual([
      ['activate', 'pending', 'active', 'Pemasangan selesai', 'Bu Sari'],
      ['create', null, 'pending', '', 'Bu Sari'],
    ]);
    // The customer is active; the installation fee waits for the next invoice.
    const customer = s.t.core.deps.store.sqlite
      .prepare('SELECT status FROM customers WHERE id = ?')
      .get(s.customerId) as { status: string };
    expect(customer.status).toBe('active');
    const charges = s.t.core.deps.store.sqlite
      .prepare('SELECT kind, amount, invoice_id FROM billing_charges WHERE subscription_id = ?')
      .all(sub.id);
    expect(charges).toEqual([{ kind: 'installation', amount: 250_000, invoice_id: null }]);
    // The jobs all finished.
    const jobs = unwrap(await s.t.call('network.jobs.list', { routerId: s.routerRow.id }, s.owner.token));
    expect(jobs.every((job) => job.state === 'done')).toBe(true);
  });

  it('isolate by profile → the isolir profile and no session; reactivate → back on the plan profile, kicked to redial', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeSubscription(s);
    s.router.dialIn(sub.username);
    expect(sessionsOf(s, sub.username)).toHaveLength(1);
    const isolated = unwrap(
      await s.t.call(
        'subscriptions.isolate',
        { id: sub.id, reason: 'Tagihan Januari belum dibayar' },
        s.owner.token,
      ),
    );
    expect(isolated.subscription.state).toBe('isolated');
    expect(isolated.jobIds.length).toBeGreaterThan(0);
    await s.runJobs();
    expect(secretOf(s, sub.username)).toMatchObject({ profile: 'isolir' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    // The customer can dial in again, onto the isolir profile.
    s.router.dialIn(sub.username);
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Sudah bayar' }, s.owner.token));
    await s.runJobs();
    expect(secretOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.slice(0, 2).map((e) => [e.kind, e.fromState, e.toState, e.reason, e.userId])).toEqual([
      ['reactivate', 'isolated', 'active', 'Sudah bayar', s.owner.userId],
      ['isolate', 'active', 'isolated', 'Tagihan Januari belum dibayar', s.owner.userId],
    ]);
    expect(events[1]!.details).toMatchObject({ isolation: { method: 'profile', profile: 'isolir' } });
  });

  it('isolate by address list → the static IP on the list and kicked; reactivate → off the list', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeSubscription(
      s,
      { isolirMethod: 'address-list', isolirProfile: '', isolirAddressList: 'ISOLIR' },
      { remoteAddress: '10.20.0.7' },
    );
    expect(secretOf(s, sub.username)).toMatchObject({
      'remote-address': '10.20.0.7',
      profile: plan.routerProfile,
    });
    s.router.dialIn(sub.username);
    unwrap(await s.t.call('subscriptions.isolate', { id: sub.id, reason: 'Menunggak' }, s.owner.token));
    await s.runJobs();
    expect(
      menu(s.router, '/ip/firewall/address-list')
        .filter((e) => e.list === 'ISOLIR')
        .map((e) => e.address),
    ).toEqual(['10.20.0.7']);
    expect(sessionsOf(s, sub.username)).toEqual([]);
    // The secret keeps its profile: the list does the blocking.
    expect(secretOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile });
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Lunas' }, s.owner.token));
    await s.runJobs();
    expect(menu(s.router, '/ip/firewall/address-list').filter((e) => e.list === 'ISOLIR')).toEqual([]);
  });

  it('address-list isolir needs a static IP: refused at creation with a clear message', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan({
      isolirMethod: 'address-list',
      isolirProfile: '',
      isolirAddressList: 'ISOLIR',
    });
    const result = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
      s.owner.token,
    );
    expect(codeOf(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.fields).toEqual({
      remoteAddress: 'a static IP is needed for address-list isolation',
    });
    expect(!result.ok && result.error.message).toContain('no static IP');
  });

  it('terminate → the secret is gone from the router and the session kicked; the customer is terminated', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s);
    s.router.dialIn(sub.username);
    unwrap(
      await s.t.call('subscriptions.terminate', { id: sub.id, reason: 'Pindah ke luar kota' }, s.owner.token),
    );
    await s.runJobs();
    expect(secretOf(s, sub.username)).toBeUndefined();
    expect(sessionsOf(s, sub.username)).toEqual([]);
    const { subscription } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(subscription).toMatchObject({ state: 'terminated', terminatedOn: '2030-01-15' });
    const customer = s.t.core.deps.store.sqlite
      .prepare('SELECT status FROM customers WHERE id = ?')
      .get(s.customerId) as { status: string };
    expect(customer.status).toBe('terminated');
    // The username is free again on the router.
    const plan = await s.plan();
    const again = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, username: sub.username },
      s.owner.token,
    );
    expect(codeOf(again)).toBe('ok');
  });

  it('refuses illegal transitions with a message naming the state, and changes nothing', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const { subscription: pending } = unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
        s.owner.token,
      ),
    );
    const isolate = await s.t.call(
      'subscriptions.isolate',
      { id: pending.id, reason: 'x' },
      s.owner.token,
      'id',
    );
    expect(codeOf(isolate)).toBe('CONFLICT');
    expect(!isolate.ok && isolate.error.message).toBe(
      `Langganan ${pending.code} sedang menunggu aktivasi: tidak bisa diisolir.`,
    );
    const reactivate = await s.t.call(
      'subscriptions.reactivate',
      { id: pending.id, reason: 'x' },
      s.owner.token,
    );
    expect(!reactivate.ok && reactivate.error.message).toBe(
      `Subscription ${pending.code} is pending: it cannot be reactivated.`,
    );
    const change = await s.t.call(
      'subscriptions.changePlan',
      { id: pending.id, planId: (await s.plan()).id, reason: 'x' },
      s.owner.token,
    );
    expect(codeOf(change)).toBe('CONFLICT');
    unwrap(await s.t.call('subscriptions.activate', { id: pending.id, reason: 'ok' }, s.owner.token));
    expect(
      codeOf(await s.t.call('subscriptions.activate', { id: pending.id, reason: 'lagi' }, s.owner.token)),
    ).toBe('CONFLICT');
    expect(
      codeOf(await s.t.call('subscriptions.reactivate', { id: pending.id, reason: 'x' }, s.owner.token)),
    ).toBe('CONFLICT');
    unwrap(await s.t.call('subscriptions.terminate', { id: pending.id, reason: 'selesai' }, s.owner.token));
    for (const channel of [
      'subscriptions.activate',
      'subscriptions.isolate',
      'subscriptions.reactivate',
      'subscriptions.terminate',
    ] as const) {
      const result = await s.t.call(channel, { id: pending.id, reason: 'x' }, s.owner.token);
      expect(codeOf(result), channel).toBe('CONFLICT');
      expect(!result.ok && result.error.message, channel).toContain('is terminated');
    }
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: pending.id }, s.owner.token));
    expect(events.map((e) => e.kind)).toEqual(['terminate', 'activate', 'create']);
  });

  it('the lifecycle functions work without a session (the scheduler): the event has no user, the reason is the caller’s', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeSubscription(s);
    const isolated = await schedulerContext(s, (ctx) =>
      isolateSubscription(ctx, sub.id, 'Isolir otomatis: 5 hari lewat jatuh tempo'),
    );
    expect(isolated.result).toBe(true);
    for (const effect of isolated.effects) effect();
    // A second call has nothing to do.
    expect((await schedulerContext(s, (ctx) => isolateSubscription(ctx, sub.id, 'lagi'))).result).toBe(false);
    await s.runJobs();
    expect(secretOf(s, sub.username)).toMatchObject({ profile: 'isolir' });
    const reactivated = await schedulerContext(s, (ctx) =>
      reactivateSubscription(ctx, sub.id, 'Dibayar: aktif otomatis'),
    );
    expect(reactivated.result).toBe(true);
    for (const effect of reactivated.effects) effect();
    expect((await schedulerContext(s, (ctx) => reactivateSubscription(ctx, sub.id, 'lagi'))).result).toBe(
      false,
    );
    await s.runJobs();
    expect(secretOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile });
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.slice(0, 2).map((e) => [e.kind, e.reason, e.userId, e.userName])).toEqual([
      ['reactivate', 'Dibayar: aktif otomatis', null, null],
      ['isolate', 'Isolir otomatis: 5 hari lewat jatuh tempo', null, null],
    ]);
  });

  it('lists with joined names and filters by state, plan and text', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeSubscription(s);
    const other = await s.plan();
    unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: other.id, routerId: s.routerRow.id },
        s.owner.token,
      ),
    );
    const all = unwrap(await s.t.call('subscriptions.list', {}, s.owner.token));
    expect(all.total).toBe(2);
    const active = unwrap(await s.t.call('subscriptions.list', { state: 'active' }, s.owner.token));
    expect(active.subscriptions.map((x) => x.id)).toEqual([sub.id]);
    expect(active.subscriptions[0]).toMatchObject({
      planName: plan.name,
      customerName: 'Budi Santoso',
      routerName: s.routerRow.name,
    });
    expect(unwrap(await s.t.call('subscriptions.list', { planId: other.id }, s.owner.token)).total).toBe(1);
    expect(unwrap(await s.t.call('subscriptions.list', { query: 'budi' }, s.owner.token)).total).toBe(2);
    expect(
      unwrap(await s.t.call('subscriptions.list', { query: sub.code }, s.owner.token)).subscriptions.map(
        (x) => x.id,
      ),
    ).toEqual([sub.id]);
    expect(unwrap(await s.t.call('subscriptions.list', { query: 'tidak-ada' }, s.owner.token)).total).toBe(0);
  });
});
