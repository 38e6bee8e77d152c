import type { Kysely } from 'kysely';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import type { Clock } from '../platform/clock';
import type { EventBus } from '../platform/events';
import type { Logger } from '../platform/logger';
import type { RouterRow } from './network.tables';
import type { RouterClients } from './router-clients';
import { asAppError, describeFailure } from './router-errors';
import { requireRouter } from './routers.service';
import type { RouterError } from './routeros/routeros-errors';
import type { RouterRecord, RouterStream } from './routeros/routeros-client';

export type TrafficDeps = { db: Kysely<DB>; clients: RouterClients; clock: Clock; events: EventBus; logger: Logger };

type Watch = {
  key: string;
  routerId: string;
  iface: string;
  timer: NodeJS.Timeout | null;
  stream: RouterStream | null;
  ended: boolean;
  /** Settles once the stream has answered (or failed to start). */
  started: Promise<void>;
};

/** How long a new watch waits for the first sample before answering anyway. */
const FIRST_SAMPLE_MS = 3_000;

function bitsPerSecond(value: string | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/**
 * Live interface traffic: one `/interface/monitor-traffic` stream per router and interface, each
 * sample a `network.traffic` event. A watch lasts `windowMs` from the last call that asked for it,
 * then cancels itself; it also ends when the stream fails and when the core closes.
 */
export class TrafficWatcher {
  private readonly watches = new Map<string, Watch>();
  private closed = false;

  constructor(
    private readonly deps: TrafficDeps,
    private readonly windowMs: number,
  ) {}

  /** Interfaces watched now, as `routerId/interface`. */
  get active(): string[] {
    return [...this.watches.values()].map((watch) => `${watch.routerId}/${watch.iface}`);
  }

  async watch(router: RouterRow, iface: string): Promise<{ watching: true; until: number }> {
    if (this.closed) throw new Error('traffic watcher closed');
    const key = `${router.id}\u0000${iface}`;
    const known = this.watches.get(key);
    if (known && !known.ended) {
      await known.started;
      if (!known.ended) {
        this.arm(known);
        return { watching: true, until: this.deps.clock.now() + this.windowMs };
      }
    }
    const watch: Watch = { key, routerId: router.id, iface, timer: null, stream: null, ended: false, started: Promise.resolve() };
    this.watches.set(key, watch);
    watch.started = this.begin(watch, router);
    try {
      await watch.started;
    } catch (error) {
      this.forget(watch);
      throw error;
    }
    this.arm(watch);
    return { watching: true, until: this.deps.clock.now() + this.windowMs };
  }

  private async begin(watch: Watch, router: RouterRow): Promise<void> {
    let answered: (error: RouterError | null) => void = () => undefined;
    const firstAnswer = new Promise<RouterError | null>((resolve) => (answered = resolve));
    const client = await this.deps.clients.get(this.deps.db, router);
    const onData = (row: RouterRecord) => {
      answered(null);
      if (watch.ended) return;
      this.deps.events.emit('network.traffic', {
        routerId: watch.routerId,
        interface: watch.iface,
        rxBps: bitsPerSecond(row['rx-bits-per-second']),
        txBps: bitsPerSecond(row['tx-bits-per-second']),
        at: this.deps.clock.now(),
      });
    };
    const onEnd = (error: RouterError | null) => {
      answered(error);
      if (error && !watch.ended) this.deps.logger.info('traffic watch ended', { router: router.name, interface: watch.iface, error: describeFailure(error) });
      this.forget(watch);
    };
    watch.stream = await client.stream('/interface/monitor-traffic', { interface: watch.iface }, onData, { onEnd });
    let waited: NodeJS.Timeout | undefined;
    const error = await Promise.race([
      firstAnswer,
      new Promise<null>((resolve) => {
        waited = setTimeout(() => resolve(null), FIRST_SAMPLE_MS);
        waited.unref();
      }),
    ]);
    clearTimeout(waited);
    // Refused at once (no such interface, no permission): the caller hears why.
    if (error) throw error;
    if (this.closed) await this.stop(watch);
  }

  /** (Re)starts the watch's window. */
  private arm(watch: Watch): void {
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = setTimeout(() => void this.stop(watch), this.windowMs);
    watch.timer.unref();
  }

  private forget(watch: Watch): void {
    watch.ended = true;
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
    if (this.watches.get(watch.key) === watch) this.watches.delete(watch.key);
  }

  private async stop(watch: Watch): Promise<void> {
    const wasRunning = !watch.ended;
    this.forget(watch);
    if (!wasRunning) return;
    try {
      await watch.stream?.cancel();
    } catch (error) {
      this.deps.logger.debug('traffic stream cancel failed', { error: describeFailure(error) });
    }
  }

  /** Ends every watch of a router (it was removed or changed). */
  stopRouter(routerId: string): void {
    for (const watch of [...this.watches.values()]) if (watch.routerId === routerId) void this.stop(watch);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.watches.values()].map((watch) => this.stop(watch)));
  }
}

export async function watchTraffic(ctx: HandlerContext, input: ParsedInput<'network.traffic.watch'>) {
  const router = await requireRouter(ctx, input.routerId);
  try {
    return await ctx.network.traffic.watch(router, input.interface);
  } catch (error) {
    throw asAppError(error, router.name);
  }
}
