import type { Kysely, Transaction } from 'kysely';
import type { SessionUser } from '../../shared/contract/auth.contract';
import type { Locale } from '../../shared/domain/errors';
import type { Store } from './db/database';
import type { OutboxWriter } from './db/outbox-writer';
import type { DB } from './db/schema';
import type { NetworkRuntime } from './network/network-runtime';
import type { NotifyRuntime } from './notify/notify-runtime';
import type { Clock } from './platform/clock';
import type { EventBus } from './platform/events';
import type { Hlc } from './platform/hlc';
import type { Logger } from './platform/logger';
import type { SecretCipher } from './platform/secrets';
import type { SchedulerRuntime } from './scheduler/scheduler-runtime';

/** Everything the core's services need, made once at start-up by `createCore`. */
export type CoreDeps = {
  store: Store;
  clock: Clock;
  hlc: Hlc;
  writer: OutboxWriter;
  events: EventBus;
  logger: Logger;
  secrets: SecretCipher;
  device: { id: string; code: string };
  paths: { dataDir: string; databaseFile: string; backupsDir: string };
  appVersion: string;
  /** Tells the UI the outbox changed (debounced `sync.status` event). */
  syncStatus: { changed(): void; stop(): void };
  /** Asks the host to close and reopen the core (after a restore has been scheduled). */
  requestRestart(reason: string): void;
  /** Router connections, the durable router-job runner, status refresh and live traffic. */
  network: NetworkRuntime;
  /** The daily scheduler (billing, late fees, reminders, isolir, alerts): one run at a time. */
  scheduler: SchedulerRuntime;
  /** The notification sender: works through `notify_outbox` after commits, with retries. */
  notify: NotifyRuntime;
};

export type Session = { sessionId: string; user: SessionUser; idleTimeoutMinutes: number };

/** A summary of one change for the audit log; secret-looking fields are redacted before storing. */
export type AuditInput = {
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** What one channel call's handler receives. `db` is the call's transaction when the channel writes. */
export type HandlerContext = CoreDeps & {
  db: Kysely<DB> | Transaction<DB>;
  session: Session | null;
  locale: Locale;
  channel: string;
  audit(entry: AuditInput): Promise<void>;
  /** Runs `effect` once the call's writes are committed (never if they roll back): events, I/O. */
  afterCommit(effect: () => void): void;
};
