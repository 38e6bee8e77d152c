import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openMapTest } from './map-support';

useTestCores();

describe('network points', () => {
  it('places points, counts the ports live subscriptions use and refuses going below them', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const pop = unwrap(
      await t.call(
        'map.points.create',
        { kind: 'pop', name: 'POP Condongcatur', latitude: -7.76, longitude: 110.4, routerId: m.routerId },
        owner.token,
      ),
    );
    expect(pop).toMatchObject({ kind: 'pop', routerName: 'POP Uji', portsTotal: 0, portsUsed: 0 });
    const odp = unwrap(
      await t.call(
        'map.points.create',
        {
          kind: 'odp',
          name: 'ODP-01',
          latitude: -7.761,
          longitude: 110.401,
          portsTotal: 8,
          parentId: pop.id,
        },
        owner.token,
      ),
    );
    expect(odp).toMatchObject({ parentId: pop.id, parentName: 'POP Condongcatur' });

    const customer = await m.customer('Bu Ani');
    await m.subscription({ customerId: customer, state: 'active', odpId: odp.id });
    await m.subscription({ customerId: customer, state: 'isolated', odpId: odp.id });
    await m.subscription({ customerId: customer, state: 'pending', odpId: odp.id });
    await m.subscription({ customerId: customer, state: 'terminated', odpId: odp.id });

    const listed = unwrap(await t.call('map.points.list', { kinds: ['odp'] }, owner.token));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: 'ODP-01', portsTotal: 8, portsUsed: 3 });

    const tooFew = await t.call('map.points.update', { id: odp.id, portsTotal: 2 }, owner.token);
    expect(tooFew.ok).toBe(false);
    if (!tooFew.ok)
      expect(tooFew.error).toMatchObject({
        code: 'VALIDATION',
        fields: { portsTotal: expect.stringContaining('(3)') },
      });
    const moved = unwrap(
      await t.call('map.points.update', { id: odp.id, portsTotal: 3, latitude: -7.7615 }, owner.token),
    );
    expect(moved).toMatchObject({ portsTotal: 3, latitude: -7.7615, longitude: 110.401 });
  });

  it('refuses a duplicate name of the same kind, an unknown router and a parent loop', async () => {
    const { t, owner } = await openMapTest();
    const a = unwrap(
      await t.call(
        'map.points.create',
        { kind: 'odp', name: 'ODP-A', latitude: 0, longitude: 0 },
        owner.token,
      ),
    );
    const b = unwrap(
      await t.call(
        'map.points.create',
        { kind: 'odp', name: 'ODP-B', latitude: 0, longitude: 0, parentId: a.id },
        owner.token,
      ),
    );
    const duplicate = await t.call(
      'map.points.create',
      { kind: 'odp', name: 'odp-a', latitude: 1, longitude: 1 },
      owner.token,
      'id',
    );
    expect(duplicate.ok).toBe(false);
    if (!duplicate.ok)
      expect(duplicate.error).toMatchObject({ code: 'CONFLICT', message: 'Sudah ada ODP bernama odp-a' });
    // Another kind may share the name.
    expect(
      codeOf(
        await t.call(
          'map.points.create',
          { kind: 'pop', name: 'ODP-A', latitude: 1, longitude: 1 },
          owner.token,
        ),
      ),
    ).toBe('ok');
    const badRouter = await t.call(
      'map.points.create',
      {
        kind: 'router',
        name: 'RB Hilang',
        latitude: 0,
        longitude: 0,
        routerId: '0190a0b0-0000-7000-8000-000000000000',
      },
      owner.token,
    );
    expect(badRouter.ok || badRouter.error).toMatchObject({
      code: 'VALIDATION',
      fields: { routerId: 'unknown router' },
    });
    const loop = await t.call('map.points.update', { id: a.id, parentId: b.id }, owner.token);
    expect(loop.ok || loop.error).toMatchObject({
      code: 'VALIDATION',
      fields: { parentId: 'would make a loop' },
    });
    const self = await t.call('map.points.update', { id: a.id, parentId: a.id }, owner.token);
    expect(codeOf(self)).toBe('VALIDATION');
  });

  it('refuses removing a point with live subscriptions or child points, and detaches cables on removal', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const pop = unwrap(
      await t.call('map.points.create', { kind: 'pop', name: 'POP', latitude: 0, longitude: 0 }, owner.token),
    );
    const odp = unwrap(
      await t.call(
        'map.points.create',
        { kind: 'odp', name: 'ODP', latitude: 0.001, longitude: 0, portsTotal: 8, parentId: pop.id },
        owner.token,
      ),
    );
    const cable = unwrap(
      await t.call(
        'map.routes.create',
        {
          name: 'Feeder',
          fromPointId: pop.id,
          toPointId: odp.id,
          path: [
            [0, 0],
            [0.001, 0],
          ],
        },
        owner.token,
      ),
    );
    const customer = await m.customer('Pak Budi');
    const sub = await m.subscription({ customerId: customer, state: 'active', odpId: odp.id });

    const withChild = await t.call('map.points.remove', { id: pop.id }, owner.token);
    expect(withChild.ok || withChild.error).toMatchObject({
      code: 'CONFLICT',
      message: 'POP cannot be removed: it still has 1 point(s) below it. Move them first.',
    });
    const withSubscription = await t.call('map.points.remove', { id: odp.id }, owner.token, 'id');
    expect(withSubscription.ok || withSubscription.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('masih ada 1 langganan'),
    });

    // Once the subscription ends, the port is free and the ODP can go; the cable stays, detached.
    await t.core.deps.writer.update(t.core.deps.store.db, 'subscriptions', sub, { state: 'terminated' });
    unwrap(await t.call('map.points.remove', { id: odp.id }, owner.token));
    expect(unwrap(await t.call('map.points.list', {}, owner.token)).map((p) => p.name)).toEqual(['POP']);
    const [route] = unwrap(await t.call('map.routes.list', {}, owner.token));
    expect(route).toMatchObject({ id: cable.id, fromPointId: pop.id, toPointId: null });
    expect(codeOf(await t.call('map.points.remove', { id: odp.id }, owner.token))).toBe('NOT_FOUND');
    unwrap(await t.call('map.points.remove', { id: pop.id }, owner.token));
  });
});

describe('cable routes', () => {
  it('stores a polyline with its length, changes and removes it', async () => {
    const { t, owner } = await openMapTest();
    const odp = unwrap(
      await t.call(
        'map.points.create',
        { kind: 'odp', name: 'ODP', latitude: -7.76, longitude: 110.4 },
        owner.token,
      ),
    );
    // 0.001° of latitude ≈ 111 m; two legs.
    const route = unwrap(
      await t.call(
        'map.routes.create',
        {
          name: 'Drop Bu Ani',
          kind: 'drop',
          toPointId: odp.id,
          path: [
            [-7.762, 110.4],
            [-7.761, 110.4],
            [-7.76, 110.4],
          ],
        },
        owner.token,
      ),
    );
    expect(route).toMatchObject({
      kind: 'drop',
      fromPointId: null,
      toPointId: odp.id,
      path: [
        [-7.762, 110.4],
        [-7.761, 110.4],
        [-7.76, 110.4],
      ],
    });
    expect(route.lengthMeters).toBeGreaterThan(220);
    expect(route.lengthMeters).toBeLessThan(225);

    const oneVertex = await t.raw('map.routes.create', { name: 'Titik', path: [[0, 0]] }, owner.token);
    expect(codeOf(oneVertex)).toBe('VALIDATION');
    const badPoint = await t.call(
      'map.routes.create',
      {
        name: 'X',
        fromPointId: '0190a0b0-0000-7000-8000-000000000000',
        path: [
          [0, 0],
          [1, 1],
        ],
      },
      owner.token,
    );
    expect(badPoint.ok || badPoint.error).toMatchObject({
      code: 'VALIDATION',
      fields: { fromPointId: 'unknown point' },
    });

    const changed = unwrap(
      await t.call(
        'map.routes.update',
        {
          id: route.id,
          path: [
            [-7.762, 110.4],
            [-7.76, 110.4],
          ],
          notes: 'lurus',
        },
        owner.token,
      ),
    );
    expect(changed).toMatchObject({ name: 'Drop Bu Ani', notes: 'lurus', toPointId: odp.id });
    expect(changed.path).toHaveLength(2);
    expect(unwrap(await t.call('map.routes.list', {}, owner.token))).toEqual([changed]);
    unwrap(await t.call('map.routes.remove', { id: route.id }, owner.token));
    expect(unwrap(await t.call('map.routes.list', {}, owner.token))).toEqual([]);
    expect(codeOf(await t.call('map.routes.update', { id: route.id, notes: 'x' }, owner.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps map changes from roles without network.manage', async () => {
    const { t } = await openMapTest();
    const cashier = await t.loginAs('cashier');
    const technician = await t.loginAs('technician');
    expect(
      codeOf(
        await t.call(
          'map.points.create',
          { kind: 'ap', name: 'AP', latitude: 0, longitude: 0 },
          cashier.token,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.call(
          'map.points.create',
          { kind: 'ap', name: 'AP', latitude: 0, longitude: 0 },
          technician.token,
        ),
      ),
    ).toBe('ok');
  });
});
