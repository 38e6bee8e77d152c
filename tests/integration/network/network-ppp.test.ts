/**
 * PPP through Gerai against the RouterOS simulator, once per version profile: profiles, managed
 * secrets (create, change, disable, remove) applied by router jobs, the merged secrets list, and
 * active sessions (list, kick).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, networkTest, type NetworkTest } from './network-support';
import { closedPort, sim } from './routeros-support';

afterAll(cleanupTestCores);

describe.each(SIM_VERSIONS)('RouterOS %s: PPP', (version) => {
  let n: NetworkTest;
  beforeAll(async () => {
    n = await networkTest();
  });

  it('creates and changes PPP profiles through jobs; empty fields are cleared on the router', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const job = unwrap(
      await n.t.call(
        'network.ppp.profiles.upsert',
        { routerId: created.id, name: 'paket-10M', rateLimit: '2M/10M', localAddress: '10.10.0.1' },
        n.owner.token,
      ),
    );
    expect(job).toMatchObject({ operation: 'ppp.profile.upsert', state: 'pending', routerName: created.name });
    await n.runJobs();
    expect((await n.job(job.id)).state).toBe('done');
    expect(menu(router, '/ppp/profile').find((p) => p.name === 'paket-10M')).toMatchObject({ 'rate-limit': '2M/10M', 'local-address': '10.10.0.1' });
    unwrap(await n.t.call('network.ppp.profiles.upsert', { routerId: created.id, name: 'paket-10M', rateLimit: '4M/20M' }, n.owner.token));
    await n.runJobs();
    const profile = menu(router, '/ppp/profile').filter((p) => p.name === 'paket-10M');
    expect(profile).toHaveLength(1);
    expect(profile[0]!['rate-limit']).toBe('4M/20M');
    expect(profile[0]!['local-address']).toBeUndefined();
    const listed = unwrap(await n.t.call('network.ppp.profiles.list', { routerId: created.id }, n.owner.token));
    expect(listed.map((p) => p.name)).toEqual(['default', 'default-encryption', 'paket-10M']);
    expect(listed[2]).toMatchObject({ rateLimit: '4M/20M', localAddress: '', remoteAddress: '' });
  });

  it('applies a managed secret to the router with its profile, password and gerai: comment', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    await behindTheBack(router).add('/ppp/profile', { name: 'paket-5M' });
    const { secret, job } = unwrap(
      await n.t.call(
        'network.ppp.secrets.upsert',
        { routerId: created.id, name: 'budi.santoso', password: 'pw-budi-1', profile: 'paket-5M', note: 'Jl. Kaliurang 7' },
        n.owner.token,
      ),
    );
    expect(secret).toMatchObject({ name: 'budi.santoso', profile: 'paket-5M', service: 'pppoe', managed: true, disabled: false, routerItemId: null });
    expect(JSON.stringify(secret)).not.toContain('pw-budi-1');
    // Nothing happens on the router until the job runs.
    expect(menu(router, '/ppp/secret')).toEqual([]);
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done', attempts: 1, lastError: null });
    const [onRouter] = menu(router, '/ppp/secret');
    expect(onRouter).toMatchObject({
      name: 'budi.santoso',
      password: 'pw-budi-1',
      profile: 'paket-5M',
      service: 'pppoe',
      disabled: 'false',
      comment: `gerai:${secret.id} Jl. Kaliurang 7`,
    });
    const listed = unwrap(await n.t.call('network.ppp.secrets.list', { routerId: created.id }, n.owner.token));
    expect(listed).toEqual([{ ...secret, routerItemId: onRouter!['.id'] }]);
  });

  it('merges the router’s own secrets (unmanaged) into the list', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    await behindTheBack(router).add('/ppp/secret', { name: 'admin-lama', password: 'x', service: 'any', comment: 'dibuat manual' });
    unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'citra', password: 'pw-c', profile: 'default' }, n.owner.token));
    await n.runJobs();
    const listed = unwrap(await n.t.call('network.ppp.secrets.list', { routerId: created.id }, n.owner.token));
    expect(listed.map((s) => [s.name, s.managed, s.routerItemId !== null])).toEqual([
      ['admin-lama', false, true],
      ['citra', true, true],
    ]);
    expect(listed[0]).toMatchObject({ id: null, comment: 'dibuat manual', service: 'any' });
  });

  it('changes a secret (a new password only when given) and disabling it ends the session', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const first = unwrap(
      await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'dewi', password: 'pw-dewi', profile: 'default', remoteAddress: '10.20.0.5' }, n.owner.token),
    );
    await n.runJobs();
    router.dialIn('dewi');
    expect(menu(router, '/ppp/active').map((a) => a.name)).toEqual(['dewi']);
    const changed = unwrap(
      await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'dewi', profile: 'default', disabled: true }, n.owner.token),
    );
    expect(changed.secret.id).toBe(first.secret.id);
    await n.runJobs();
    expect(menu(router, '/ppp/secret')).toEqual([
      expect.objectContaining({ name: 'dewi', disabled: 'true', password: 'pw-dewi', comment: `gerai:${first.secret.id}` }),
    ]);
    // Remote address cleared (the upsert gave none), and the session is gone.
    expect(menu(router, '/ppp/secret')[0]!['remote-address']).toBeUndefined();
    expect(menu(router, '/ppp/active')).toEqual([]);
    expect(() => router.dialIn('dewi')).toThrow(/disabled/);
    unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'dewi', profile: 'default', password: 'pw-baru' }, n.owner.token));
    await n.runJobs();
    expect(menu(router, '/ppp/secret')[0]).toMatchObject({ disabled: 'false', password: 'pw-baru' });
    router.dialIn('dewi');
  });

  it('needs a password for a new secret', async () => {
    const created = await n.addRouter({ port: await closedPort() });
    const result = await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'eko', profile: 'default' }, n.owner.token);
    expect(codeOf(result)).toBe('VALIDATION');
    expect(!result.ok && result.error.fields).toEqual({ password: 'required for a new secret' });
  });

  it('removes a managed secret from the router (and its session); unknown names are NOT_FOUND', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'fajar', password: 'pw-f', profile: 'default' }, n.owner.token));
    await n.runJobs();
    router.dialIn('fajar');
    const job = unwrap(await n.t.call('network.ppp.secrets.remove', { routerId: created.id, name: 'fajar' }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done' });
    expect(menu(router, '/ppp/secret')).toEqual([]);
    expect(menu(router, '/ppp/active')).toEqual([]);
    expect(unwrap(await n.t.call('network.ppp.secrets.list', { routerId: created.id }, n.owner.token))).toEqual([]);
    expect(codeOf(await n.t.call('network.ppp.secrets.remove', { routerId: created.id, name: 'fajar' }, n.owner.token))).toBe('NOT_FOUND');
  });

  it('does not remove a router secret of the same name that Gerai does not own', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'gita', password: 'pw-g', profile: 'default' }, n.owner.token));
    await n.runJobs();
    // Someone re-made it by hand on the router, without Gerai's tag.
    const [item] = menu(router, '/ppp/secret');
    await behindTheBack(router).set('/ppp/secret', item!['.id']!, { comment: 'punya teknisi' });
    const job = unwrap(await n.t.call('network.ppp.secrets.remove', { routerId: created.id, name: 'gita' }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done' });
    expect(menu(router, '/ppp/secret').map((s) => s.comment)).toEqual(['punya teknisi']);
  });

  it('lists active sessions and kicks one', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    for (const name of ['hana', 'iwan']) {
      unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name, password: `pw-${name}`, profile: 'default' }, n.owner.token));
    }
    await n.runJobs();
    router.dialIn('hana', { address: '10.30.0.2', callerId: 'D4:CA:6D:00:00:01' });
    router.dialIn('iwan');
    const active = unwrap(await n.t.call('network.ppp.active.list', { routerId: created.id }, n.owner.token));
    expect(active.map((a) => a.name)).toEqual(['hana', 'iwan']);
    expect(active[0]).toMatchObject({ service: 'pppoe', address: '10.30.0.2', callerId: 'D4:CA:6D:00:00:01' });
    const job = unwrap(await n.t.call('network.ppp.active.kick', { routerId: created.id, name: 'hana' }, n.owner.token));
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done', operation: 'ppp.active.kick' });
    expect(menu(router, '/ppp/active').map((a) => a.name)).toEqual(['iwan']);
    // The secret stays: the customer may dial in again.
    router.dialIn('hana');
  });

  it('lists Gerai’s secrets (none marked on the router) when the router cannot be reached', async () => {
    const created = await n.addRouter({ port: await closedPort() });
    unwrap(await n.t.call('network.ppp.secrets.upsert', { routerId: created.id, name: 'joko', password: 'pw-j', profile: 'default' }, n.owner.token));
    const listed = await n.t.call('network.ppp.secrets.list', { routerId: created.id }, n.owner.token);
    expect(codeOf(listed)).toBe('ok');
    expect(unwrap(listed)).toEqual([expect.objectContaining({ name: 'joko', managed: true, routerItemId: null })]);
    expect(codeOf(await n.t.call('network.ppp.active.list', { routerId: created.id }, n.owner.token))).toBe('ROUTER_UNREACHABLE');
  });
});
