/**
 * Editing a subscription after creation against the RouterOS simulator: a new static IP reaches the
 * login on the router and kicks the session; while isolated by address list the isolir entry moves
 * with the IP (and reactivation lifts the new one); a new password reaches the router and is kept
 * sealed; the hotspot user's MAC binding reaches the router; ODP ports, IP conflicts, address-list
 * plans without an IP and terminated subscriptions are refused. Every edit is an `update` event with
 * who and why, and an audit entry that never holds the password.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { menu, tablesText } from '../network/network-support';
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
const hotspotUserOf = (s: SubscriptionTest, name: string) =>
  menu(s.router, '/ip/hotspot/user').find((row) => row.name === name);
const isolirList = (s: SubscriptionTest, list = 'ISOLIR') =>
  menu(s.router, '/ip/firewall/address-list')
    .filter((row) => row.list === list)
    .map((row) => row.address);

async function allJobsDone(s: SubscriptionTest) {
  const jobs = unwrap(await s.t.call('network.jobs.list', { routerId: s.routerRow.id }, s.owner.token));
  expect(jobs.map((job) => [job.operation, job.state, job.lastError])).toEqual(
    jobs.map((job) => [job.operation, 'done', null]),
  );
}

function auditOf(s: SubscriptionTest, id: string) {
  return (
    s.t.core.deps.store.sqlite
      .prepare(
        `SELECT before_json AS before, after_json AS after FROM audit_log WHERE entity = 'subscription' AND entity_id = ? ORDER BY seq`,
      )
      .all(id) as { before: string | null; after: string }[]
  ).map((row) => ({
    before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
    after: JSON.parse(row.after) as Record<string, unknown>,
  }));
}

describe('editing a subscription on the simulator', () => {
  it('a new static IP reaches the secret and kicks the session; the event says who, why and what', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s, {}, { remoteAddress: '10.20.0.7' });
    expect(secretOf(s, sub.username)).toMatchObject({ 'remote-address': '10.20.0.7' });
    s.router.dialIn(sub.username);
    expect(sessionsOf(s, sub.username)).toHaveLength(1);
    const updated = unwrap(
      await s.t.call(
        'subscriptions.update',
        {
          id: sub.id,
          remoteAddress: ' 10.20.0.9 ',
          notes: 'Pindah ke rumah belakang',
          reason: 'Pindah rumah',
        },
        s.owner.token,
      ),
    );
    expect(updated.subscription).toMatchObject({
      remoteAddress: '10.20.0.9',
      notes: 'Pindah ke rumah belakang',
      state: 'active',
    });
    expect(updated.jobIds).toHaveLength(2);
    await s.runJobs();
    await allJobsDone(s);
    expect(secretOf(s, sub.username)).toMatchObject({ 'remote-address': '10.20.0.9' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]).toMatchObject({
      kind: 'update',
      fromState: 'active',
      toState: 'active',
      reason: 'Pindah rumah',
      userName: 'Bu Sari',
    });
    expect(events[0]!.details).toMatchObject({
      changes: {
        remoteAddress: { from: '10.20.0.7', to: '10.20.0.9' },
        notes: { from: '', to: 'Pindah ke rumah belakang' },
      },
      passwordChanged: false,
    });
    // Back to the pool: the router's secret loses its remote-address.
    unwrap(await s.t.call('subscriptions.update', { id: sub.id, remoteAddress: '' }, s.owner.token));
    await s.runJobs();
    expect(secretOf(s, sub.username)!['remote-address']).toBeUndefined();
    // The old address is free for another subscription again.
    const other = await s.t.call(
      'subscriptions.create',
      { customerId: s.customerId, planId: sub.planId, routerId: s.routerRow.id, remoteAddress: '10.20.0.7' },
      s.owner.token,
    );
    expect(codeOf(other)).toBe('ok');
  });

  it('nothing changed → nothing written, no job and no event', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s, {}, { remoteAddress: '10.20.0.7', notes: 'Tiang 3' });
    const same = unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: sub.id, remoteAddress: '10.20.0.7', notes: 'Tiang 3', odpId: null },
        s.owner.token,
      ),
    );
    expect(same.jobIds).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.map((e) => e.kind)).toEqual(['activate', 'create']);
  });

  it('isolated by address list: the IP move moves the isolir entry, and reactivation lifts the new one', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(
      s,
      { isolirMethod: 'address-list', isolirProfile: '', isolirAddressList: 'ISOLIR' },
      { remoteAddress: '10.20.0.7' },
    );
    unwrap(await s.t.call('subscriptions.isolate', { id: sub.id, reason: 'Menunggak' }, s.owner.token));
    await s.runJobs();
    expect(isolirList(s)).toEqual(['10.20.0.7']);
    s.router.dialIn(sub.username);
    // A static IP stays required on an address-list plan.
    const cleared = await s.t.call(
      'subscriptions.update',
      { id: sub.id, remoteAddress: '' },
      s.owner.token,
      'id',
    );
    expect(codeOf(cleared)).toBe('CONFLICT');
    expect(!cleared.ok && cleared.error.fields).toEqual({
      remoteAddress: 'a static IP is needed for address-list isolation',
    });
    // Notes alone do not touch the router; the isolation is carried on in the history.
    const noted = unwrap(
      await s.t.call('subscriptions.update', { id: sub.id, notes: 'Sudah ditelepon' }, s.owner.token),
    );
    expect(noted.jobIds).toEqual([]);
    const moved = unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: sub.id, remoteAddress: '10.20.0.44', reason: 'Ganti IP' },
        s.owner.token,
      ),
    );
    expect(moved.subscription).toMatchObject({ state: 'isolated', remoteAddress: '10.20.0.44' });
    // Old entry off, new entry on, the secret's address, the kick.
    expect(moved.jobIds).toHaveLength(4);
    await s.runJobs();
    await allJobsDone(s);
    expect(isolirList(s)).toEqual(['10.20.0.44']);
    expect(secretOf(s, sub.username)).toMatchObject({ 'remote-address': '10.20.0.44' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]!.details).toMatchObject({
      isolation: { method: 'address-list', list: 'ISOLIR', address: '10.20.0.44' },
    });
    unwrap(await s.t.call('subscriptions.reactivate', { id: sub.id, reason: 'Lunas' }, s.owner.token));
    await s.runJobs();
    expect(isolirList(s)).toEqual([]);
  });

  it('a new password reaches the router’s secret, is kept sealed, kicks the session and is never audited', async () => {
    const s = await subscriptionTest();
    const { sub, password } = await activeSubscription(s);
    expect(secretOf(s, sub.username)).toMatchObject({ password: password! });
    s.router.dialIn(sub.username);
    const updated = unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: sub.id, password: 'Sandi-Baru-2030', reason: 'Pelanggan lupa sandi' },
        s.owner.token,
      ),
    );
    expect(updated.jobIds).toHaveLength(2);
    await s.runJobs();
    await allJobsDone(s);
    expect(secretOf(s, sub.username)).toMatchObject({ password: 'Sandi-Baru-2030' });
    expect(sessionsOf(s, sub.username)).toEqual([]);
    expect(tablesText(s.t)).not.toContain('Sandi-Baru-2030');
    const audit = auditOf(s, sub.id).at(-1)!;
    expect(audit.after).toMatchObject({
      event: 'update',
      passwordChanged: true,
      reason: 'Pelanggan lupa sandi',
    });
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]!.details).toMatchObject({ passwordChanged: true, changes: {} });
  });

  it('a pending subscription keeps its new password until activation provisions it', async () => {
    const s = await subscriptionTest();
    const plan = await s.plan();
    const { subscription } = unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id },
        s.owner.token,
      ),
    );
    const updated = unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: subscription.id, password: 'Tunggu-Pasang-1' },
        s.owner.token,
      ),
    );
    expect(updated.jobIds).toEqual([]);
    unwrap(
      await s.t.call('subscriptions.activate', { id: subscription.id, reason: 'Pasang' }, s.owner.token),
    );
    await s.runJobs();
    expect(secretOf(s, subscription.username)).toMatchObject({ password: 'Tunggu-Pasang-1' });
    // A MAC binding waits for the hotspot user (and is for hotspot plans only).
    const mac = await s.t.call(
      'subscriptions.update',
      { id: subscription.id, macAddress: 'AA:BB:CC:DD:EE:FF' },
      s.owner.token,
    );
    expect(codeOf(mac)).toBe('VALIDATION');
    expect(!mac.ok && mac.error.fields).toEqual({ macAddress: 'hotspot subscriptions only' });
  });

  it('an ODP change checks the ports: a full ODP is refused, a free one taken', async () => {
    const s = await subscriptionTest();
    const point = (name: string) =>
      s.t.call(
        'map.points.create',
        { kind: 'odp', name, latitude: -7.76, longitude: 110.4, portsTotal: 1 },
        s.owner.token,
      );
    const full = unwrap(await point('ODP-01'));
    const free = unwrap(await point('ODP-02'));
    const plan = await s.plan();
    unwrap(
      await s.t.call(
        'subscriptions.create',
        { customerId: s.customerId, planId: plan.id, routerId: s.routerRow.id, odpId: full.id },
        s.owner.token,
      ),
    );
    const { sub } = await activeSubscription(s);
    const refused = await s.t.call(
      'subscriptions.update',
      { id: sub.id, odpId: full.id },
      s.owner.token,
      'id',
    );
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(!refused.ok && refused.error.message).toBe('Semua 1 port ODP ODP-01 sudah terpakai.');
    expect(!refused.ok && refused.error.fields).toEqual({ odpId: 'no free port' });
    const moved = unwrap(
      await s.t.call('subscriptions.update', { id: sub.id, odpId: free.id }, s.owner.token),
    );
    expect(moved.subscription).toMatchObject({ odpId: free.id, odpName: 'ODP-02' });
    expect(moved.jobIds).toEqual([]);
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events[0]!.details.changes).toEqual({
      odpId: { from: null, to: free.id },
      odpName: { from: null, to: 'ODP-02' },
    });
    // Its own port is not counted against it.
    const again = await s.t.call(
      'subscriptions.update',
      { id: sub.id, odpId: free.id, notes: 'tetap' },
      s.owner.token,
    );
    expect(codeOf(again)).toBe('ok');
  });

  it('an IP held by another subscription is refused, and nothing changes', async () => {
    const s = await subscriptionTest();
    const { sub: first } = await activeSubscription(s, {}, { remoteAddress: '10.20.0.7' });
    const { sub } = await activeSubscription(s, {}, { remoteAddress: '10.20.0.8' });
    const taken = await s.t.call(
      'subscriptions.update',
      { id: sub.id, remoteAddress: '10.20.0.7', notes: 'x' },
      s.owner.token,
    );
    expect(codeOf(taken)).toBe('CONFLICT');
    expect(!taken.ok && taken.error.message).toContain(first.code);
    expect(!taken.ok && taken.error.fields).toHaveProperty('remoteAddress');
    const invalid = await s.t.call(
      'subscriptions.update',
      { id: sub.id, remoteAddress: '10.20.0' },
      s.owner.token,
    );
    expect(codeOf(invalid)).toBe('VALIDATION');
    const { subscription, events } = unwrap(
      await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token),
    );
    expect(subscription).toMatchObject({ remoteAddress: '10.20.0.8', notes: '' });
    expect(events.map((e) => e.kind)).toEqual(['activate', 'create']);
  });

  it('a terminated subscription cannot be edited', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s);
    unwrap(await s.t.call('subscriptions.terminate', { id: sub.id, reason: 'Berhenti' }, s.owner.token));
    const result = await s.t.call('subscriptions.update', { id: sub.id, notes: 'x' }, s.owner.token, 'id');
    expect(codeOf(result)).toBe('CONFLICT');
    expect(!result.ok && result.error.message).toBe(
      `Langganan ${sub.code} sedang berhenti: tidak bisa diubah.`,
    );
  });

  it('hotspot: the MAC binding, IP and password reach the managed hotspot user; a bad MAC is refused', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s, { service: 'hotspot' });
    s.router.hotspotLogin(sub.username);
    const bad = await s.t.call(
      'subscriptions.update',
      { id: sub.id, macAddress: 'AA:BB:CC:DD:EE' },
      s.owner.token,
    );
    expect(codeOf(bad)).toBe('VALIDATION');
    const bound = unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: sub.id, macAddress: 'aa-bb-cc-dd-ee-0f', reason: 'Ikat ke laptop pelanggan' },
        s.owner.token,
      ),
    );
    expect(bound.subscription.macAddress).toBe('AA:BB:CC:DD:EE:0F');
    // A MAC change alone does not log the user out.
    expect(bound.jobIds).toHaveLength(1);
    await s.runJobs();
    expect(hotspotUserOf(s, sub.username)).toMatchObject({ 'mac-address': 'AA:BB:CC:DD:EE:0F' });
    unwrap(
      await s.t.call(
        'subscriptions.update',
        { id: sub.id, remoteAddress: '10.5.50.20', password: 'Hotspot-Baru-9' },
        s.owner.token,
      ),
    );
    await s.runJobs();
    await allJobsDone(s);
    expect(hotspotUserOf(s, sub.username)).toMatchObject({
      address: '10.5.50.20',
      password: 'Hotspot-Baru-9',
      'mac-address': 'AA:BB:CC:DD:EE:0F',
    });
    expect(menu(s.router, '/ip/hotspot/active').filter((row) => row.user === sub.username)).toEqual([]);
    // Unbinding clears it on the router.
    unwrap(await s.t.call('subscriptions.update', { id: sub.id, macAddress: '' }, s.owner.token));
    await s.runJobs();
    expect(hotspotUserOf(s, sub.username)!['mac-address']).toBeUndefined();
    const { events } = unwrap(await s.t.call('subscriptions.get', { id: sub.id }, s.owner.token));
    expect(events.slice(0, 3).map((e) => e.details.changes)).toEqual([
      { macAddress: { from: 'AA:BB:CC:DD:EE:0F', to: '' } },
      { remoteAddress: { from: '', to: '10.5.50.20' } },
      { macAddress: { from: '', to: 'AA:BB:CC:DD:EE:0F' } },
    ]);
  });

  it('needs customers.manage: a technician (network.manage only) is refused', async () => {
    const s = await subscriptionTest();
    const { sub } = await activeSubscription(s);
    const technician = await s.t.loginAs('technician');
    const result = await s.t.call('subscriptions.update', { id: sub.id, notes: 'x' }, technician.token);
    expect(codeOf(result)).toBe('FORBIDDEN');
  });
});
