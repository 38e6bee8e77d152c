import { describe, expect, it } from 'vitest';
import { DEFAULT_MAP_SETTINGS } from '../../../shared/contract/map.contract';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openMapTest } from './map-support';

useTestCores();

// The fixture clock is 2030-01-15 09:00 in Asia/Jakarta: "today" is 2030-01-15.
const HERE: [number, number] = [-7.76, 110.4];

describe('map.overview', () => {
  it('derives each customer’s state: terminated > isolated > overdue > active > prospect', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const prospect = await m.customer('Calon Pelanggan', HERE);
    const active = await m.customer('Aktif Lunas', HERE);
    await m.subscription({ customerId: active, state: 'active' });
    await m.invoice({ customerId: active, dueDate: '2030-01-10', status: 'paid' });
    await m.invoice({ customerId: active, dueDate: '2030-01-15', status: 'issued' }); // due today: not overdue yet
    await m.invoice({ customerId: active, dueDate: '2030-01-01', status: 'void' });
    const overdue = await m.customer('Telat Bayar', HERE);
    await m.subscription({ customerId: overdue, state: 'active' });
    await m.invoice({ customerId: overdue, dueDate: '2030-01-14', status: 'partial' });
    const isolated = await m.customer('Terisolir', HERE);
    await m.subscription({ customerId: isolated, state: 'active' });
    await m.subscription({ customerId: isolated, state: 'isolated' });
    await m.invoice({ customerId: isolated, dueDate: '2030-01-05', status: 'issued' });
    const terminated = await m.customer('Sudah Berhenti', HERE);
    await m.subscription({ customerId: terminated, state: 'isolated' });
    await m.setCustomerStatus(terminated, 'terminated');
    const pendingOnly = await m.customer('Menunggu Pasang', HERE);
    await m.subscription({ customerId: pendingOnly, state: 'pending' });
    await m.customer('Belum Dipetakan');
    const noLocationActive = await m.customer('Aktif Tanpa Lokasi');
    await m.subscription({ customerId: noLocationActive, state: 'active' });

    const overview = unwrap(await t.call('map.overview', {}, owner.token));
    const stateOf = Object.fromEntries(overview.customers.map((c) => [c.id, c.state]));
    expect(stateOf).toEqual({
      [prospect]: 'prospect',
      [active]: 'active',
      [overdue]: 'overdue',
      [isolated]: 'isolated',
      [terminated]: 'terminated',
      [pendingOnly]: 'prospect',
    });
    expect(overview.counts).toEqual({ prospect: 3, active: 2, overdue: 1, isolated: 1, terminated: 1 });
    expect(overview.withoutLocation).toBe(2);
    expect(overview.customers.find((c) => c.id === overdue)).toMatchObject({
      name: 'Telat Bayar',
      lat: HERE[0],
      lng: HERE[1],
      code: expect.any(String),
    });

    // The next day, the invoice due today is overdue.
    t.clock.advance(24 * 60 * 60 * 1000);
    const token = (await t.login(owner.username)).token;
    const tomorrow = unwrap(await t.call('map.overview', {}, token));
    expect(tomorrow.customers.find((c) => c.id === active)?.state).toBe('overdue');

    // Filters pick markers; the counts stay the whole picture.
    const filtered = unwrap(await t.call('map.overview', { states: ['overdue', 'isolated'] }, token));
    expect(filtered.customers.map((c) => c.name).sort()).toEqual(['Aktif Lunas', 'Telat Bayar', 'Terisolir']);
    expect(filtered.counts).toEqual(tomorrow.counts);
    const searched = unwrap(await t.call('map.overview', { query: 'telat' }, token));
    expect(searched.customers.map((c) => c.name)).toEqual(['Telat Bayar']);
  });

  it('answers 50,000 customers in one go with the right states', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const { writer, store } = t.core.deps;
    const customers = Array.from({ length: 50_000 }, (_, i) => ({
      code: `PLG-${String(i).padStart(6, '0')}`,
      name: `Pelanggan ${i}`,
      phone: '',
      email: '',
      address: '',
      group_id: null,
      notes: '',
      nik: '',
      category: 'residential' as const,
      latitude: i % 10 === 0 ? null : -7.7 - (i % 500) / 10_000,
      longitude: i % 10 === 0 ? null : 110.3 + Math.floor(i / 500) / 10_000,
      status: 'active' as const,
    }));
    const made: string[] = [];
    for (let i = 0; i < customers.length; i += 1_000) {
      // The manual clock stands still; the HLC counter allows 65,536 stamps per millisecond.
      t.clock.advance(1);
      const rows = await writer.insertMany(store.db, 'customers', customers.slice(i, i + 1_000));
      made.push(...rows.map((row) => row.id));
    }
    const subscriptionRows = made.map((customerId, i) => ({
      code: `LGN-${i}`,
      customer_id: customerId,
      plan_id: m.planId,
      router_id: m.routerId,
      username: `u${i}`,
      ppp_secret_id: null,
      remote_address: '',
      odp_id: null,
      state: i % 20 === 1 ? ('isolated' as const) : ('active' as const),
      anchor_day: 1,
      activated_on: '2030-01-01',
      terminated_on: null,
      notes: '',
    }));
    for (let i = 0; i < subscriptionRows.length; i += 1_000) {
      t.clock.advance(1);
      await writer.insertMany(store.db, 'subscriptions', subscriptionRows.slice(i, i + 1_000));
    }

    const overview = unwrap(await t.call('map.overview', {}, owner.token));
    expect(overview.customers).toHaveLength(45_000);
    expect(overview.withoutLocation).toBe(5_000);
    expect(overview.counts).toEqual({
      prospect: 0,
      active: 47_500,
      overdue: 0,
      isolated: 2_500,
      terminated: 0,
    });
  }, 60_000);
});

describe('map.customers.setLocation', () => {
  it('moves a customer, can clear it again (undo of a first placement) and is audited', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const id = await m.customer('Bu Ani');
    const placed = unwrap(
      await t.call(
        'map.customers.setLocation',
        { customerId: id, latitude: -7.761, longitude: 110.402 },
        owner.token,
      ),
    );
    expect(placed).toEqual({ customerId: id, latitude: -7.761, longitude: 110.402 });
    expect(unwrap(await t.call('map.overview', {}, owner.token)).customers).toEqual([
      expect.objectContaining({ id, lat: -7.761, lng: 110.402, state: 'prospect' }),
    ]);
    const audit = unwrap(await t.call('audit.log.list', { entity: 'customer' }, owner.token));
    expect(audit.entries[0]).toMatchObject({
      channel: 'map.customers.setLocation',
      entityId: id,
      before: { latitude: null, longitude: null },
      after: { latitude: -7.761, longitude: 110.402 },
    });
    unwrap(
      await t.call(
        'map.customers.setLocation',
        { customerId: id, latitude: null, longitude: null },
        owner.token,
      ),
    );
    expect(unwrap(await t.call('map.overview', {}, owner.token))).toMatchObject({
      customers: [],
      withoutLocation: 1,
    });

    const half = await t.raw(
      'map.customers.setLocation',
      { customerId: id, latitude: -7.7, longitude: null },
      owner.token,
    );
    expect(codeOf(half)).toBe('VALIDATION');
    const outOfRange = await t.raw(
      'map.customers.setLocation',
      { customerId: id, latitude: -97, longitude: 110 },
      owner.token,
    );
    expect(codeOf(outOfRange)).toBe('VALIDATION');
    const unknown = await t.call(
      'map.customers.setLocation',
      { customerId: '0190a0b0-0000-7000-8000-000000000000', latitude: 0, longitude: 0 },
      owner.token,
    );
    expect(codeOf(unknown)).toBe('NOT_FOUND');
    const technician = await t.loginAs('technician');
    expect(
      codeOf(
        await t.call(
          'map.customers.setLocation',
          { customerId: id, latitude: 0, longitude: 0 },
          technician.token,
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('map.settings', () => {
  it('starts on OpenStreetMap, keeps changes on this device and accepts no tiles at all', async () => {
    const { t, owner } = await openMapTest();
    expect(unwrap(await t.call('map.settings.get', {}, owner.token))).toEqual(DEFAULT_MAP_SETTINGS);
    expect(DEFAULT_MAP_SETTINGS.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    const blank = unwrap(
      await t.call(
        'map.settings.update',
        { tileUrl: '', zoom: 16, centerLat: -7.75, centerLng: 110.39 },
        owner.token,
      ),
    );
    expect(blank).toMatchObject({
      tileUrl: '',
      zoom: 16,
      centerLat: -7.75,
      attribution: DEFAULT_MAP_SETTINGS.attribution,
    });
    await t.reopen();
    const again = await t.login(owner.username);
    expect(unwrap(await t.call('map.settings.get', {}, again.token))).toEqual(blank);

    const http = await t.call(
      'map.settings.update',
      { tileUrl: 'http://tiles.local/{z}/{x}/{y}.png' },
      again.token,
    );
    expect(http.ok || http.error).toMatchObject({
      code: 'VALIDATION',
      fields: { tileUrl: expect.stringContaining('https') },
    });
    const noPlaceholders = await t.call(
      'map.settings.update',
      { tileUrl: 'https://tiles.example.id/peta.png' },
      again.token,
    );
    expect(codeOf(noPlaceholders)).toBe('VALIDATION');
    const cashier = await t.loginAs('cashier');
    expect(codeOf(await t.call('map.settings.get', {}, cashier.token))).toBe('ok');
    expect(codeOf(await t.call('map.settings.update', { zoom: 3 }, cashier.token))).toBe('FORBIDDEN');
  });
});
