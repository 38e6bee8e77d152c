/**
 * Address lists (isolir), simple queues and live traffic through Gerai against the RouterOS
 * simulator, once per version profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { behindTheBack, menu, networkTest, type NetworkTest } from './network-support';
import { closedPort, sim, until } from './routeros-support';

afterAll(cleanupTestCores);

const WINDOW_MS = 600;

describe.each(SIM_VERSIONS)('RouterOS %s: address lists, queues, traffic', (version) => {
  let n: NetworkTest;
  beforeAll(async () => {
    n = await networkTest({ trafficWindowMs: WINDOW_MS });
  });

  it('adds an address to a list and removes it again, through jobs', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const job = unwrap(
      await n.t.call('network.addressList.add', { routerId: created.id, list: 'isolir', address: '10.10.5.20', note: 'tunggakan Juli' }, n.owner.token),
    );
    expect(job).toMatchObject({ operation: 'address-list.sync', state: 'pending' });
    await n.runJobs();
    const [entry] = menu(router, '/ip/firewall/address-list');
    expect(entry).toMatchObject({ list: 'isolir', address: '10.10.5.20', disabled: 'false' });
    expect(entry!.comment).toMatch(/^gerai:[0-9a-f-]{36} tunggakan Juli$/);
    // Adding it again changes nothing on the router.
    unwrap(await n.t.call('network.addressList.add', { routerId: created.id, list: 'isolir', address: '10.10.5.20', note: 'tunggakan Juli' }, n.owner.token));
    await n.runJobs();
    expect(menu(router, '/ip/firewall/address-list')).toHaveLength(1);

    await behindTheBack(router).add('/ip/firewall/address-list', { list: 'isolir', address: '10.10.5.99', comment: 'manual' });
    const listed = unwrap(await n.t.call('network.addressList.list', { routerId: created.id, list: 'isolir' }, n.owner.token));
    expect(listed).toEqual([
      { routerItemId: entry!['.id'], list: 'isolir', address: '10.10.5.20', comment: entry!.comment, timeout: '', managed: true },
      expect.objectContaining({ address: '10.10.5.99', comment: 'manual', managed: false }),
    ]);

    unwrap(await n.t.call('network.addressList.remove', { routerId: created.id, list: 'isolir', address: '10.10.5.20' }, n.owner.token));
    await n.runJobs();
    expect(menu(router, '/ip/firewall/address-list').map((e) => e.address)).toEqual(['10.10.5.99']);
    expect(codeOf(await n.t.call('network.addressList.remove', { routerId: created.id, list: 'isolir', address: '10.10.5.99' }, n.owner.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('adopts an entry the router already has, and lists Gerai’s entries when the router is down', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    await behindTheBack(router).add('/ip/firewall/address-list', { list: 'isolir', address: '10.10.6.1' });
    unwrap(await n.t.call('network.addressList.add', { routerId: created.id, list: 'isolir', address: '10.10.6.1' }, n.owner.token));
    await n.runJobs();
    const entries = menu(router, '/ip/firewall/address-list');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.comment).toMatch(/^gerai:/);

    const down = await n.addRouter({ port: await closedPort() });
    unwrap(await n.t.call('network.addressList.add', { routerId: down.id, list: 'isolir', address: '10.10.6.2' }, n.owner.token));
    const offline = unwrap(await n.t.call('network.addressList.list', { routerId: down.id }, n.owner.token));
    expect(offline).toEqual([expect.objectContaining({ address: '10.10.6.2', managed: true, routerItemId: null })]);
  });

  it('creates and changes a simple queue by name', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    unwrap(await n.t.call('network.queues.upsert', { routerId: created.id, name: 'budi', target: '10.10.0.5/32', maxLimit: '2M/10M' }, n.owner.token));
    await n.runJobs();
    expect(menu(router, '/queue/simple')).toEqual([expect.objectContaining({ name: 'budi', target: '10.10.0.5/32', 'max-limit': '2M/10M', disabled: 'false' })]);
    const job = unwrap(
      await n.t.call('network.queues.upsert', { routerId: created.id, name: 'budi', target: '10.10.0.5/32', maxLimit: '4M/20M', disabled: true }, n.owner.token),
    );
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done' });
    expect(menu(router, '/queue/simple')).toEqual([expect.objectContaining({ name: 'budi', 'max-limit': '4M/20M', disabled: 'true' })]);
    const listed = unwrap(await n.t.call('network.queues.list', { routerId: created.id }, n.owner.token));
    expect(listed).toEqual([
      { routerItemId: expect.any(String), name: 'budi', target: '10.10.0.5/32', maxLimit: '4M/20M', disabled: true, comment: '' },
    ]);
  });

  it('streams an interface’s traffic as events for the window, extends it when asked again, then stops', async () => {
    const router = await sim({ version, monitorIntervalMs: 20 });
    const created = await n.addRouter(router);
    const samples = n.record('network.traffic');
    const first = unwrap(await n.t.call('network.traffic.watch', { routerId: created.id, interface: 'ether1' }, n.owner.token));
    expect(first).toEqual({ watching: true, until: n.t.clock.now() + WINDOW_MS });
    await until(() => samples.length >= 3, 2_000, 'traffic samples');
    expect(samples[0]).toEqual({ routerId: created.id, interface: 'ether1', rxBps: expect.any(Number), txBps: expect.any(Number), at: n.t.clock.now() });
    expect(samples[0]!.rxBps).toBeGreaterThan(0);
    // Asked again: still one stream, its window starts over.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 2));
    unwrap(await n.t.call('network.traffic.watch', { routerId: created.id, interface: 'ether1' }, n.owner.token));
    expect(n.t.core.deps.network.traffic.active).toEqual([`${created.id}/ether1`]);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS / 2));
    expect(n.t.core.deps.network.traffic.active).toHaveLength(1);
    await until(() => n.t.core.deps.network.traffic.active.length === 0, 2_000, 'the watch to end');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const count = samples.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(samples.length).toBe(count);
  });

  it('refuses an interface the router does not have, and answers ROUTER_UNREACHABLE for a router that is down', async () => {
    const router = await sim({ version });
    const created = await n.addRouter(router);
    const unknown = await n.t.call('network.traffic.watch', { routerId: created.id, interface: 'ether99' }, n.owner.token);
    expect(codeOf(unknown)).toBe('VALIDATION');
    expect(n.t.core.deps.network.traffic.active).toEqual([]);
    const down = await n.addRouter({ port: await closedPort() });
    expect(codeOf(await n.t.call('network.traffic.watch', { routerId: down.id, interface: 'ether1' }, n.owner.token))).toBe('ROUTER_UNREACHABLE');
  });

  it('ends a watch when the router drops the connection', async () => {
    const router = await sim({ version, monitorIntervalMs: 20 });
    const created = await n.addRouter(router);
    unwrap(await n.t.call('network.traffic.watch', { routerId: created.id, interface: 'ether2' }, n.owner.token));
    router.dropConnections();
    await until(() => n.t.core.deps.network.traffic.active.length === 0, 2_000, 'the watch to end');
  });
});

describe('traffic and core close', () => {
  it('cancels every stream when the core closes', async () => {
    const n = await networkTest({ trafficWindowMs: 60_000 });
    const router = await sim({ version: '7.18', monitorIntervalMs: 20 });
    const created = await n.addRouter(router);
    const samples = n.record('network.traffic');
    for (const name of ['ether1', 'ether2']) unwrap(await n.t.call('network.traffic.watch', { routerId: created.id, interface: name }, n.owner.token));
    await until(() => samples.length >= 4, 2_000, 'samples');
    await n.t.close();
    const count = samples.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(samples.length).toBe(count);
    await until(() => router.stats.open === 0, 2_000, 'the connection to close');
  });
});
