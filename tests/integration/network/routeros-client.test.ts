/**
 * Gerai's router client (node-routeros underneath) against the RouterOS API simulator, once per
 * version profile: logins, menus, queries, traps, concurrency, streams, charsets, and the faults a
 * neighbourhood ISP's routers really have.
 */
import { describe, expect, it } from 'vitest';
import {
  RouterLoginError,
  RouterTimeoutError,
  RouterTrapError,
  RouterUnreachableError,
} from '../../../electron/core/network/routeros/routeros-errors';
import type { RouterRecord } from '../../../electron/core/network/routeros/routeros-client';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { clientOf, closedPort, PASSWORD, rejectionOf, sim, until } from './routeros-support';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const OLD_DATE = /^[a-z]{3}\/\d{2}\/\d{4}$/;

describe.each(SIM_VERSIONS)('RouterOS %s', (version) => {
  const legacy = version === '6.42';

  describe('login', () => {
    it(`logs in with the ${legacy ? 'legacy MD5 challenge' : 'name + password (≥ 6.43)'} login, detected`, async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      const [identity] = await client.print('/system/identity');
      expect(identity).toEqual({ name: 'MikroTik' });
      expect(client.loginMethod()).toBe(legacy ? 'challenge' : 'plain');
      expect(router.stats.logins).toEqual({ plain: legacy ? 0 : 1, challenge: legacy ? 1 : 0, failed: 0 });
    });

    it('takes a non-ASCII password in both login kinds', async () => {
      const router = await sim({ version, users: { admin: 'kopi-é€' } });
      const client = clientOf(router, { password: 'kopi-é€', charset: 'utf8' });
      await expect(client.print('/system/identity')).resolves.toHaveLength(1);
    });

    it('rejects a wrong password with RouterLoginError, without retrying it', async () => {
      const router = await sim({ version });
      const client = clientOf(router, { password: 'salah', retry: { attempts: 3, baseDelayMs: 1 } });
      const error = await rejectionOf(client.print('/system/identity'));
      expect(error).toBeInstanceOf(RouterLoginError);
      expect((error as RouterLoginError).routerMessage).toBe(
        legacy ? 'cannot log in' : 'invalid user name or password (6)',
      );
      expect((error as Error).message).not.toContain('salah');
      expect(router.stats.logins.failed).toBe(1);
    });
  });

  describe('menus', () => {
    it('reads /system/resource and the clock in this version’s date format', async () => {
      const router = await sim({ version, boardName: 'CCR2004-16G-2S+' });
      const client = clientOf(router);
      const [resource] = await client.print('/system/resource');
      expect(resource).toMatchObject({ 'board-name': 'CCR2004-16G-2S+', 'total-memory': '1073741824' });
      expect(resource!.version).toMatch(new RegExp(`^${version.replace('.', '\\.')}\\.`));
      for (const key of ['uptime', 'cpu-load', 'free-memory']) expect(resource![key]).toBeDefined();
      const { rows } = await client.command('/system/clock/print');
      expect(rows[0]!.date).toMatch(legacy || version === '6.49' ? OLD_DATE : /^\d{4}-\d{2}-\d{2}$/);
    });

    it('adds, sets, unsets and removes PPP profiles and secrets, with RouterOS’s traps', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      const profileId = await client.add('/ppp/profile', {
        name: 'paket-10M',
        'rate-limit': '2M/10M',
        'only-one': 'yes',
      });
      expect(profileId).toMatch(/^\*[0-9A-F]+$/);
      const secretId = await client.add('/ppp/secret', {
        name: 'budi.santoso',
        password: 'pw-budi',
        service: 'pppoe',
        profile: 'paket-10M',
        comment: 'Jl. Kaliurang km 7',
      });
      const [secret] = await client.print('/ppp/secret', { query: { name: 'budi.santoso' } });
      expect(secret).toMatchObject({
        '.id': secretId,
        profile: 'paket-10M',
        service: 'pppoe',
        disabled: 'false',
      });

      await client.set('/ppp/secret', secretId, { profile: 'default', disabled: true });
      await client.unset('/ppp/secret', secretId, 'comment');
      const [changed] = await client.print('/ppp/secret', { proplist: ['profile', 'disabled', 'comment'] });
      expect(changed).toEqual({ profile: 'default', disabled: 'true' });

      const duplicate = await rejectionOf(client.add('/ppp/secret', { name: 'budi.santoso', password: 'x' }));
      expect(duplicate).toBeInstanceOf(RouterTrapError);
      expect(duplicate).toMatchObject({
        routerMessage: 'failure: secret with the same name already exists',
        category: null,
        command: '/ppp/secret/add',
      });
      expect((duplicate as Error).message).not.toContain('pw-budi');
      const unknownProfile = await rejectionOf(client.set('/ppp/secret', secretId, { profile: 'paket-99M' }));
      expect(unknownProfile).toMatchObject({
        routerMessage: 'input does not match any value of profile',
        category: 1,
      });
      const noSuchItem = await rejectionOf(client.remove('/ppp/secret', '*FFFF'));
      expect(noSuchItem).toMatchObject({ routerMessage: 'no such item' });

      await client.remove('/ppp/secret', secretId);
      await client.set('/ppp/profile', profileId, { 'rate-limit': '4M/20M' });
      expect((await client.print('/ppp/profile', { query: { name: 'paket-10M' } }))[0]!['rate-limit']).toBe(
        '4M/20M',
      );
      await client.remove('/ppp/profile', profileId);
      expect(router.state().menus['/ppp/secret']).toEqual([]);
      expect(router.state().menus['/ppp/profile']!.map((p) => p.name)).toEqual([
        'default',
        'default-encryption',
      ]);
    });

    it('prints with queries (equality, presence, comparison, the ?# stack) and a proplist', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      await client.add('/ppp/profile', { name: 'paket-10M' });
      await client.add('/ppp/profile', { name: 'paket-20M' });
      const plan: Array<[string, string, string | undefined]> = [
        ['agus', 'paket-10M', undefined],
        ['budi', 'paket-20M', 'lunas'],
        ['citra', 'default', 'nunggak'],
        ['dewi', 'paket-10M', 'lunas'],
      ];
      for (const [name, profile, comment] of plan) {
        await client.add('/ppp/secret', { name, password: 'x', service: 'pppoe', profile, comment });
      }
      const names = (rows: RouterRecord[]) => rows.map((r) => r.name);

      const tenMeg = await client.print('/ppp/secret', {
        query: { profile: 'paket-10M' },
        proplist: ['name', 'profile'],
      });
      expect(tenMeg).toEqual([
        { name: 'agus', profile: 'paket-10M' },
        { name: 'dewi', profile: 'paket-10M' },
      ]);
      expect(names(await client.print('/ppp/secret', { query: ['?comment'] }))).toEqual([
        'budi',
        'citra',
        'dewi',
      ]);
      expect(names(await client.print('/ppp/secret', { query: ['?-comment'] }))).toEqual(['agus']);
      expect(names(await client.print('/ppp/secret', { query: ['?>name=b', '?<name=d'] }))).toEqual([
        'budi',
        'citra',
      ]);
      // Either plan: ?# | pops two results and pushes their "or".
      const either = ['?profile=paket-10M', '?profile=paket-20M', '?#|'] as const;
      expect(names(await client.print('/ppp/secret', { query: either }))).toEqual(['agus', 'budi', 'dewi']);
      // ! negates the top, & combines: paid up and not on 10M.
      const paidNotTen = ['?comment=lunas', '?profile=paket-10M', '?#!&'] as const;
      expect(names(await client.print('/ppp/secret', { query: paidNotTen }))).toEqual(['budi']);
      // . duplicates the top: (10M) and (10M) is still 10M.
      expect(names(await client.print('/ppp/secret', { query: ['?profile=paket-10M', '?#.&'] }))).toEqual([
        'agus',
        'dewi',
      ]);
      expect(await client.print('/ppp/secret', { query: { name: 'nobody' } })).toEqual([]);
      const { ret } = await client.command(
        '/ppp/secret/print',
        { 'count-only': '' },
        { query: ['?comment=lunas'] },
      );
      expect(ret).toBe('2');
    });

    it('manages hotspot users and profiles, address lists and simple queues', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      await client.add('/ip/hotspot/user/profile', {
        name: 'voucher-1hari',
        'rate-limit': '1M/3M',
        'shared-users': 1,
      });
      const userId = await client.add('/ip/hotspot/user', {
        name: 'vc-48213',
        password: '7731',
        profile: 'voucher-1hari',
        'limit-uptime': '1d',
        comment: 'vc|up-482-11.22.26-',
      });
      await client.set('/ip/hotspot/user', userId, { 'limit-bytes-total': 5 * 1024 ** 3 });
      expect((await client.print('/ip/hotspot/user'))[0]).toMatchObject({
        name: 'vc-48213',
        profile: 'voucher-1hari',
        'limit-bytes-total': String(5 * 1024 ** 3),
      });
      const sameName = await rejectionOf(client.add('/ip/hotspot/user', { name: 'vc-48213' }));
      expect(sameName).toMatchObject({ routerMessage: 'failure: user with the same name already exists' });
      const sameProfile = await rejectionOf(
        client.add('/ip/hotspot/user/profile', { name: 'voucher-1hari' }),
      );
      expect(sameProfile).toMatchObject({
        routerMessage: 'failure: profile with the same name already exists',
      });

      const listId = await client.add('/ip/firewall/address-list', {
        list: 'isolir',
        address: '10.10.0.7',
        comment: 'citra',
      });
      const timed = await client.add('/ip/firewall/address-list', {
        list: 'isolir',
        address: '10.10.0.8',
        timeout: '1h',
      });
      const isolir = await client.print('/ip/firewall/address-list', { query: { list: 'isolir' } });
      expect(isolir.map((r) => [r.address, r.dynamic])).toEqual([
        ['10.10.0.7', 'false'],
        ['10.10.0.8', 'true'],
      ]);
      expect(isolir[0]!['creation-time']).toMatch(
        version.startsWith('7') ? ISO_DATE_TIME : /^[a-z]{3}\/\d{2}\/\d{4} /,
      );
      const again = await rejectionOf(
        client.add('/ip/firewall/address-list', { list: 'isolir', address: '10.10.0.7' }),
      );
      expect(again).toMatchObject({ routerMessage: 'failure: already have such entry' });

      const queueId = await client.add('/queue/simple', { target: '10.10.0.7/32', 'max-limit': '2M/10M' });
      await client.set('/queue/simple', queueId, { 'max-limit': '4M/20M', comment: 'upgrade' });
      expect((await client.print('/queue/simple'))[0]).toMatchObject({
        name: 'queue1',
        target: '10.10.0.7/32',
        'max-limit': '4M/20M',
        comment: 'upgrade',
      });
      await client.remove('/queue/simple', queueId);
      await client.remove('/ip/firewall/address-list', [listId, timed]);
      await client.remove('/ip/hotspot/user', userId);
      const state = router.state().menus;
      expect([state['/queue/simple'], state['/ip/firewall/address-list'], state['/ip/hotspot/user']]).toEqual(
        [[], [], []],
      );
    });

    it('ends a customer’s PPPoE session when the secret goes, and records the logout in this version’s format', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      await client.add('/ppp/secret', { name: 'citra', password: 'x', service: 'pppoe' });
      const sariId = await client.add('/ppp/secret', { name: 'sari', password: 'x', service: 'pppoe' });
      router.dialIn('citra', { address: '10.10.0.9' });
      router.dialIn('sari');
      expect(() => router.dialIn('nobody')).toThrow(/no PPP secret/);
      const active = await client.print('/ppp/active');
      expect(active.map((a) => [a.name, a.service])).toEqual([
        ['citra', 'pppoe'],
        ['sari', 'pppoe'],
      ]);
      expect(active[0]!.address).toBe('10.10.0.9');

      // Kick citra (isolir): removing the active session disconnects her.
      await client.remove('/ppp/active', active[0]!['.id']!);
      const [citra] = await client.print('/ppp/secret', { query: { name: 'citra' } });
      if (version.startsWith('7')) {
        expect(citra!['last-logged-out']).toMatch(ISO_DATE_TIME);
        expect(citra!['last-disconnect-reason']).toBe('disconnected');
      } else {
        expect(citra!['last-logged-out']).toBeUndefined();
      }
      // Removing sari's secret drops her session too.
      await client.remove('/ppp/secret', sariId);
      expect(await client.print('/ppp/active')).toEqual([]);
      await client.set('/ppp/secret', 'citra', { disabled: true });
      expect(() => router.dialIn('citra')).toThrow(/disabled/);
    });

    it('returns an empty print as [] (7.18 sends !empty first, which stock node-routeros cannot take)', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      expect(await client.print('/ppp/secret')).toEqual([]);
      expect(await client.print('/ip/hotspot/active')).toEqual([]);
      expect(await client.print('/ppp/profile', { query: { name: 'nope' } })).toEqual([]);
      // The connection is still good afterwards.
      expect(await client.print('/ppp/profile')).toHaveLength(2);
    });

    it('round-trips names in UTF-8 when asked, and in Windows-1252 by default', async () => {
      const router = await sim({ version });
      const utf8 = clientOf(router, { charset: 'utf8' });
      const name = 'Bu Śri — warung ☕ Ñ';
      const id = await utf8.add('/ppp/secret', { name, password: 'x', comment: 'gang Mawar № 3' });
      expect(
        await utf8.print('/ppp/secret', { query: { name }, proplist: ['.id', 'name', 'comment'] }),
      ).toEqual([{ '.id': id, name, comment: 'gang Mawar № 3' }]);
      expect(router.state().menus['/ppp/secret']![0]!.name).toBe(name);

      const win = clientOf(router); // win1252, as Winbox shows text
      const jose = 'José – café €5';
      await win.add('/ppp/secret', { name: jose, password: 'x' });
      expect((await win.print('/ppp/secret', { query: { name: jose } }))[0]!.name).toBe(jose);
    });
  });

  describe('concurrency and streams', () => {
    it('keeps many tagged commands in flight on one connection', async () => {
      const router = await sim({ version, latencyMs: 20 });
      const client = clientOf(router);
      const names = Array.from({ length: 40 }, (_, i) => `pelanggan-${String(i).padStart(3, '0')}`);
      const ids = await Promise.all(
        names.map((name) => client.add('/ppp/secret', { name, password: 'x', service: 'pppoe' })),
      );
      expect(new Set(ids).size).toBe(40);
      const rows = await client.print('/ppp/secret', { proplist: ['.id', 'name'] });
      expect(rows.map((r) => r.name).sort()).toEqual(names);
      expect(Object.fromEntries(rows.map((r) => [r.name, r['.id']]))).toEqual(
        Object.fromEntries(names.map((name, i) => [name, ids[i]])),
      );
      expect(router.stats.connections).toBe(1);
      expect(router.stats.maxConcurrent).toBeGreaterThan(8);
    });

    it('bounds the commands in flight (maxInFlight)', async () => {
      const router = await sim({ version, latencyMs: 10 });
      const client = clientOf(router, { maxInFlight: 4 });
      await Promise.all(Array.from({ length: 20 }, () => client.print('/system/identity')));
      expect(router.stats.maxConcurrent).toBe(4);
    });

    it('streams /interface/monitor-traffic until cancelled, and the connection carries on', async () => {
      const router = await sim({ version, monitorIntervalMs: 15 });
      const client = clientOf(router);
      const samples: RouterRecord[] = [];
      const stream = await client.stream('/interface/monitor-traffic', { interface: 'ether1' }, (row) =>
        samples.push(row),
      );
      await until(() => samples.length >= 4, 5_000, 'four traffic samples');
      await stream.cancel();
      expect(await stream.finished).toBeNull();
      const seen = samples.length;
      for (const sample of samples) {
        expect(sample.name).toBe('ether1');
        expect(Number(sample['rx-bits-per-second'])).toBeGreaterThan(0);
        expect(Number(sample['tx-bits-per-second'])).toBeGreaterThan(0);
      }
      expect(new Set(samples.map((s) => s['rx-bits-per-second'])).size).toBeGreaterThan(1);
      await new Promise((resolve) => setTimeout(resolve, 60));
      expect(samples.length).toBe(seen);
      expect(await client.print('/system/identity')).toHaveLength(1);
      expect(router.stats.connections).toBe(1);
      const once = await client.command('/interface/monitor-traffic', {
        interface: 'ether1,ether2',
        once: '',
      });
      expect(once.rows.map((r) => r.name)).toEqual(['ether1', 'ether2']);
    });

    it('streams listen / print follow while commands run beside it', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      await client.add('/ppp/secret', { name: 'eko', password: 'x', service: 'pppoe' });
      const events: RouterRecord[] = [];
      const listen = await client.stream('/ppp/active/listen', {}, (row) => events.push(row));
      const followed: RouterRecord[] = [];
      const follow = await client.stream('/ppp/secret/print', { follow: '' }, (row) => followed.push(row));
      await until(() => followed.length === 1, 5_000, 'the current secret');
      const active = router.dialIn('eko');
      await until(() => events.length === 1, 5_000, 'the session event');
      expect(events[0]).toMatchObject({ '.id': active['.id'], name: 'eko' });
      await client.remove('/ppp/active', active['.id']!);
      await until(() => events.length === 2, 5_000, 'the disconnect event');
      expect(events[1]).toEqual({ '.id': active['.id'], '.dead': 'true' });
      await client.add('/ppp/secret', { name: 'fajar', password: 'x' });
      await until(() => followed.some((row) => row.name === 'fajar'), 5_000, 'the new secret');
      await Promise.all([listen.cancel(), follow.cancel()]);
      expect(await listen.finished).toBeNull();
      expect(await follow.finished).toBeNull();
    });

    it('reports a stream the router refuses with its trap', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      const stream = await client.stream(
        '/interface/monitor-traffic',
        { interface: 'ether9' },
        () => undefined,
      );
      const error = await stream.finished;
      expect(error).toBeInstanceOf(RouterTrapError);
      expect(error).toMatchObject({
        category: 1,
        routerMessage: 'input does not match any value of interface',
      });
    });
  });

  describe('faults', () => {
    it('fails a call to a router that is down with RouterUnreachableError, and keeps failing fast while backing off', async () => {
      const client = clientOf(
        { port: await closedPort() },
        { retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 } },
      );
      const error = await rejectionOf(client.print('/system/resource'));
      expect(error).toBeInstanceOf(RouterUnreachableError);
      expect(error).toMatchObject({ code: 'ECONNREFUSED', retryable: true });
      await expect(client.print('/system/resource')).rejects.toBeInstanceOf(RouterUnreachableError);
    });

    it('rejects the commands in flight when the router is cut off, and reconnects on the next call', async () => {
      const router = await sim({ version, latencyMs: 5 });
      const client = clientOf(router);
      await client.print('/system/identity'); // login + 1 command
      router.setFault({ dropAfterCommands: 6 });
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          client.add('/ppp/secret', { name: `batch-${i}`, password: 'x' }),
        ),
      );
      const failed = results.filter((r) => r.status === 'rejected');
      expect(failed.length).toBeGreaterThanOrEqual(15);
      for (const failure of failed) expect(failure.reason).toBeInstanceOf(RouterUnreachableError);
      const added = results.filter((r) => r.status === 'fulfilled').length;
      expect(router.state().menus['/ppp/secret']).toHaveLength(added);

      expect(await client.print('/ppp/secret')).toHaveLength(added);
      expect(router.stats.connections).toBe(2);
    });

    it('times a hung command out with RouterTimeoutError and replaces the connection', async () => {
      const router = await sim({ version });
      const client = clientOf(router, { timeoutMs: 5_000 });
      await client.print('/system/identity');
      router.setFault({ hang: true });
      const started = Date.now();
      const error = await rejectionOf(client.print('/ppp/secret', { timeoutMs: 250 }));
      const took = Date.now() - started;
      expect(error).toBeInstanceOf(RouterTimeoutError);
      expect(error).toMatchObject({ timeoutMs: 250, command: '/ppp/secret/print', retryable: true });
      expect(took).toBeGreaterThanOrEqual(240);
      expect(took).toBeLessThan(2_500);
      await until(() => router.stats.open === 0, 2_000, 'the hung connection to close');
      router.setFault({ hang: false });
      expect(await client.print('/ppp/profile')).toHaveLength(2);
      expect(router.stats.connections).toBe(2);
    });

    it('keeps the category of a trap (injected fault)', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      router.setFault({ trapNext: { message: 'failure: router is busy', category: 4 } });
      const error = await rejectionOf(client.command('/system/identity/set', { name: 'POP-SLEMAN' }));
      expect(error).toBeInstanceOf(RouterTrapError);
      expect(error).toMatchObject({ category: 4, routerMessage: 'failure: router is busy' });
      expect(await client.print('/system/identity')).toEqual([{ name: 'MikroTik' }]);
    });

    it('handles !fatal: the session ends, its stream and pending commands are rejected with the reason', async () => {
      const router = await sim({ version });
      const client = clientOf(router);
      const stream = await client.stream('/ppp/active/listen', {}, () => undefined);
      const quit = rejectionOf(client.command('/quit'));
      const ended = await stream.finished;
      expect(ended).toBeInstanceOf(RouterUnreachableError);
      expect((ended as Error).message).toContain('session terminated on request');
      expect(await quit).toBeInstanceOf(RouterUnreachableError);
      expect(await client.print('/system/identity')).toHaveLength(1);
    });

    it('survives the router dying mid-command (the call rejects; nothing is thrown at the process)', async () => {
      const router = await sim({ version, latencyMs: 200 });
      const client = clientOf(router, { retry: { attempts: 1 } });
      await client.print('/system/identity');
      const pending = client.print('/ppp/secret');
      await until(() => router.stats.commands >= 3, 2_000, 'the command to reach the router');
      await router.close();
      const error = await rejectionOf(pending);
      expect(error).toBeInstanceOf(RouterUnreachableError);
      await expect(client.print('/ppp/secret')).rejects.toBeInstanceOf(RouterUnreachableError);
    });
  });
});

describe('reply layout', () => {
  it('takes replies with .tag right after the reply word as well as last', async () => {
    const router = await sim({ version: '7.18', tagPosition: 'first', latencyMs: 2 });
    const client = clientOf(router);
    await Promise.all(['a', 'b', 'c'].map((name) => client.add('/ppp/secret', { name, password: PASSWORD })));
    expect((await client.print('/ppp/secret')).map((r) => r.name).sort()).toEqual(['a', 'b', 'c']);
  });
});
