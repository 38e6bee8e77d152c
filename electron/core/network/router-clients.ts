import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SecretCipher } from '../platform/secrets';
import type { RouterRow } from './network.tables';
import type { RouterClient, RouterPool, RouterRetryOptions } from './routeros/routeros-client';
import { readSecret, routerSecretName } from './secret-store';

export type RouterTarget = Pick<RouterRow, 'id' | 'host' | 'port' | 'tls' | 'username'>;

export type RouterClientSettings = {
  /** Per command. */
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** Connection attempts inside one call; jobs and the status refresher retry on their own schedule. */
  retry: RouterRetryOptions;
};

/** The routers' clients, one per router, reused while its address, user and password stay the same. */
export type RouterClients = {
  get(db: Kysely<DB>, router: RouterTarget): Promise<RouterClient>;
  /** Drops the router's client (settings changed, router removed); its connection closes when unused. */
  forget(routerId: string): void;
  close(): Promise<void>;
};

export function createRouterClients(pool: RouterPool, cipher: SecretCipher, settings: RouterClientSettings): RouterClients {
  const clients = new Map<string, { identity: string; client: RouterClient }>();
  let closed = false;
  const release = (routerId: string) => {
    const entry = clients.get(routerId);
    clients.delete(routerId);
    if (entry) void entry.client.close();
  };
  return {
    async get(db, router) {
      const password = (await readSecret(db, cipher, routerSecretName(router.id))) ?? '';
      // Compared in memory only; never stored or logged.
      const identity = JSON.stringify([router.host, router.port, router.tls, router.username, password]);
      const known = clients.get(router.id);
      if (known?.identity === identity) return known.client;
      if (known) release(router.id);
      const client = pool.client({
        host: router.host,
        port: router.port,
        user: router.username,
        password,
        // A MikroTik's API-SSL certificate is self-signed unless someone installed one.
        tls: router.tls === 1 ? { rejectUnauthorized: false } : false,
        timeoutMs: settings.commandTimeoutMs,
        connectTimeoutMs: settings.connectTimeoutMs,
        retry: settings.retry,
      });
      if (!closed) clients.set(router.id, { identity, client });
      return client;
    },
    forget: release,
    async close() {
      closed = true;
      for (const id of [...clients.keys()]) release(id);
    },
  };
}
