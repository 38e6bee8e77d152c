import { describe, expect, it } from 'vitest';
import { assertAddressAssignable } from '../../../electron/core/ipam/ip-assign';
import { AppError } from '../../../electron/core/platform/errors';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openMapTest, type MapTest } from './map-support';

useTestCores();

/** What assertAddressAssignable throws (code, message, fields), or 'ok'. */
async function assignable(m: MapTest, address: string, exceptSubscriptionId?: string, routerId = m.routerId) {
  try {
    await assertAddressAssignable({ db: m.t.core.deps.store.db }, routerId, address, exceptSubscriptionId);
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, en: error.text.en, id: error.text.id, fields: error.fields };
  }
}

describe('IP pools', () => {
  it('creates pools per router, refuses bad ranges and overlaps on the same router, allows them on another', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const pool = unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'pelanggan', ranges: '10.10.0.0/24 ,10.20.0.2-10.20.0.254' },
        owner.token,
      ),
    );
    expect(pool).toMatchObject({
      routerName: 'POP Uji',
      ranges: '10.10.0.0/24, 10.20.0.2-10.20.0.254',
      size: 256 + 253,
      used: 0,
    });

    const bad = await t.call(
      'ipam.pools.create',
      { routerId: m.routerId, name: 'salah', ranges: '10.30.0.1/24' },
      owner.token,
      'id',
    );
    expect(bad.ok || bad.error).toMatchObject({
      code: 'VALIDATION',
      message: '"10.30.0.1/24" bukan awal blok; maksudnya 10.30.0.0/24?',
      fields: { ranges: expect.any(String) },
    });
    const selfOverlap = await t.call(
      'ipam.pools.create',
      { routerId: m.routerId, name: 'salah', ranges: '10.30.0.0/24, 10.30.0.9' },
      owner.token,
    );
    expect(codeOf(selfOverlap)).toBe('VALIDATION');

    const overlap = await t.call(
      'ipam.pools.create',
      { routerId: m.routerId, name: 'tumpuk', ranges: '10.20.0.200-10.20.1.10' },
      owner.token,
    );
    expect(overlap.ok || overlap.error).toMatchObject({
      code: 'CONFLICT',
      message:
        'Range 10.20.0.200-10.20.1.10 overlaps pool pelanggan (10.20.0.2-10.20.0.254) on the same router',
      fields: { ranges: expect.any(String) },
    });
    const sameName = await t.call(
      'ipam.pools.create',
      { routerId: m.routerId, name: 'PELANGGAN', ranges: '10.40.0.0/24' },
      owner.token,
    );
    expect(codeOf(sameName)).toBe('CONFLICT');

    const other = await m.router('POP Lain');
    const elsewhere = unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: other, name: 'pelanggan', ranges: '10.10.0.0/24' },
        owner.token,
      ),
    );
    expect(elsewhere.size).toBe(256);
    expect(
      unwrap(await t.call('ipam.pools.list', { routerId: m.routerId }, owner.token)).map((p) => p.id),
    ).toEqual([pool.id]);
    expect(unwrap(await t.call('ipam.pools.list', {}, owner.token))).toHaveLength(2);

    // Growing into another pool is refused on update too; changing itself is not an overlap.
    const grown = unwrap(
      await t.call(
        'ipam.pools.update',
        { id: pool.id, ranges: '10.10.0.0/23, 10.20.0.2-10.20.0.254', name: 'pelanggan-pppoe' },
        owner.token,
      ),
    );
    expect(grown).toMatchObject({ name: 'pelanggan-pppoe', size: 512 + 253 });
    const other2 = unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'kantor', ranges: '10.50.0.0/24' },
        owner.token,
      ),
    );
    expect(
      codeOf(await t.call('ipam.pools.update', { id: other2.id, ranges: '10.10.1.0/24' }, owner.token)),
    ).toBe('CONFLICT');
  });

  it('counts addresses held by subscriptions and managed PPP secrets and offers the next free ones', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const pool = unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'pelanggan', ranges: '10.10.0.0/29' },
        owner.token,
      ),
    );
    const customer = await m.customer('Bu Ani');
    const secretId = await m.pppSecret('ani', '10.10.0.1');
    // The subscription's own secret carries the same address: counted once, as the subscription.
    await m.subscription({
      customerId: customer,
      state: 'active',
      remoteAddress: '10.10.0.1',
      pppSecretId: secretId,
    });
    await m.subscription({ customerId: customer, state: 'isolated', remoteAddress: '10.10.0.3' });
    await m.subscription({ customerId: customer, state: 'terminated', remoteAddress: '10.10.0.4' });
    await m.pppSecret('kantor', '10.10.0.5');
    await m.pppSecret('pool-name', 'pool-pelanggan');
    await m.pppSecret('luar', '192.168.1.7');

    const usage = unwrap(await t.call('ipam.pools.usage', { poolId: pool.id }, owner.token));
    expect(usage).toMatchObject({
      size: 8,
      used: 3,
      usedBySubscriptions: 2,
      usedBySecrets: 1,
      free: 5,
      nextFree: ['10.10.0.2', '10.10.0.4', '10.10.0.6'],
    });
    expect(usage.holders.map((h) => [h.address, h.holder.kind, h.holder.name])).toEqual([
      ['10.10.0.1', 'subscription', 'Bu Ani'],
      ['10.10.0.3', 'subscription', 'Bu Ani'],
      ['10.10.0.5', 'ppp_secret', 'kantor'],
    ]);
    expect(unwrap(await t.call('ipam.pools.list', {}, owner.token))[0]).toMatchObject({ size: 8, used: 3 });

    // A subscription holds 10.10.0.3: the pool cannot shrink past it nor be removed.
    const shrink = await t.call(
      'ipam.pools.update',
      { id: pool.id, ranges: '10.10.0.0-10.10.0.2' },
      owner.token,
    );
    expect(shrink.ok || shrink.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('10.10.0.3 (LGN-'),
    });
    const remove = await t.call('ipam.pools.remove', { id: pool.id }, owner.token, 'id');
    expect(remove.ok || remove.error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('masih dipakai 2 langganan'),
    });
  });

  it('removes an unused pool', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    const pool = unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'cadangan', ranges: '10.99.0.0/24' },
        owner.token,
      ),
    );
    await m.pppSecret('manual', '10.99.0.7');
    unwrap(await t.call('ipam.pools.remove', { id: pool.id }, owner.token));
    expect(unwrap(await t.call('ipam.pools.list', {}, owner.token))).toEqual([]);
    expect(codeOf(await t.call('ipam.pools.usage', { poolId: pool.id }, owner.token))).toBe('NOT_FOUND');
    // The name is free again.
    unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'cadangan', ranges: '10.99.0.0/24' },
        owner.token,
      ),
    );
  });
});

describe('assertAddressAssignable and ipam.addresses.check', () => {
  it('accepts any well-formed address on a router without pools, but never one someone holds', async () => {
    const m = await openMapTest();
    const customer = await m.customer('Pak Budi');
    const mine = await m.subscription({ customerId: customer, state: 'active', remoteAddress: '172.16.0.9' });
    expect(await assignable(m, '172.16.0.10')).toBe('ok');
    expect(await assignable(m, 'bukan-ip')).toMatchObject({
      code: 'VALIDATION',
      fields: { remoteAddress: expect.stringContaining('not an IPv4 address') },
    });
    expect(await assignable(m, '172.16.0.9')).toMatchObject({
      code: 'CONFLICT',
      en: expect.stringMatching(/^172\.16\.0\.9 is already used by subscription LGN-\d+ \(Pak Budi\)$/),
    });
    // Its own address is no conflict (editing the subscription), nor on another router.
    expect(await assignable(m, '172.16.0.9', mine)).toBe('ok');
    expect(await assignable(m, '172.16.0.9', undefined, await m.router('POP Lain'))).toBe('ok');
  });

  it('refuses addresses outside the router’s pools, network/broadcast addresses and ones held by a managed PPP secret', async () => {
    const m = await openMapTest();
    const { t, owner } = m;
    unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'pelanggan', ranges: '10.10.0.0/24' },
        owner.token,
      ),
    );
    unwrap(
      await t.call(
        'ipam.pools.create',
        { routerId: m.routerId, name: 'bisnis', ranges: '10.20.0.10-10.20.0.20' },
        owner.token,
      ),
    );
    const secretId = await m.pppSecret('kantor.desa', '10.10.0.50');
    const customer = await m.customer('Bu Sri');
    const terminated = await m.subscription({
      customerId: customer,
      state: 'terminated',
      remoteAddress: '10.10.0.60',
    });
    const withSecret = await m.subscription({
      customerId: customer,
      state: 'active',
      remoteAddress: '10.10.0.70',
      pppSecretId: await m.pppSecret('sri', '10.10.0.70'),
    });

    expect(await assignable(m, '10.10.0.25')).toBe('ok');
    expect(await assignable(m, '10.20.0.20')).toBe('ok');
    expect(await assignable(m, '10.20.0.21')).toMatchObject({
      code: 'VALIDATION',
      en: "10.20.0.21 is outside this router's pools (bisnis, pelanggan)",
      id: '10.20.0.21 di luar pool router ini (bisnis, pelanggan)',
      fields: { remoteAddress: expect.any(String) },
    });
    expect(await assignable(m, '10.10.0.255')).toMatchObject({
      code: 'VALIDATION',
      en: expect.stringContaining('network/broadcast'),
    });
    expect(await assignable(m, '10.10.0.50')).toMatchObject({
      code: 'CONFLICT',
      en: '10.10.0.50 is already used by PPP secret kantor.desa',
    });
    // A terminated subscription frees its address.
    expect(await assignable(m, '10.10.0.60')).toBe('ok');
    expect(await assignable(m, '10.10.0.60', terminated)).toBe('ok');
    // The subscription's own PPP secret does not block it; for anyone else it is the subscription that holds it.
    expect(await assignable(m, '10.10.0.70', withSecret)).toBe('ok');
    expect(await assignable(m, '10.10.0.70')).toMatchObject({
      code: 'CONFLICT',
      en: expect.stringContaining('subscription LGN-'),
    });
    // A deleted secret no longer holds anything.
    await t.core.deps.writer.softDelete(t.core.deps.store.db, 'ppp_secrets', secretId);
    expect(await assignable(m, '10.10.0.50')).toBe('ok');

    const check = unwrap(
      await t.call(
        'ipam.addresses.check',
        { routerId: m.routerId, address: '10.10.0.70' },
        owner.token,
        'id',
      ),
    );
    expect(check).toMatchObject({
      ok: false,
      reason: 'taken',
      poolName: 'pelanggan',
      conflict: { kind: 'subscription', id: withSecret, name: 'Bu Sri' },
    });
    expect(check.message).toContain('sudah dipakai langganan');
    expect(
      unwrap(
        await t.call(
          'ipam.addresses.check',
          { routerId: m.routerId, address: '10.10.0.70', exceptSubscriptionId: withSecret },
          owner.token,
        ),
      ),
    ).toEqual({
      ok: true,
      reason: null,
      message: null,
      conflict: null,
      poolName: 'pelanggan',
    });
    expect(
      unwrap(await t.call('ipam.addresses.check', { routerId: m.routerId, address: '10.9' }, owner.token)),
    ).toMatchObject({ ok: false, reason: 'invalid', poolName: null });
    const unknownRouter = await t.call(
      'ipam.addresses.check',
      { routerId: '0190a0b0-0000-7000-8000-000000000000', address: '10.10.0.1' },
      owner.token,
    );
    expect(codeOf(unknownRouter)).toBe('NOT_FOUND');
  });
});
