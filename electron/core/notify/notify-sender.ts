import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { SecretCipher } from '../platform/secrets';
import {
  adapterFor,
  type Adapter,
  type AdapterName,
  type MessagePayload,
  type SendOutcome,
} from './adapter-types';
import { sendDiscord } from './discord-adapter';
import { sendFonnte } from './fonnte-adapter';
import type { NotifyOutboxRow } from './notify.tables';
import { NOT_SET_UP, readSendConfig, scrubSecrets, type SendConfig } from './notify-settings';
import { sendEmail } from './smtp-adapter';
import { sendWhatsAppCloud } from './wa-cloud-adapter';

export type NotifySenderOptions = {
  /** First retry delay; doubles per attempt (default 30 s). */
  backoffBaseMs?: number;
  /** Longest retry delay before jitter (default 1 h). */
  backoffMaxMs?: number;
  /** Attempts before a message that keeps failing is marked failed (default 6). */
  maxAttempts?: number;
  /** The longest the sender sleeps before looking at the outbox again (default 60 s). */
  pollIntervalMs?: number;
  /** One request to a gateway (default 15 s). */
  requestTimeoutMs?: number;
  /** Messages sent at once (default 4). */
  concurrency?: number;
  random?: () => number;
};

export type NotifySenderDeps = {
  db: Kysely<DB>;
  clock: Clock;
  logger: Logger;
  secrets: SecretCipher;
  /** Told when a message's state has moved (sent, retrying, failed, held). */
  onChange?: (id: string) => void;
};

const ADAPTERS: Record<AdapterName, Adapter> = {
  fonnte: sendFonnte,
  'wa-cloud': sendWhatsAppCloud,
  smtp: sendEmail,
  discord: sendDiscord,
};

/** The wait after the `attempts`-th failure: base·2^(attempts−1), capped, ±20 % so a burst does not return in step. */
export function notifyRetryDelay(attempts: number, base: number, max: number, random: () => number): number {
  const delay = Math.min(max, base * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.max(1, Math.round(delay * (0.8 + 0.4 * random())));
}

/** What became of one attempt. */
export type AttemptResult = 'sent' | 'retrying' | 'failed' | 'held' | 'skipped';

const MIN_SLEEP_MS = 50;

/**
 * Sends what `notify_outbox` holds, after the commits that queued it: picks due pending rows, sends
 * each through its channel's gateway, marks it sent (with the provider's id) or plans a retry with
 * exponential backoff and jitter (or when the provider said, for a 429), and marks it failed after
 * `maxAttempts` or on a refusal. Everything is in the table, so a restart picks up where it stopped.
 */
export class NotifySender {
  private readonly inFlight = new Map<string, Promise<AttemptResult>>();
  private readonly abort = new AbortController();
  private pumping: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | null = null;
  private kickPending = false;
  private stopped = false;
  private readonly options: Required<Omit<NotifySenderOptions, 'random'>> & { random: () => number };

  constructor(
    private readonly deps: NotifySenderDeps,
    options: NotifySenderOptions = {},
  ) {
    this.options = {
      backoffBaseMs: options.backoffBaseMs ?? 30_000,
      backoffMaxMs: options.backoffMaxMs ?? 3_600_000,
      maxAttempts: Math.max(1, options.maxAttempts ?? 6),
      pollIntervalMs: options.pollIntervalMs ?? 60_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      concurrency: Math.max(1, options.concurrency ?? 4),
      random: options.random ?? Math.random,
    };
  }

  get maxAttempts(): number {
    return this.options.maxAttempts;
  }

  /** Puts messages a crash left `sending` back in the queue (due now), then starts working. */
  async start(): Promise<void> {
    const now = this.deps.clock.now();
    const reset = await this.deps.db
      .updateTable('notify_outbox')
      .set({ state: 'pending', next_attempt_at: now, updated_at: now })
      .where('state', '=', 'sending')
      .executeTakeFirst();
    const count = Number(reset.numUpdatedRows);
    if (count > 0) this.deps.logger.info('notifications resumed after a stop', { messages: count });
    this.kick();
  }

  /** Looks for due messages soon (called after the commit that queued them). */
  kick(): void {
    if (this.stopped || this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      void this.pump();
    });
  }

  /** Tests and tools: sends everything due now, to the end. */
  async runDue(): Promise<void> {
    for (;;) {
      const started = await this.pump();
      if (this.inFlight.size === 0 && started === 0) return;
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  /** Tries one message now, whatever its planned time (the test channel); answers what became of it. */
  async sendNow(id: string): Promise<AttemptResult> {
    const running = this.inFlight.get(id);
    if (running) return running;
    const row = await this.deps.db
      .selectFrom('notify_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.state !== 'pending') return 'skipped';
    if (!(await this.claim(row, this.deps.clock.now()))) return 'skipped';
    return (await this.inFlight.get(id)) ?? 'skipped';
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops, cuts off requests under way (they go back to pending untouched) and waits for them. */
  async close(): Promise<void> {
    this.stop();
    this.abort.abort();
    await this.pumping.catch(() => 0);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight.values()]);
  }

  private pump(): Promise<number> {
    this.pumping = this.pumping.then(
      () => this.pumpOnce(),
      () => this.pumpOnce(),
    );
    return this.pumping.catch((error: unknown) => {
      this.deps.logger.error('notification sender failed to read its outbox', { error: String(error) });
      return 0;
    });
  }

  private async pumpOnce(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.deps.clock.now();
    const room = this.options.concurrency - this.inFlight.size;
    let started = 0;
    if (room > 0) {
      const due = await this.deps.db
        .selectFrom('notify_outbox')
        .selectAll()
        .where('state', '=', 'pending')
        .where('next_attempt_at', 'is not', null)
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('created_at')
        .limit(room + this.inFlight.size)
        .execute();
      for (const row of due) {
        if (started >= room) break;
        if (this.inFlight.has(row.id)) continue;
        if (await this.claim(row, now)) started++;
      }
    }
    const next = await this.deps.db
      .selectFrom('notify_outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('state', '=', 'pending')
      .where('next_attempt_at', 'is not', null)
      .executeTakeFirst();
    this.sleepUntil(next?.at ?? null, now);
    return started;
  }

  private sleepUntil(wake: number | null, now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.stopped || wake === null) return;
    const delay = Math.min(this.options.pollIntervalMs, Math.max(MIN_SLEEP_MS, wake - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, delay);
    this.timer.unref();
  }

  /** Marks the row `sending` (only if still pending) and starts the attempt. */
  private async claim(row: NotifyOutboxRow, now: number): Promise<boolean> {
    const claimed = await this.deps.db
      .updateTable('notify_outbox')
      .set({ state: 'sending', updated_at: now })
      .where('id', '=', row.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;
    const work = this.attempt(row)
      .catch((error: unknown) => {
        this.deps.logger.error('notification bookkeeping failed', { message: row.id, error: String(error) });
        return 'skipped' as const;
      })
      .finally(() => {
        this.inFlight.delete(row.id);
        this.kick();
      });
    this.inFlight.set(row.id, work);
    return true;
  }

  private async attempt(row: NotifyOutboxRow): Promise<AttemptResult> {
    const config = await readSendConfig(this.deps.db, this.deps.secrets);
    if (!config.ready[row.channel]) {
      await this.finish(row, { kind: 'held', error: NOT_SET_UP[row.channel] }, 'none');
      return 'held';
    }
    const adapter = adapterFor(row.channel, config.settings);
    let outcome: SendOutcome;
    try {
      outcome = await ADAPTERS[adapter](
        {
          id: row.id,
          channel: row.channel,
          recipient: row.recipient,
          subject: row.subject,
          body: row.body,
          payload: JSON.parse(row.payload) as MessagePayload,
        },
        { config, timeoutMs: this.options.requestTimeoutMs, signal: this.abort.signal },
      );
    } catch (error) {
      outcome = { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
    }
    if (this.abort.signal.aborted && !outcome.ok) {
      // Cut off by Gerai closing, not by the provider: back in the queue as it was.
      await this.finish(
        row,
        { kind: 'interrupted' },
        row.adapter === 'none' ? adapter : (row.adapter as AdapterName),
      );
      return 'retrying';
    }
    return this.record(row, outcome, adapter, config);
  }

  private async record(
    row: NotifyOutboxRow,
    outcome: SendOutcome,
    adapter: AdapterName,
    config: SendConfig,
  ): Promise<AttemptResult> {
    const attempts = row.attempts + 1;
    if (outcome.ok) {
      await this.finish(row, { kind: 'sent', providerId: outcome.providerId }, adapter);
      return 'sent';
    }
    const error = scrubSecrets(outcome.error, config);
    if (outcome.retryable && attempts < this.options.maxAttempts) {
      const delay =
        outcome.retryAfterMs ??
        notifyRetryDelay(
          attempts,
          this.options.backoffBaseMs,
          this.options.backoffMaxMs,
          this.options.random,
        );
      this.deps.logger.info('notification will be retried', {
        message: row.id,
        channel: row.channel,
        attempts,
        error,
      });
      await this.finish(row, { kind: 'retry', error, delay }, adapter);
      return 'retrying';
    }
    this.deps.logger.warn('notification failed', { message: row.id, channel: row.channel, attempts, error });
    await this.finish(row, { kind: 'failed', error }, adapter);
    return 'failed';
  }

  private async finish(
    row: NotifyOutboxRow,
    result:
      | { kind: 'sent'; providerId: string | null }
      | { kind: 'retry'; error: string; delay: number }
      | { kind: 'failed'; error: string }
      | { kind: 'held'; error: string }
      | { kind: 'interrupted' },
    adapter: AdapterName | 'none',
  ): Promise<void> {
    const now = this.deps.clock.now();
    const attempts =
      result.kind === 'held' || result.kind === 'interrupted' ? row.attempts : row.attempts + 1;
    const patch =
      result.kind === 'sent'
        ? {
            state: 'sent' as const,
            provider_id: result.providerId,
            last_error: null,
            next_attempt_at: null,
            sent_at: now,
          }
        : result.kind === 'retry'
          ? { state: 'pending' as const, last_error: result.error, next_attempt_at: now + result.delay }
          : result.kind === 'failed'
            ? { state: 'failed' as const, last_error: result.error, next_attempt_at: null }
            : result.kind === 'held'
              ? { state: 'pending' as const, last_error: result.error, next_attempt_at: null }
              : { state: 'pending' as const, next_attempt_at: now };
    // Only a row still marked sending is ours to update: a cancel during the attempt wins.
    await this.deps.db
      .updateTable('notify_outbox')
      .set({ ...patch, adapter, attempts, updated_at: now })
      .where('id', '=', row.id)
      .where('state', '=', 'sending')
      .execute();
    this.deps.onChange?.(row.id);
  }
}
