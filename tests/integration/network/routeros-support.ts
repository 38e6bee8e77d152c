import { createServer, type AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import {
  createRouterPool,
  type RouterClient,
  type RouterClientOptions,
  type RouterPool,
} from '../../../electron/core/network/routeros/routeros-client';
import { startRouterOsSim, type RouterOsSim, type RouterOsSimOptions } from '../../sim/routeros/routeros-sim';

export const PASSWORD = 'rahasia-123';

const sims: RouterOsSim[] = [];
const pools: RouterPool[] = [];

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const sim of sims.splice(0)) await sim.close();
});

/** A simulator for this test (closed after it), user admin / PASSWORD unless told otherwise. */
export async function sim(options: RouterOsSimOptions = {}): Promise<RouterOsSim> {
  const started = await startRouterOsSim({ users: { admin: PASSWORD }, lifetimeMs: 120_000, ...options });
  sims.push(started);
  return started;
}

/** A pool for this test (closed after it). */
export function pool(): RouterPool {
  const created = createRouterPool();
  pools.push(created);
  return created;
}

/** A client of `router` from a fresh pool, with short timeouts and retries suited to tests. */
export function clientOf(router: { port: number }, options: Partial<RouterClientOptions> = {}): RouterClient {
  return pool().client(clientOptions(router, options));
}

export function clientOptions(
  router: { port: number },
  options: Partial<RouterClientOptions> = {},
): RouterClientOptions {
  return {
    host: '127.0.0.1',
    port: router.port,
    user: 'admin',
    password: PASSWORD,
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
    ...options,
  };
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves when `check` holds (polled), or fails after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
