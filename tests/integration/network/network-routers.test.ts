/**
 * The router registry against the RouterOS simulator, once per version profile: adding, changing,
 * testing and removing routers, the dashboard, the background status refresh, and where the API
 * password may (only `secrets`, sealed) and may not (anywhere else) end up.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES, SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { auditText, cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { networkTest, tablesText, type NetworkTest } from './network-support';
import { closedPort, PASSWORD, sim, until } from './routeros-support';

afterAll(cleanupTestCores);

describe.each(SIM_VERSIONS)('RouterOS %s: router registry', (version) => {
  let n: NetworkTest;
  beforeAll(async () => {
    n = await networkTest();
  });

  it('adds a router with the default API port (8728, or 8729 with TLS) and never hands out its password', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router, { port: undefined, host: 'router.lan' });
    expect(created).toMatchObject({ port: 8728, tls: false, hasPassword: true, username: 'admin', pendingJobs: 0 });
    expect(created.status).toMatchObject({ online: false, checkedAt: null });
    expect(JSON.stringify(created)).not.toContain(PASSWORD);
    const ssl = await n.addRouter(router, { port: undefined, tls: true, password: '' });
    expect(ssl).toMatchObject({ port: 8729, tls: true, hasPassword: false });
    // Turning TLS off moves a router on the default port back to 8728; a chosen port stays.
    const plain = unwrap(await n.t.call('network.routers.update', { id: ssl.id, tls: false }, n.owner.token));
    expect(plain.port).toBe(8728);
    const listed = unwrap(await n.t.call('network.routers.list', {}, n.owner.token));
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining([created.id, ssl.id]));
    expect(JSON.stringify(listed)).not.toContain(PASSWORD);
  });

  it('refuses a second router with the same name (any case)', async () => {
    const router = await sim({ version });
    const first = await n.addRouter(router);
    const again = await n.t.call(
      'network.routers.create',
      { name: first.name.toLowerCase(), host: '127.0.0.1', username: 'admin', password: 'x' },
      n.owner.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
  });

  it('tests a router: version, identity, board, uptime, load, memory and latency, stored and announced', async () => {
    const router = await sim({ version, identity: 'POP-Sleman', boardName: 'CCR2004-16G-2S+' });
    const created = await n.addRouter(router);
    const events = n.record('network.router.status');
    const status = unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token));
    expect(status).toMatchObject({
      online: true,
      version: PROFILES[version].fullVersion,
      identity: 'POP-Sleman',
      board: 'CCR2004-16G-2S+',
      totalMemory: 1073741824,
      lastError: null,
      checkedAt: n.t.clock.now(),
      lastSeenAt: n.t.clock.now(),
    });
    expect(status.uptime).toMatch(/^\d+[wdhms]/);
    expect(status.cpuLoad).toBeGreaterThanOrEqual(0);
    expect(status.freeMemory).toBeGreaterThan(0);
    expect(status.latencyMs).toBeGreaterThanOrEqual(0);
    expect(events).toEqual([{ routerId: created.id, status }]);
    const listed = unwrap(await n.t.call('network.routers.list', {}, n.owner.token)).find((r) => r.id === created.id);
    expect(listed?.status).toEqual(status);
  });

  it('answers an unreachable router as offline with the reason, not as an error', async () => {
    const created = await n.addRouter({ port: await closedPort() });
    const result = await n.t.call('network.routers.test', { id: created.id }, n.owner.token);
    expect(codeOf(result)).toBe('ok');
    const status = unwrap(result);
    expect(status.online).toBe(false);
    expect(status.lastError).toMatch(/ECONNREFUSED|refused|connect/i);
    const dashboard = unwrap(await n.t.call('network.routers.dashboard', { id: created.id }, n.owner.token));
    expect(dashboard).toEqual({ status: expect.objectContaining({ online: false }), interfaces: [] });
  });

  it('says so when the router refuses the login; a corrected password fixes it', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router, { password: 'salah-ketik' });
    const status = unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token));
    expect(status.online).toBe(false);
    expect(status.lastError).toMatch(/login refused/i);
    expect(status.lastError).not.toContain('salah-ketik');
    unwrap(await n.t.call('network.routers.update', { id: created.id, password: PASSWORD }, n.owner.token));
    expect(unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token)).online).toBe(true);
    // An empty password in an update keeps the stored one.
    unwrap(await n.t.call('network.routers.update', { id: created.id, password: '', notes: 'lantai 2' }, n.owner.token));
    expect(unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token)).online).toBe(true);
  });

  it('shows the dashboard: status and interfaces', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const dashboard = unwrap(await n.t.call('network.routers.dashboard', { id: created.id }, n.owner.token));
    expect(dashboard.status.online).toBe(true);
    expect(dashboard.interfaces).toEqual(
      expect.arrayContaining([
        { name: 'ether1', type: 'ether', running: true, disabled: false },
        { name: 'ether3', type: 'ether', running: false, disabled: false },
        { name: 'bridge-lan', type: 'bridge', running: true, disabled: false },
      ]),
    );
  });

  it('refreshes every router’s status in the background and announces changes', async () => {
    const up = await sim({ version, identity: 'POP-Depok' });
    const upRouter = await n.addRouter(up);
    const events = n.record('network.router.status');
    await n.t.core.deps.network.status.refresh();
    expect(events.find((e) => e.routerId === upRouter.id)?.status).toMatchObject({ online: true, identity: 'POP-Depok' });
    await up.close();
    n.t.clock.advance(60_000);
    await n.t.core.deps.network.status.refresh();
    const last = events.filter((e) => e.routerId === upRouter.id).at(-1)!;
    expect(last.status).toMatchObject({ online: false, identity: 'POP-Depok', lastSeenAt: n.t.clock.now() - 60_000 });
  });

  it('removes a router: gone from the list, its jobs cancelled, its password deleted, nothing changed on the router', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const job = unwrap(
      await n.t.call('network.ppp.profiles.upsert', { routerId: created.id, name: 'paket-5M', rateLimit: '1M/5M' }, n.owner.token),
    );
    unwrap(await n.t.call('network.routers.remove', { id: created.id }, n.owner.token));
    expect(unwrap(await n.t.call('network.routers.list', {}, n.owner.token)).some((r) => r.id === created.id)).toBe(false);
    expect((await n.job(job.id)).state).toBe('cancelled');
    await n.runJobs();
    expect(router.state().menus['/ppp/profile']!.map((p) => p.name)).not.toContain('paket-5M');
    const sealed = n.t.core.deps.store.sqlite.prepare('SELECT count(*) AS n FROM secrets WHERE name = ?').get(`router:${created.id}`) as { n: number };
    expect(sealed.n).toBe(0);
    expect(codeOf(await n.t.call('network.routers.test', { id: created.id }, n.owner.token))).toBe('NOT_FOUND');
  });

  it('keeps the API password only in `secrets`, sealed: no other table, audit entry, log line or answer', async () => {
    const secret = `Api-Rahasia-${version}-9x`;
    const router = await sim({ version, users: { admin: secret } });
    const answers: unknown[] = [];
    const created = await n.addRouter(router, { password: secret });
    answers.push(created);
    answers.push(unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.routers.update', { id: created.id, password: `${secret}-2`, name: `${created.name}-b` }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.routers.test', { id: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.routers.list', {}, n.owner.token)));
    answers.push(unwrap(await n.t.call('network.routers.dashboard', { id: created.id }, n.owner.token)));
    answers.push(unwrap(await n.t.call('audit.log.list', { limit: 200 }, n.owner.token)));
    for (const text of [tablesText(n.t), auditText(n.t.core), JSON.stringify(answers), readFileSync(join(n.t.dataDir, 'logs', 'gerai.log'), 'utf8')]) {
      expect(text).not.toContain(secret);
    }
    const sealed = n.t.core.deps.store.sqlite.prepare('SELECT value FROM secrets WHERE name = ?').get(`router:${created.id}`) as { value: Buffer };
    expect(sealed.value.toString('latin1')).not.toContain(secret);
    expect(n.t.core.deps.secrets.decrypt(sealed.value)).toBe(`${secret}-2`);
  });
});

describe('status refresher', () => {
  it('runs on its own every interval, only for routers not checked lately, and stops with the core', async () => {
    const router = await sim({ version: '7.18' });
    const n = await networkTest({ statusIntervalMs: 40 });
    const created = await n.addRouter(router);
    const events = n.record('network.router.status');
    await until(() => events.some((e) => e.routerId === created.id && e.status.online), 5_000, 'a background refresh');
    // Checked "now" on the manual clock: not stale again until the clock moves.
    const commands = router.stats.commands;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(router.stats.commands).toBe(commands);
    n.t.clock.advance(60_000);
    await until(() => router.stats.commands > commands, 5_000, 'the next refresh');
    await n.t.close();
    const after = router.stats.commands;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(router.stats.commands).toBe(after);
    expect(router.stats.open).toBe(0);
  });
});
