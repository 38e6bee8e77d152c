/**
 * Closing a router pool must not wait for a router: a connection attempt or login in progress, or a
 * back-off pause between attempts, ends at once with a "closed by Gerai" error (the core closes its
 * pool on shutdown, often while offline routers are being dialled).
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RouterUnreachableError } from '../../../electron/core/network/routeros/routeros-errors';
import { clientOptions, closedPort, pool, rejectionOf } from './routeros-support';

const silent: Socket[] = [];
afterEach(() => {
  for (const socket of silent.splice(0)) socket.destroy();
});

/** A "router" that accepts connections and never says a word (a login that hangs). */
async function mute(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((socket) => silent.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of silent.splice(0)) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('closing the pool', () => {
  it('aborts a login that hangs instead of waiting for its timeout', async () => {
    const router = await mute();
    const routers = pool();
    const client = routers.client(clientOptions(router, { timeoutMs: 10_000, retry: { attempts: 1 } }));
    const call = rejectionOf(client.print('/system/identity'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await routers.close();
    const error = await call;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(RouterUnreachableError);
    expect((error as RouterUnreachableError).code).toBe('ECLOSED');
    await router.close();
  });

  it('ends a back-off pause between connection attempts', async () => {
    const routers = pool();
    const client = routers.client(
      clientOptions({ port: await closedPort() }, { retry: { attempts: 3, baseDelayMs: 10_000, maxDelayMs: 10_000 } }),
    );
    const call = rejectionOf(client.print('/system/identity'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await routers.close();
    expect(await call).toMatchObject({ code: 'ECLOSED' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
