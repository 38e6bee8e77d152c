/**
 * Service plans: validation of the isolir settings, unique names, archive, and changes that reach the
 * routers of live subscriptions. Also what a subscription checks at creation (plan, static IP, ODP).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { menu } from '../network/network-support';
import { subscriptionTest } from './subscriptions-support';

afterAll(cleanupTestCores);

describe('service plans', () => {
  it('creates a plan with its RouterOS rate-limit; isolir settings and names are checked', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan({
      name: 'Keluarga 30 Mbps',
      downloadKbps: 30_000,
      uploadKbps: 1_500,
      price: 300_000,
      taxMode: 'excluded',
    });
    expect(plan).toMatchObject({
      rateLimit: '1500k/30M',
      taxMode: 'excluded',
      archived: false,
      liveSubscriptions: 0,
    });
    const noProfile = await s.t.call(
      'plans.create',
      { name: 'Tanpa Isolir', downloadKbps: 1_000, uploadKbps: 1_000, price: 50_000, routerProfile: 'p1' },
      s.owner.token,
    );
    expect(codeOf(noProfile)).toBe('VALIDATION');
    expect(!noProfile.ok && noProfile.error.fields).toEqual({
      isolirProfile: 'required when isolir is by profile',
    });
    const noList = await s.t.call(
      'plans.create',
      {
        name: 'Tanpa Daftar',
        downloadKbps: 1_000,
        uploadKbps: 1_000,
        price: 50_000,
        routerProfile: 'p1',
        isolirMethod: 'address-list',
      },
      s.owner.token,
    );
    expect(!noList.ok && noList.error.fields).toEqual({
      isolirAddressList: 'required when isolir is by address list',
    });
    const twin = await s.t.call(
      'plans.create',
      {
        name: 'keluarga 30 MBPS',
        downloadKbps: 1_000,
        uploadKbps: 1_000,
        price: 1,
        routerProfile: 'p',
        isolirProfile: 'i',
      },
      s.owner.token,
    );
    expect(codeOf(twin)).toBe('CONFLICT');
    const cleared = await s.t.call('plans.update', { id: plan.id, isolirProfile: '' }, s.owner.token);
    expect(!cleared.ok && cleared.error.fields).toEqual({
      isolirProfile: 'required when isolir is by profile',
    });
  });

  it('new speeds reach the routers of live subscriptions; a new profile moves their secrets', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const { subscription } = unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
        s.owner.token,
      ),
    );
    unwrap(
      await s.t.call('subscriptions.activate', { id: subscription.id, reason: 'Pasang' }, s.owner.token),
    );
    await s.runJobs();
    const faster = unwrap(
      await s.t.call('plans.update', { id: plan.id, downloadKbps: 15_000, uploadKbps: 7_000 }, s.owner.token),
    );
    expect(faster).toMatchObject({ rateLimit: '7M/15M', liveSubscriptions: 1 });
    await s.runJobs();
    expect(menu(s.router, '/ppp/profile').find((p) => p.name === plan.routerProfile)).toMatchObject({
      'rate-limit': '7M/15M',
    });
    unwrap(await s.t.call('plans.update', { id: plan.id, routerProfile: 'paket-baru' }, s.owner.token));
    await s.runJobs();
    expect(menu(s.router, '/ppp/profile').find((p) => p.name === 'paket-baru')).toMatchObject({
      'rate-limit': '7M/15M',
    });
    expect(menu(s.router, '/ppp/secret').find((x) => x.name === subscription.username)).toMatchObject({
      profile: 'paket-baru',
    });
    // Address-list isolir cannot be chosen while a live subscription has no static IP.
    const toList = await s.t.call(
      'plans.update',
      { id: plan.id, isolirMethod: 'address-list', isolirAddressList: 'ISOLIR' },
      s.owner.token,
    );
    expect(codeOf(toList)).toBe('CONFLICT');
  });

  it('an archived plan is hidden from the list and cannot be chosen; it can come back', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan({ name: 'Lama 1 Mbps' });
    unwrap(await s.t.call('plans.archive', { id: plan.id }, s.owner.token));
    expect(unwrap(await s.t.call('plans.list', {}, s.owner.token)).map((p) => p.id)).not.toContain(plan.id);
    expect(
      unwrap(await s.t.call('plans.list', { includeArchived: true }, s.owner.token)).find(
        (p) => p.id === plan.id,
      ),
    ).toMatchObject({ archived: true });
    const refused = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
      s.owner.token,
    );
    expect(codeOf(refused)).toBe('VALIDATION');
    expect(!refused.ok && refused.error.fields).toEqual({ planId: 'archived plan' });
    unwrap(await s.t.call('plans.archive', { id: plan.id, archived: false }, s.owner.token));
    expect(
      codeOf(
        await s.t.call(
          'subscriptions.create',
          { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
          s.owner.token,
        ),
      ),
    ).toBe('ok');
  });
});

describe('what a new subscription checks', () => {
  it('a static IP taken by another live subscription is refused; inside the router’s pools only', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const base = { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id };
    unwrap(await s.t.call('subscriptions.create', { ...base, remoteAddress: '10.30.0.5' }, s.owner.token));
    const taken = await s.t.call(
      'subscriptions.create',
      { ...base, remoteAddress: '10.30.0.5' },
      s.owner.token,
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(!taken.ok && Object.keys(taken.error.fields ?? {})).toEqual(['remoteAddress']);
    unwrap(
      await s.t.call(
        'ipam.pools.create',
        { routerId: s.routerRow.id, name: 'pelanggan', ranges: '10.40.0.0/24' },
        s.owner.token,
      ),
    );
    const outside = await s.t.call(
      'subscriptions.create',
      { ...base, remoteAddress: '10.30.0.9' },
      s.owner.token,
    );
    expect(codeOf(outside)).toBe('VALIDATION');
    const inside = unwrap(
      await s.t.call('subscriptions.create', { ...base, remoteAddress: '10.40.0.9' }, s.owner.token),
    );
    expect(inside.subscription.remoteAddress).toBe('10.40.0.9');
  });

  it('an ODP with every port taken is refused', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const odp = unwrap(
      await s.t.call(
        'map.points.create',
        { kind: 'odp', name: 'ODP-01', latitude: -7.76, longitude: 110.4, portsTotal: 1 },
        s.owner.token,
      ),
    );
    const base = { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, odpId: odp.id };
    const first = unwrap(await s.t.call('subscriptions.create', base, s.owner.token));
    expect(first.subscription).toMatchObject({ odpId: odp.id, odpName: 'ODP-01' });
    const full = await s.t.call('subscriptions.create', base, s.owner.token, 'id');
    expect(codeOf(full)).toBe('CONFLICT');
    expect(!full.ok && full.error.message).toBe('Semua 1 port ODP ODP-01 sudah terpakai.');
    // A terminated subscription frees its port.
    unwrap(
      await s.t.call(
        'subscriptions.terminate',
        { id: first.subscription.id, reason: 'Batal pasang' },
        s.owner.token,
      ),
    );
    expect(codeOf(await s.t.call('subscriptions.create', base, s.owner.token))).toBe('ok');
  });
});
