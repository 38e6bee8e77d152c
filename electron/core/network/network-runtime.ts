import type { CoreDeps } from '../context';
import { firewallOperations } from './firewall.service';
import { hotspotOperations } from './hotspot.service';
import { pppOperations } from './ppp.service';
import { reconcileOperations } from './reconcile.service';
import { createRouterClients, type RouterClients } from './router-clients';
import { RouterJobRunner, type JobOperations, type JobRunnerOptions } from './router-jobs';
import { RouterStatusRefresher } from './router-status';
import { createRouterPool, type RouterPool, type RouterRetryOptions } from './routeros/routeros-client';
import { TrafficWatcher } from './traffic';

export type NetworkOptions = {
  /** How often router status is refreshed in the background (default 60 s; 0 turns it off). */
  statusIntervalMs?: number;
  /** Per RouterOS command (default 10 s). */
  commandTimeoutMs?: number;
  /** TCP/TLS connect (default 5 s). */
  connectTimeoutMs?: number;
  /**
   * Connection attempts inside one call (default one attempt; after a failure the router is not
   * dialled again for up to 5 s). Jobs and the status refresher retry on their own schedules.
   */
  clientRetry?: RouterRetryOptions;
  /** How long one `network.traffic.watch` call keeps the stream going (default 60 s). */
  trafficWindowMs?: number;
  jobs?: JobRunnerOptions;
};

/** Everything that talks to routers, made once per core and closed with it. */
export type NetworkRuntime = {
  pool: RouterPool;
  clients: RouterClients;
  jobs: RouterJobRunner;
  status: RouterStatusRefresher;
  traffic: TrafficWatcher;
  /** Resumes jobs left by the last run and starts the background status refresh. */
  start(): Promise<void>;
  /** Stops the runner, refresher and streams, closes every router connection; waits for attempts under way. */
  close(): Promise<void>;
};

export type NetworkDeps = Pick<CoreDeps, 'store' | 'clock' | 'logger' | 'secrets' | 'events'>;

const OPERATIONS: JobOperations = { ...pppOperations, ...hotspotOperations, ...firewallOperations, ...reconcileOperations };

export function createNetworkRuntime(deps: NetworkDeps, options: NetworkOptions = {}): NetworkRuntime {
  const db = deps.store.db;
  const pool = createRouterPool({ logger: deps.logger });
  const clients = createRouterClients(pool, deps.secrets, {
    commandTimeoutMs: options.commandTimeoutMs ?? 10_000,
    connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
    retry: options.clientRetry ?? { attempts: 1, baseDelayMs: 500, maxDelayMs: 5_000 },
  });
  const jobs = new RouterJobRunner({ db, clock: deps.clock, logger: deps.logger, events: deps.events, secrets: deps.secrets, clients }, OPERATIONS, options.jobs);
  const status = new RouterStatusRefresher({ db, clients, clock: deps.clock, logger: deps.logger, events: deps.events }, options.statusIntervalMs ?? 60_000);
  const traffic = new TrafficWatcher({ db, clients, clock: deps.clock, events: deps.events, logger: deps.logger }, options.trafficWindowMs ?? 60_000);
  let closing: Promise<void> | null = null;
  return {
    pool,
    clients,
    jobs,
    status,
    traffic,
    async start() {
      await jobs.start();
      status.start();
    },
    close() {
      closing ??= (async () => {
        jobs.stop();
        status.stop();
        await traffic.close();
        // Closing the connections ends any command still out: attempts under way finish at once.
        await clients.close();
        await pool.close();
        await Promise.all([jobs.drain(), status.drain()]);
      })();
      return closing;
    },
  };
}
