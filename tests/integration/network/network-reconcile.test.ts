/**
 * Drift reconciliation against the RouterOS simulator, once per version profile: someone changes
 * the router behind Gerai's back; the preview names what is missing, extra and different, and
 * applying it (as jobs) makes the router match again without touching what Gerai does not own.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, networkTest, type NetworkTest } from './network-support';
import { closedPort, sim } from './routeros-support';

afterAll(cleanupTestCores);

describe.each(SIM_VERSIONS)('RouterOS %s: reconcile', (version) => {
  let n: NetworkTest;
  beforeAll(async () => {
    n = await networkTest();
  });

  it('finds missing, extra and different items, and applying fixes them', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const client = behindTheBack(router);
    await client.add('/ppp/profile', { name: 'paket-10M' });
    const ids: Record<string, string> = {};
    for (const name of ['agus', 'budi', 'citra', 'dewi']) {
      const { secret } = unwrap(
        await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name, password: `pw-${name}`, profile: 'paket-10M', remoteAddress: name === 'citra' ? '10.1.0.3' : '' }, n.owner.token),
      );
      ids[name] = secret.id!;
    }
    for (const address of ['10.9.0.1', '10.9.0.2']) {
      unwrap(await n.t.call('network.addressList.add', { routerId: created.id, list: 'isolir', address }, n.owner.token));
    }
    await n.runJobs();
    const clean = unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token));
    expect(clean).toEqual({ checkedAt: n.t.clock.now(), drift: [] });

    // Behind Gerai's back:
    const item = (name: string) => menu(router, '/ppp/secret').find((s) => s.name === name)!['.id']!;
    await client.remove('/ppp/secret', item('agus')); // missing
    await client.set('/ppp/secret', item('budi'), { profile: 'default', disabled: true }); // different
    await client.unset('/ppp/secret', item('citra'), 'remote-address'); // different
    await client.add('/ppp/secret', { name: 'hantu', password: 'x', comment: `gerai:${randomUUID()} sisa lama` }); // extra: tagged, no row
    await client.add('/ppp/secret', { name: 'teknisi', password: 'x', comment: 'bukan punya Gerai' }); // not Gerai's: ignored
    const entry = menu(router, '/ip/firewall/address-list').find((e) => e.address === '10.9.0.1')!;
    await client.remove('/ip/firewall/address-list', entry['.id']!); // missing
    await client.add('/ip/firewall/address-list', { list: 'isolir', address: '10.9.0.77', comment: `gerai:${randomUUID()}` }); // extra
    // Removed in Gerai while the router was not told yet (the job is cancelled): extra.
    const removal = unwrap(await n.t.call('network.ppp.secrets.remove', { routerId: created.id, name: 'dewi' }, n.owner.token));
    unwrap(await n.t.call('network.jobs.cancel', { id: removal.id }, n.owner.token));

    const { drift } = unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token));
    const byName = (name: string) => drift.find((d) => d.name === name);
    expect(byName('agus')).toEqual({ kind: 'missing', menu: 'ppp.secret', name: 'agus', differences: {} });
    expect(byName('budi')).toEqual({
      kind: 'different',
      menu: 'ppp.secret',
      name: 'budi',
      differences: { profile: ['paket-10M', 'default'], disabled: ['no', 'yes'] },
    });
    expect(byName('citra')).toEqual({ kind: 'different', menu: 'ppp.secret', name: 'citra', differences: { 'remote-address': ['10.1.0.3', ''] } });
    expect(byName('hantu')).toMatchObject({ kind: 'extra', menu: 'ppp.secret' });
    expect(byName('dewi')).toMatchObject({ kind: 'extra', menu: 'ppp.secret' });
    expect(byName('isolir 10.9.0.1')).toMatchObject({ kind: 'missing', menu: 'address-list' });
    expect(byName('isolir 10.9.0.77')).toMatchObject({ kind: 'extra', menu: 'address-list' });
    expect(byName('teknisi')).toBeUndefined();
    expect(drift).toHaveLength(7);

    const applied = unwrap(await n.t.call('network.reconcile.apply', { routerId: created.id }, n.owner.token));
    expect(applied.fixed).toBe(7);
    expect(applied.jobs.map((j) => j.operation).sort()).toEqual(['address-list.sync', 'ppp.secret.sync', 'router.tagged.remove', 'router.tagged.remove']);
    await n.runJobs();
    for (const job of applied.jobs) expect(await n.job(job.id), job.label).toMatchObject({ state: 'done' });
    expect(unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token)).drift).toEqual([]);
    expect(menu(router, '/ppp/secret').map((s) => s.name).sort()).toEqual(['agus', 'budi', 'citra', 'teknisi']);
    expect(menu(router, '/ppp/secret').find((s) => s.name === 'budi')).toMatchObject({ profile: 'paket-10M', disabled: 'false', comment: `gerai:${ids.budi}` });
    expect(menu(router, '/ppp/secret').find((s) => s.name === 'agus')).toMatchObject({ password: 'pw-agus' });
    expect(menu(router, '/ip/firewall/address-list').map((e) => e.address).sort()).toEqual(['10.9.0.1', '10.9.0.2']);
    const audit = unwrap(await n.t.call('audit.log.list', { limit: 5 }, n.owner.token));
    expect(audit.entries[0]).toMatchObject({ channel: 'network.reconcile.apply', entity: 'router', entityId: created.id });
  });

  it('adopts an untagged router secret with the same name (tags it) and puts back one renamed on the router', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const client = behindTheBack(router);
    await client.add('/ppp/secret', { name: 'eka', password: 'lama', service: 'pppoe' });
    const { secret } = unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'fina', password: 'pw-f', profile: 'default' }, n.owner.token));
    await n.runJobs();
    // Gerai takes over "eka": its row is made while the router already has it.
    const eka = unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'eka', password: 'baru', profile: 'default' }, n.owner.token));
    unwrap(await n.t.call('network.jobs.cancel', { id: eka.job.id }, n.owner.token));
    const finaId = menu(router, '/ppp/secret').find((s) => s.name === 'fina')!['.id']!;
    await client.set('/ppp/secret', finaId, { name: 'fina-salah' });
    const { drift } = unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token));
    expect([...drift].sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { kind: 'different', menu: 'ppp.secret', name: 'eka', differences: { comment: [`gerai:${eka.secret.id}`, ''] } },
      { kind: 'different', menu: 'ppp.secret', name: 'fina', differences: { name: ['fina', 'fina-salah'] } },
    ]);
    unwrap(await n.t.call('network.reconcile.apply', { routerId: created.id }, n.owner.token));
    await n.runJobs();
    expect(menu(router, '/ppp/secret').map((s) => [s.name, s.comment, s.password]).sort()).toEqual([
      ['eka', `gerai:${eka.secret.id}`, 'baru'],
      ['fina', `gerai:${secret.id}`, 'pw-f'],
    ]);
    expect(unwrap(await n.t.call('network.reconcile.preview', { routerId: created.id }, n.owner.token)).drift).toEqual([]);
  });

  it('answers ROUTER_UNREACHABLE when the router cannot be read', async () => {
    const down = await n.addRouter({ port: await closedPort() });
    expect(codeOf(await n.t.call('network.reconcile.preview', { routerId: down.id }, n.owner.token))).toBe('ROUTER_UNREACHABLE');
    expect(codeOf(await n.t.call('network.reconcile.apply', { routerId: down.id }, n.owner.token))).toBe('ROUTER_UNREACHABLE');
  });
});
