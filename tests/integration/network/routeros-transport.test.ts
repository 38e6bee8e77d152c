/**
 * Transport-level behaviour of the client: TCP_NODELAY and one write per sentence (against stock
 * node-routeros, which has neither), connection sharing in the pool, idle close, re-login on a new
 * password.
 */
import { createServer, Socket, type AddressInfo } from 'node:net';
import { RouterOSAPI } from 'node-routeros';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRouterPool } from '../../../electron/core/network/routeros/routeros-client';
import {
  RouterTimeoutError,
  RouterUnreachableError,
} from '../../../electron/core/network/routeros/routeros-errors';
import { clientOf, clientOptions, PASSWORD, pool, sim, until } from './routeros-support';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Spies on every socket's setNoDelay() and write(); `of(port)` keeps the calls of client sockets to `port`. */
function socketSpies() {
  const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
  const write = vi.spyOn(Socket.prototype, 'write');
  const toPort = (port: number) => (socket: unknown) =>
    socket instanceof Socket && socket.remotePort === port;
  return {
    noDelayCalls: (port: number) =>
      noDelay.mock.calls.filter((_, i) => toPort(port)(noDelay.mock.contexts[i])),
    writes: (port: number) => write.mock.contexts.filter(toPort(port)).length,
  };
}

describe('TCP_NODELAY and sentence writes', () => {
  it('sets TCP_NODELAY on the router socket and sends each sentence in one write()', async () => {
    const router = await sim({ version: '7.18' });
    const spies = socketSpies();
    const client = clientOf(router);
    await client.print('/ppp/profile', { proplist: ['name', 'rate-limit'], query: { default: 'true' } });
    await client.add('/ppp/secret', { name: 'budi', password: 'x', service: 'pppoe', profile: 'default' });
    // /login (3 words + tag) and the two commands (4 and 5 words + tag): one write each.
    expect(spies.writes(router.port)).toBe(3);
    const calls = spies.noDelayCalls(router.port);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every(([enable]) => enable === undefined || enable === true)).toBe(true);
  });

  it('(stock node-routeros, for contrast) writes word by word and never sets TCP_NODELAY', async () => {
    const router = await sim({ version: '7.18' });
    const spies = socketSpies();
    const api = new RouterOSAPI({ host: '127.0.0.1', port: router.port, user: 'admin', password: PASSWORD });
    await api.connect();
    await api.write('/ppp/profile/print', ['=.proplist=name,rate-limit', '?default=true']);
    // /login: 3 words + tag + terminator; print: 3 words + tag + terminator.
    expect(spies.writes(router.port)).toBe(10);
    expect(spies.noDelayCalls(router.port)).toEqual([]);
    await api.close();
  });
});

describe('router pool', () => {
  it('shares one connection between clients of the same host, port and user', async () => {
    const router = await sim({ users: { admin: PASSWORD, teknisi: 'lapangan' } });
    const routers = pool();
    const a = routers.client(clientOptions(router));
    const b = routers.client(clientOptions(router));
    const other = routers.client(clientOptions(router, { user: 'teknisi', password: 'lapangan' }));
    await Promise.all([
      a.print('/system/identity'),
      b.print('/system/identity'),
      other.print('/system/identity'),
    ]);
    expect(router.stats.connections).toBe(2);
    expect(routers.size).toBe(2);

    await a.close();
    await b.print('/ppp/profile'); // b still has the shared connection
    expect(router.stats.connections).toBe(2);
    await expect(a.print('/ppp/profile')).rejects.toBeInstanceOf(RouterUnreachableError);
    await b.close();
    await until(() => router.stats.open === 1, 2_000, 'the admin connection to close');
    expect(routers.size).toBe(1);
  });

  it('closes an idle connection and opens a new one when needed', async () => {
    const router = await sim();
    const client = clientOf(router, { idleCloseMs: 30 });
    await client.print('/system/identity');
    await until(() => router.stats.open === 0, 2_000, 'the idle close');
    expect(await client.print('/system/identity')).toHaveLength(1);
    expect(router.stats.connections).toBe(2);
  });

  it('keeps a connection with a running stream open past the idle time', async () => {
    const router = await sim({ monitorIntervalMs: 10 });
    const client = clientOf(router, { idleCloseMs: 20 });
    let rows = 0;
    const stream = await client.stream('/interface/monitor-traffic', { interface: 'ether1' }, () => rows++);
    await until(() => rows >= 8, 2_000, 'traffic samples');
    expect(router.stats.open).toBe(1);
    await stream.cancel();
    await until(() => router.stats.open === 0, 2_000, 'the idle close after the stream');
  });

  it('logs in again when the password changes', async () => {
    const router = await sim({ users: { admin: 'lama' } });
    const routers = pool();
    const old = routers.client(clientOptions(router, { password: 'lama' }));
    await old.print('/system/identity');
    const renewed = routers.client(clientOptions(router, { password: 'baru', retry: { attempts: 1 } }));
    await expect(renewed.print('/system/identity')).rejects.toMatchObject({ kind: 'login' });
    expect(router.stats.logins.failed).toBe(1);
  });
});

describe('reconnecting', () => {
  /** A "router" that accepts connections and drops each at once, counting them. */
  async function droppingRouter(): Promise<{
    port: number;
    accepted: () => number;
    close: () => Promise<void>;
  }> {
    let accepted = 0;
    const server = createServer((socket) => {
      accepted++;
      socket.on('error', () => undefined);
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      accepted: () => accepted,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  it('retries a failed connection with exponential back-off and jitter, then fails fast until the back-off passes', async () => {
    const router = await droppingRouter();
    try {
      // random() = 0 takes the low end of the jitter: delays of 0.5 × 40 ms · 2ⁿ.
      const client = createRouterPool({ random: () => 0 }).client(
        clientOptions(router, { retry: { attempts: 3, baseDelayMs: 40, maxDelayMs: 1_000 } }),
      );
      const started = Date.now();
      await expect(client.print('/system/identity')).rejects.toMatchObject({
        kind: 'unreachable',
        code: 'EOF',
      });
      expect(router.accepted()).toBe(3);
      expect(Date.now() - started).toBeGreaterThanOrEqual(20 + 40);
      // Backing off (20 ms after this failed cycle): no new attempt is made.
      await expect(client.print('/system/identity')).rejects.toMatchObject({ kind: 'unreachable' });
      expect(router.accepted()).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 40));
      await expect(client.print('/system/identity')).rejects.toMatchObject({ kind: 'unreachable' });
      expect(router.accepted()).toBe(6);
      await client.close();
    } finally {
      await router.close();
    }
  });

  it('times out a router that takes the connection but never answers the login', async () => {
    const router = await sim();
    router.setFault({ hang: true });
    const client = clientOf(router, { timeoutMs: 150, retry: { attempts: 1, baseDelayMs: 1 } });
    await expect(client.print('/system/identity')).rejects.toBeInstanceOf(RouterTimeoutError);
    router.setFault({ hang: false });
    await new Promise((resolve) => setTimeout(resolve, 5)); // past the 1 ms back-off
    expect(await client.print('/system/identity')).toHaveLength(1);
  });
});
