import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { applyPendingRestore } from './backup/backup.service';
import type { CoreDeps } from './context';
import { openStore, type Store } from './db/database';
import { createOutboxWriter } from './db/outbox-writer';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createSyncStatusNotifier } from './sync/sync-status';
import { systemClock, type Clock } from './platform/clock';
import { createEventBus, type EventBus } from './platform/events';
import { createHlc } from './platform/hlc';
import { randomCode, uuidv7 } from './platform/ids';
import { createLogger, type Logger } from './platform/logger';
import { keyFileCipher, type SecretCipher } from './platform/secrets';
import { createNetworkRuntime, type NetworkOptions, type NetworkRuntime } from './network/network-runtime';
import { createSchedulerRuntime, type SchedulerOptions } from './scheduler/scheduler-runtime';
import { createNotifyRuntime, type NotifyOptions } from './notify/notify-runtime';
import { watchLiveAlerts } from './notify/live-alerts';

export type CoreOptions = {
  dataDir: string;
  appVersion: string;
  /** Defaults to a key file in the data folder; Electron passes a safeStorage-backed cipher. */
  secrets?: SecretCipher;
  clock?: Clock;
  logger?: Logger;
  /** Replace the database with this backup before opening (command-line restore). */
  restoreFrom?: string;
  onRestartRequested?: (reason: string) => void;
  /** Router timeouts, retry schedule, status interval (tests shorten them). */
  network?: NetworkOptions;
  /** The background daily scheduler (off unless a host turns it on; tests move time with scheduler.runDue). */
  scheduler?: SchedulerOptions;
  /** Notification retry schedule, poll interval and request timeout (tests shorten them). */
  notify?: NotifyOptions;
};

export type Core = {
  dispatch: Dispatch;
  events: EventBus;
  deps: CoreDeps;
  close(): Promise<void>;
};

async function deviceIdentity(store: Store): Promise<{ id: string; code: string; node: string }> {
  const rows = await store.db
    .selectFrom('meta')
    .selectAll()
    .where('key', 'in', ['device_id', 'device_code'])
    .execute();
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  let id = byKey.get('device_id');
  let code = byKey.get('device_code');
  if (!id || !code) {
    id = uuidv7();
    code = randomCode(4);
    await store.db
      .insertInto('meta')
      .values([
        { key: 'device_id', value: id },
        { key: 'device_code', value: code },
      ])
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  // The HLC node: the random tail of the device's UUIDv7, 16 hex characters.
  return { id, code, node: id.replace(/-/g, '').slice(16) };
}

async function latestHlc(store: Store): Promise<string | undefined> {
  const row = await sql<{ hlc: string | null }>`
    SELECT max(hlc) AS hlc FROM (SELECT max(hlc) AS hlc FROM sync_outbox UNION ALL SELECT max(hlc) FROM audit_log)`.execute(
    store.db,
  );
  return row.rows[0]?.hlc ?? undefined;
}

/** Opens the store in `dataDir` (applying a pending restore first) and wires the core together. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger ?? createLogger(join(options.dataDir, 'logs', 'gerai.log'));
  const paths = {
    dataDir: options.dataDir,
    databaseFile: join(options.dataDir, 'gerai.db'),
    backupsDir: join(options.dataDir, 'backups'),
  };
  applyPendingRestore(paths, logger, clock.now(), options.restoreFrom);
  const store = await openStore(paths.databaseFile, logger);
  let network: NetworkRuntime | null = null;
  try {
    const device = await deviceIdentity(store);
    const hlc = createHlc(clock, device.node, await latestHlc(store));
    const events = createEventBus();
    const secrets = options.secrets ?? keyFileCipher(join(options.dataDir, 'secret.key'));
    network = createNetworkRuntime({ store, clock, logger, secrets, events }, options.network);
    const deps: CoreDeps = {
      store,
      clock,
      hlc,
      writer: createOutboxWriter({ clock, hlc, deviceId: device.id }),
      events,
      logger,
      secrets,
      device: { id: device.id, code: device.code },
      paths,
      appVersion: options.appVersion,
      syncStatus: createSyncStatusNotifier(store.db, events),
      requestRestart: (reason) => options.onRestartRequested?.(reason),
      network,
      scheduler: createSchedulerRuntime(options.scheduler),
      notify: createNotifyRuntime({ store, clock, logger, secrets, events }, options.notify),
    };
    await network.start();
    await deps.notify.start();
    deps.scheduler.start(deps);
    const stopLiveAlerts = watchLiveAlerts(deps);
    logger.info('core ready', { dataDir: options.dataDir, device: device.code });
    let closing: Promise<void> | null = null;
    return {
      dispatch: createDispatcher(deps),
      events,
      deps,
      close: () => {
        closing ??= (async () => {
          stopLiveAlerts();
          // The scheduler first: a run under way finishes its transaction (and may enqueue jobs).
          await deps.scheduler.close();
          // Routers first: jobs under way record their outcome before the store closes.
          await deps.network.close();
          await deps.notify.close();
          deps.syncStatus.stop();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await network?.close();
    await store.close();
    throw error;
  }
}
