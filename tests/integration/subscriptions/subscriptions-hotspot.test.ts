/**
 * Hotspot subscriptions against the RouterOS simulator, in the shape of the PPPoE ones: activation
 * makes the plan's hotspot user profile (with its rate-limit) and a managed hotspot user tagged
 * `gerai:<id>`; isolir moves the user to the isolir profile (or the static IP onto the isolir address
 * list) and logs the session out (active and cookie); reactivation puts it back; a plan change moves
 * the profile; termination removes the user. Static IPs held by managed hotspot users conflict.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, tablesText } from '../network/network-support';
import { subscriptionTest, type SubscriptionTest } from './subscriptions-support';

afterAll(cleanupTestCores);

const HOTSPOT = { service: 'hotspot' as const };

async function activeHotspot(s: SubscriptionTest, planFields = {}, subFields = {}) {
  const plan = await s.plan({ ...HOTSPOT, ...planFields });
  const created = unwrap(
    await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, ...subFields },
      s.owner.token,
    ),
  );
  const activated = unwrap(
    await s.t.call(
      'subscriptions.activate',
      { id: created.subscription.id, reason: 'Pemasangan selesai' },
      s.owner.token,
    ),
  );
  await s.runJobs();
  return { plan, sub: created.subscription, password: created.generatedPassword, activated };
}

const userOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ip/hotspot/user').find((row) => row.name === name);
const profileOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ip/hotspot/user/profile').find((row) => row.name === name);
const sessionsOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ip/hotspot/active').filter((row) => row.user === name);
const cookiesOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ip/hotspot/cookie').filter((row) => row.user === name);

async function allJobsDone(s: SubscriptionTest) {
  const jobs = unwrap(await s.t.call('network.jobs.list', { routerId: s.routerRow.id }, s.owner.token));
  expect(jobs.map((job) => [job.operation, job.state, job.lastError])).toEqual(
    jobs.map((job) => [job.operation, 'done', null]),
  );
  return jobs;
}

describe('hotspot subscriptions on the simulator', () => {
  it('activate → the plan’s hotspot profile with its rate-limit and a managed hotspot user; no PPP secret', async () => {
    const s = await subscriptionTest();
    const { plan, sub, password, activated } = await activeHotspot(s, { installationFee: 50_000 });
    expect(sub).toMatchObject({ service: 'hotspot', state: 'pending', rateLimit: '5M/10M' });
    expect(activated.subscription).toMatchObject({ service: 'hotspot', state: 'active' });
    expect(profileOf(s, plan.routerProfile)).toMatchObject({ 'rate-limit': '5M/10M' });
    expect(profileOf(s, 'isolir')).toMatchObject({ 'rate-limit': '64k/64k' });
    const user = userOf(s, sub.username);
    expect(user).toMatchObject({
      profile: plan.routerProfile,
      password: password!,
      server: 'all',
      disabled: 'false',
    });
    expect(user!.comment).toMatch(new RegExp(`^gerai:[0-9a-f-]{36} ${sub.code}$`));
    expect(menu(s.router, '/ppp/secret')).toEqual([]);
    expect(menu(s.router, '/ppp/profile').map((p) => p.name)).not.toContain(plan.routerProfile);
    // The row behind it, and the password sealed (never in plain text in any table).
    const sqlite = s.t.core.deps.store.sqlite;
    const row = sqlite
      .prepare(
        'SELECT s.hotspot_user_id, s.ppp_secret_id, h.name, h.profile FROM subscriptions s JOIN hotspot_users h ON h.id = s.hotspot_user_id WHERE s.id = ?',
      )
      .get(sub.id) as {
      hotspot_user_id: string;
      ppp_secret_id: string | null;
      name: string;
      profile: string;
    };
    expect(row).toMatchObject({ ppp_secret_id: null, name: sub.username, profile: plan.routerProfile });
    expect(user!.comment).toContain(row.hotspot_user_id);
    expect(sqlite.prepare('SELECT name FROM secrets WHERE name LIKE ? ').pluck().all(`%${sub.id}`)).toEqual(
      [],
    );
    expect(
      sqlite.prepare('SELECT name FROM secrets WHERE name = ?').pluck().get(`hotspot:${row.hotspot_user_id}`),
    ).toBe(`hotspot:${row.hotspot_user_id}`);
    expect(tablesText(s.t)).not.toContain(password!);
    // The customer logs in through the hotspot.
    s.router.hotspotLogin(sub.username);
    expect(sessionsOf(s, sub.username)).toHaveLength(1);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.map((e) => [e.kind, e.fromState, e.toState, e.reason, e.userName])).toEqual([
      ['activate', 'pending', 'active', 'Pemasangan selesai', 'Bu Sari'],
      ['create', null, 'pending', '', 'Bu Sari'],
    ]);
    expect(events[0]!.details).toMatchObject({
      service: 'hotspot',
      hotspotUserId: row.hotspot_user_id,
      profile: plan.routerProfile,
      rateLimit: '5M/10M',
    });
    const charges = sqlite
      .prepare('SELECT kind, amount FROM billing_charges WHERE subscription_id = ?')
      .all(sub.id);
    expect(charges).toEqual([{ kind: 'installation', amount: 50_000 }]);
    const jobs = await allJobsDone(s);
    expect(jobs.map((job) => job.operation).sort()).toEqual([
      'hotspot.profile.upsert',
      'hotspot.profile.upsert',
      'hotspot.user.sync',
    ]);
    // Listed with its service, and found by it.
    const listed = unwrap(await s.t.call('subscriptions.list', { service: 'hotspot' }, s.owner.token));
    expect(listed.subscriptions.map((x) => [x.id, x.service])).toEqual([[sub.id, 'hotspot']]);
    expect(unwrap(await s.t.call('subscriptions.list', { service: 'pppoe' }, s.owner.token)).total).toBe(0);
  });

  it('the plan’s profile: only the rate-limit of an existing one is set; an existing isolir profile is left alone', async () => {
    const s = await subscriptionTest();
    const client = behindTheBack(s.router);
    await client.add('/ip/hotspot/user/profile', {
      name: 'hs-rumah',
      'rate-limit': '1M/1M',
      'shared-users': '3',
    });
    await client.add('/ip/hotspot/user/profile', { name: 'isolir', 'rate-limit': '128k/128k' });
    await activeHotspot(s, { routerProfile: 'hs-rumah' });
    expect(profileOf(s, 'hs-rumah')).toMatchObject({ 'rate-limit': '5M/10M', 'shared-users': '3' });
    expect(profileOf(s, 'isolir')).toMatchObject({ 'rate-limit': '128k/128k' });
  });

  it('isolate by profile → the isolir profile, session and cookie gone; reactivate → back on the plan profile, logged out again', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeHotspot(s);
    s.router.hotspotLogin(sub.username);
    expect(cookiesOf(s, sub.username)).toHaveLength(1);
    const isolated = unwrap(
      await s.t.call(
        'subscriptions.isolate',
        { id: sub.id, reason: 'Tagihan Januari belum dibayar' },
        s.owner.token,
      ),
    );
    expect(isolated.subscription.state).toBe('isolated');
    expect(isolated.jobIds).toHaveLength(3);
    await s.runJobs();
    expect(userOf(s, sub.username)).toMatchObject({ profile: 'isolir', disabled: 'false' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(cookiesOf(s, sub.username)).toEqual([]);
    // The customer logs in again, onto the isolir profile.
    s.router.hotspotLogin(sub.username);
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Sudah bayar' }, s.owner.token));
    await s.runJobs();
    expect(userOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(cookiesOf(s, sub.username)).toEqual([]);
    await allJobsDone(s);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.slice(0, 2).map((e) => [e.kind, e.fromState, e.toState, e.reason, e.userId])).toEqual([
      ['reactivate', 'isolated', 'active', 'Sudah bayar', s.owner.userId],
      ['isolate', 'active', 'isolated', 'Tagihan Januari belum dibayar', s.owner.userId],
    ]);
    expect(events[1]!.details).toMatchObject({ isolation: { method: 'profile', profile: 'isolir' } });
    // Audited like the PPPoE transitions.
    const audit = s.t.core.deps.store.sqlite
      .prepare(
        "SELECT after_json FROM audit_log WHERE entity = 'subscription' AND entity_id = ? ORDER BY seq",
      )
      .pluck()
      .all(sub.id) as string[];
    expect(audit.map((a) => (JSON.parse(a) as { event?: string; state: string }).event ?? 'create')).toEqual([
      'create',
      'activate',
      'isolate',
      'reactivate',
    ]);
  });

  it('isolate by address list → the static IP on the list and logged out; the user keeps its profile; reactivate → off the list', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeHotspot(
      s,
      { isolirMethod: 'address-list', isolirProfile: '', isolirAddressList: 'ISOLIR' },
      { remoteAddress: '10.20.0.7' },
    );
    expect(userOf(s, sub.username)).toMatchObject({ address: '10.20.0.7', profile: plan.routerProfile });
    s.router.hotspotLogin(sub.username, { address: '10.20.0.7' });
    unwrap(await s.t.call('subscriptions.isolate', { id: sub.id, reason: 'Menunggak' }, s.owner.token));
    await s.runJobs();
    expect(
      menu(s.router, '/ip/firewall/address-list')
        .filter((e) => e.list === 'ISOLIR')
        .map((e) => e.address),
    ).toEqual(['10.20.0.7']);
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(cookiesOf(s, sub.username)).toEqual([]);
    expect(userOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile });
    s.router.hotspotLogin(sub.username, { address: '10.20.0.7' });
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Lunas' }, s.owner.token));
    await s.runJobs();
    expect(menu(s.router, '/ip/firewall/address-list').filter((e) => e.list === 'ISOLIR')).toEqual([]);
    expect(sessionsOf(s, sub.username)).toEqual([]);
    await allJobsDone(s);
  });

  it('address-list isolir of a hotspot plan needs a static IP too', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan({
      ...HOTSPOT,
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
  });

  it('plan change → the new profile with its rate-limit, the user moved and logged out; never across services', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeHotspot(s);
    const fast = await s.plan({ ...HOTSPOT, downloadKbps: 20_000, uploadKbps: 10_000, price: 250_000 });
    s.router.hotspotLogin(sub.username);
    const changed = unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: fast.id, reason: 'Naik paket' },
        s.owner.token,
      ),
    );
    expect(changed.subscription).toMatchObject({ planId: fast.id, service: 'hotspot', rateLimit: '10M/20M' });
    await s.runJobs();
    expect(profileOf(s, fast.routerProfile)).toMatchObject({ 'rate-limit': '10M/20M' });
    expect(userOf(s, sub.username)).toMatchObject({ profile: fast.routerProfile });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(cookiesOf(s, sub.username)).toEqual([]);
    await allJobsDone(s);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]).toMatchObject({
      kind: 'plan_change',
      reason: 'Naik paket',
      fromState: 'active',
      toState: 'active',
    });
    // A PPPoE plan cannot take a hotspot subscription (the login is of another kind).
    const pppoe = await s.plan();
    const refused = await s.t.call(
      'subscriptions.changePlan',
      { id: sub.id, planId: pppoe.id, reason: 'x' },
      s.owner.token,
      'en',
    );
    expect(codeOf(refused)).toBe('VALIDATION');
    expect(!refused.ok && refused.error.fields).toEqual({ planId: 'not a hotspot plan' });
    expect(!refused.ok && refused.error.message).toContain('terminate it and create a new subscription');
    expect(
      codeOf(
        await s.t.call('subscriptions.changePlan.preview', { id: sub.id, planId: pppoe.id }, s.owner.token),
      ),
    ).toBe('VALIDATION');
  });

  it('plan change while isolated by profile: the user goes to the new plan’s isolir profile', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeHotspot(s);
    const other = await s.plan({ ...HOTSPOT, isolirProfile: 'isolir-hotspot' });
    unwrap(await s.t.call('subscriptions.isolate', { id: sub.id, reason: 'Menunggak' }, s.owner.token));
    await s.runJobs();
    s.router.hotspotLogin(sub.username);
    unwrap(
      await s.t.call(
        'subscriptions.changePlan',
        { id: sub.id, planId: other.id, reason: 'Turun' },
        s.owner.token,
      ),
    );
    await s.runJobs();
    expect(profileOf(s, 'isolir-hotspot')).toMatchObject({ 'rate-limit': '64k/64k' });
    expect(userOf(s, sub.username)).toMatchObject({ profile: 'isolir-hotspot' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Bayar' }, s.owner.token));
    await s.runJobs();
    expect(userOf(s, sub.username)).toMatchObject({ profile: other.routerProfile });
  });

  it('a plan’s new router profile reaches its live hotspot users (plans.update)', async () => {
    const s = await subscriptionTest();
    const { plan, sub } = await activeHotspot(s);
    s.router.hotspotLogin(sub.username);
    unwrap(
      await s.t.call(
        'plans.update',
        { id: plan.id, routerProfile: 'hs-baru', downloadKbps: 30_000 },
        s.owner.token,
      ),
    );
    await s.runJobs();
    expect(profileOf(s, 'hs-baru')).toMatchObject({ 'rate-limit': '5M/30M' });
    expect(userOf(s, sub.username)).toMatchObject({ profile: 'hs-baru' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(menu(s.router, '/ppp/profile').map((p) => p.name)).not.toContain('hs-baru');
    await allJobsDone(s);
  });

  it('terminate → the user removed from the router, session gone, row and password deleted; the name is free again', async () => {
    const s = await subscriptionTest();
    const client = behindTheBack(s.router);
    // Someone else's hotspot user on the router is never touched.
    await client.add('/ip/hotspot/user', { name: 'tamu', password: 'x', comment: 'kantor' });
    const { plan, sub } = await activeHotspot(s);
    s.router.hotspotLogin(sub.username);
    unwrap(await s.t.call('subscriptions.terminate', { id: sub.id, reason: 'Pindah' }, s.owner.token));
    await s.runJobs();
    expect(userOf(s, sub.username)).toBeUndefined();
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(userOf(s, 'tamu')).toMatchObject({ comment: 'kantor' });
    await allJobsDone(s);
    const sqlite = s.t.core.deps.store.sqlite;
    const userId = sqlite
      .prepare('SELECT hotspot_user_id FROM subscriptions WHERE id = ?')
      .pluck()
      .get(sub.id) as string;
    expect(
      sqlite.prepare('SELECT deleted_at IS NOT NULL FROM hotspot_users WHERE id = ?').pluck().get(userId),
    ).toBe(1);
    expect(
      sqlite.prepare('SELECT count(*) FROM secrets WHERE name = ?').pluck().get(`hotspot:${userId}`),
    ).toBe(0);
    const { subscription, events } = unwrap(
      await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token),
    );
    expect(subscription.state).toBe('terminated');
    expect(events[0]!.details).toMatchObject({ removedHotspotUserId: userId });
    const again = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, username: sub.username },
      s.owner.token,
    );
    expect(codeOf(again)).toBe('ok');
  });

  it('an existing router user of the same name is adopted (tagged, set to the plan), not duplicated', async () => {
    const s = await subscriptionTest();
    const client = behindTheBack(s.router);
    await client.add('/ip/hotspot/user', { name: 'budi-hs', password: 'lama', address: '10.9.9.9' });
    const { plan } = await activeHotspot(s, {}, { username: 'budi-hs', password: 'rahasia-1' });
    const users = menu(s.router, '/ip/hotspot/user').filter((u) => u.name === 'budi-hs');
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ profile: plan.routerProfile, password: 'rahasia-1' });
    expect(users[0]!.comment).toMatch(/^gerai:/);
    // No static IP in Gerai: the router's is cleared.
    expect(users[0]!.address ?? '').toBe('');
  });

  it('the username may not be a voucher’s or a managed hotspot user’s on that router', async () => {
    const s = await subscriptionTest();
    const batch = unwrap(
      await s.t.call(
        'network.hotspot.vouchers.generate',
        { routerId: s.routerRow.id, count: 1, profile: 'default', price: 5_000, sellAtPos: false },
        s.owner.token,
      ),
    );
    const plan = await s.plan(HOTSPOT);
    const base = { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id };
    const voucher = await s.t.call(
      'subscriptions.create',
      { ...base, username: batch.vouchers[0]!.username },
      s.owner.token,
      'en',
    );
    expect(codeOf(voucher)).toBe('CONFLICT');
    expect(!voucher.ok && voucher.error.fields).toEqual({ username: 'already used on this router' });
    const { sub } = await activeHotspot(s, {}, { username: 'warung-1' });
    // Terminated subscriptions free the name; a live one holds it.
    const taken = await s.t.call('subscriptions.create', { ...base, username: sub.username }, s.owner.token);
    expect(codeOf(taken)).toBe('CONFLICT');
  });
});

describe('static addresses held by managed hotspot users', () => {
  it('another subscription cannot take a hotspot subscription’s static IP; its own check passes', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeHotspot(s, {}, { remoteAddress: '10.30.0.9' });
    const pppoe = await s.plan();
    const taken = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: pppoe.id, routerId: s.routerRow.id, remoteAddress: '10.30.0.9' },
      s.owner.token,
      'en',
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(!taken.ok && taken.error.fields?.remoteAddress).toContain(sub.code);
    const own = unwrap(
      await s.t.call(
        'ipam.addresses.check',
        { routerId: s.routerRow.id, address: '10.30.0.9', exceptSubscriptionId: sub.id },
        s.owner.token,
      ),
    );
    expect(own).toMatchObject({ ok: true, conflict: null });
  });

  it('a managed hotspot user holding an address (no live subscription) is a conflict naming it', async () => {
    const s = await subscriptionTest();
    const deps = s.t.core.deps;
    // A managed user with a static IP, as another device's sync would bring it.
    const user = await deps.writer.insert(deps.store.db, 'hotspot_users', {
      router_id: s.routerRow.id,
      name: 'kios-3',
      profile: 'default',
      server: 'all',
      mac_address: '',
      address: '10.30.0.20',
      disabled: 0,
      note: '',
    });
    const check = unwrap(
      await s.t.call(
        'ipam.addresses.check',
        { routerId: s.routerRow.id, address: '10.30.0.20' },
        s.owner.token,
        'en',
      ),
    );
    expect(check).toMatchObject({
      ok: false,
      reason: 'taken',
      conflict: { kind: 'hotspot_user', id: user.id, name: 'kios-3', code: '' },
      message: '10.30.0.20 is already used by hotspot user kios-3',
    });
    const plan = await s.plan(HOTSPOT);
    const refused = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, remoteAddress: '10.30.0.20' },
      s.owner.token,
      'id',
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(!refused.ok && refused.error.message).toBe('10.30.0.20 sudah dipakai user hotspot kios-3');
    // Once the user is removed the address is free.
    await deps.writer.softDelete(deps.store.db, 'hotspot_users', user.id);
    expect(
      unwrap(
        await s.t.call(
          'ipam.addresses.check',
          { routerId: s.routerRow.id, address: '10.30.0.20' },
          s.owner.token,
        ),
      ).ok,
    ).toBe(true);
  });
});

describe('managed hotspot users in drift and reconcile', () => {
  it('a user removed or changed behind Gerai’s back is found and put back; vouchers are never extras; a deleted user left on the router is removed', async () => {
    const s = await subscriptionTest();
    const batch = unwrap(
      await s.t.call(
        'network.hotspot.vouchers.generate',
        { routerId: s.routerRow.id, count: 2, profile: 'default', price: 5_000, sellAtPos: false },
        s.owner.token,
      ),
    );
    const { plan, sub, password } = await activeHotspot(s);
    const second = await activeHotspot(s, {}, { username: 'kios-2' });
    const client = behindTheBack(s.router);
    const noDrift = unwrap(
      await s.t.call('network.reconcile.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    expect(noDrift.drift).toEqual([]);
    // The first user is removed on the router, the second moved to another profile.
    await client.remove('/ip/hotspot/user', userOf(s, sub.username)!['.id']!);
    await client.set('/ip/hotspot/user', userOf(s, 'kios-2')!['.id']!, { profile: 'default' });
    const preview = unwrap(
      await s.t.call('network.reconcile.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    expect(preview.drift).toEqual([
      { kind: 'missing', menu: 'hotspot.user', name: sub.username, differences: {} },
      {
        kind: 'different',
        menu: 'hotspot.user',
        name: 'kios-2',
        differences: { profile: [second.plan.routerProfile, 'default'] },
      },
    ]);
    unwrap(await s.t.call('network.reconcile.apply', { routerId: s.routerRow.id }, s.owner.token));
    await s.runJobs();
    expect(userOf(s, sub.username)).toMatchObject({ profile: plan.routerProfile, password: password! });
    expect(userOf(s, 'kios-2')).toMatchObject({ profile: second.plan.routerProfile });
    // Terminated while its removal job is cancelled: the router keeps a user whose row is deleted.
    const terminated = unwrap(
      await s.t.call('subscriptions.terminate', { id: second.sub.id, reason: 'Berhenti' }, s.owner.token),
    );
    for (const id of terminated.jobIds) await s.t.call('network.jobs.cancel', { id }, s.owner.token);
    expect(userOf(s, 'kios-2')).toBeDefined();
    const extra = unwrap(
      await s.t.call('network.reconcile.preview', { routerId: s.routerRow.id }, s.owner.token),
    );
    expect(extra.drift).toEqual([{ kind: 'extra', menu: 'hotspot.user', name: 'kios-2', differences: {} }]);
    unwrap(await s.t.call('network.reconcile.apply', { routerId: s.routerRow.id }, s.owner.token));
    await s.runJobs();
    expect(userOf(s, 'kios-2')).toBeUndefined();
    // The vouchers (tagged with their batch) are still there.
    for (const voucher of batch.vouchers) expect(userOf(s, voucher.username)).toBeDefined();
    expect(userOf(s, sub.username)).toBeDefined();
  });
});
