import type { ConnectionOptions } from 'node:tls';
import { silentLogger, type Logger } from '../../platform/logger';
import type { RouterCharset } from './routeros-codec';
import {
  RouterConnection,
  type LoginMethod,
  type RouterRecord,
  type RouterReply,
} from './routeros-connection';
import { RouterError, RouterUnreachableError } from './routeros-errors';

export type { RouterRecord, RouterReply, LoginMethod } from './routeros-connection';

/** API-SSL settings. A router's own self-signed certificate needs `rejectUnauthorized: false` or its `ca`. */
export type RouterTlsOptions = {
  rejectUnauthorized?: boolean;
  /** The router's certificate (PEM) to trust instead of the system CAs. */
  ca?: string | Buffer;
  servername?: string;
};

export type RouterRetryOptions = {
  /** Connection attempts per call before giving up (default 3). */
  attempts?: number;
  /** First back-off delay; doubles per failure, with jitter (default 250 ms). */
  baseDelayMs?: number;
  maxDelayMs?: number;
};

export type RouterClientOptions = {
  host: string;
  /** 8728, or 8729 with `tls`. */
  port?: number;
  user: string;
  password: string;
  tls?: boolean | RouterTlsOptions;
  /** How text becomes bytes on the wire (default Windows-1252, as Winbox shows it). */
  charset?: RouterCharset;
  /** Per command (default 10 s). A command that overruns replaces its connection. */
  timeoutMs?: number;
  /** TCP (and TLS) connect (default 5 s). */
  connectTimeoutMs?: number;
  retry?: RouterRetryOptions;
  /** Commands in flight at once on the router's connection; the rest queue (default 32). */
  maxInFlight?: number;
  /** Close the connection after this long without commands or streams (default 60 s). */
  idleCloseMs?: number;
  /** Benchmarks only: false reproduces node-routeros' Nagle-delayed writes. */
  noDelay?: boolean;
};

/** Values are sent as text; booleans as RouterOS's yes/no; undefined attributes are left out. */
export type RouterValue = string | number | boolean;
export type RouterAttributes = Readonly<Record<string, RouterValue | undefined>>;

/** `{ name: 'budi' }` (all must equal), or raw query words such as `['?type=ether', '?type=vlan', '?#|']`. */
export type RouterQuery = Readonly<Record<string, RouterValue>> | readonly `?${string}`[];

export type CallOptions = { timeoutMs?: number };
export type PrintOptions = CallOptions & { query?: RouterQuery; proplist?: readonly string[] };

export type RouterStream = {
  /** `/cancel`s the stream; resolves once no more rows arrive. */
  cancel(): Promise<void>;
  /** Resolves when the stream ends: null after cancel or `!done`, else why (trap, connection lost). */
  finished: Promise<RouterError | null>;
};

/** The typed face of one router. Menus are paths such as `/ppp/secret`; ids are RouterOS `.id`s (`*1A`). */
export type RouterClient = {
  /** `host:port`. */
  readonly router: string;
  print(menu: string, options?: PrintOptions): Promise<RouterRecord[]>;
  /** Adds an item; resolves with its new `.id`. */
  add(menu: string, attributes: RouterAttributes, options?: CallOptions): Promise<string>;
  set(menu: string, id: string, attributes: RouterAttributes, options?: CallOptions): Promise<void>;
  remove(menu: string, id: string | readonly string[], options?: CallOptions): Promise<void>;
  /** Clears one property of an item (`comment`, `timeout`, …). */
  unset(menu: string, id: string, property: string, options?: CallOptions): Promise<void>;
  /** Any other command, e.g. `/system/resource/print` or `/ppp/active/remove`. */
  command(
    path: string,
    attributes?: RouterAttributes,
    options?: CallOptions & { query?: RouterQuery },
  ): Promise<RouterReply>;
  /** A command answering until cancelled (`/interface/monitor-traffic`, `listen`, `print` with `follow`). */
  stream(
    path: string,
    attributes: RouterAttributes,
    onData: (row: RouterRecord) => void,
    options?: { onEnd?: (error: RouterError | null) => void },
  ): Promise<RouterStream>;
  /** Which login the router took on the current connection (null when none is open). */
  loginMethod(): LoginMethod | null;
  /** Releases this client; the connection closes once no client of the router is left. */
  close(): Promise<void>;
};

export type RouterPool = {
  /** A client for the router; clients with the same host, port and user share one connection. */
  client(options: RouterClientOptions): RouterClient;
  /** Routers with a session in the pool. */
  readonly size: number;
  close(): Promise<void>;
};

const DEFAULTS: { charset: RouterCharset } & Record<
  | 'timeoutMs'
  | 'connectTimeoutMs'
  | 'attempts'
  | 'baseDelayMs'
  | 'maxDelayMs'
  | 'maxInFlight'
  | 'idleCloseMs',
  number
> = {
  charset: 'win1252',
  timeoutMs: 10_000,
  connectTimeoutMs: 5_000,
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  maxInFlight: 32,
  idleCloseMs: 60_000,
};

const MENU = /^\/[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/i;
const PROPERTY = /^\.?[a-z0-9][a-z0-9._-]*$/i;

/** `/ppp/secret`, `ppp/secret` and `/ppp secret` are the same menu. */
export function menuPath(menu: string): string {
  const path = `/${menu.trim().replace(/^\/+/, '').replace(/\s+/g, '/')}`;
  if (!MENU.test(path)) throw new TypeError(`not a RouterOS menu path: ${JSON.stringify(menu)}`);
  return path;
}

function propertyName(name: string): string {
  if (!PROPERTY.test(name)) throw new TypeError(`not a RouterOS property name: ${JSON.stringify(name)}`);
  return name;
}

function valueText(value: RouterValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  return value;
}

/** `=name=value` words for the attributes that are set. */
export function attributeWords(attributes: RouterAttributes = {}): string[] {
  const words: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    words.push(`=${propertyName(name)}=${valueText(value)}`);
  }
  return words;
}

function isQueryWords(query: RouterQuery): query is readonly `?${string}`[] {
  return Array.isArray(query);
}

/** Query words for `print`. */
export function queryWords(query: RouterQuery | undefined): string[] {
  if (!query) return [];
  if (isQueryWords(query)) {
    for (const word of query) {
      if (!word.startsWith('?')) throw new TypeError(`query words start with "?": ${JSON.stringify(word)}`);
    }
    return [...query];
  }
  return Object.entries(query).map(([name, value]) => `?${propertyName(name)}=${valueText(value)}`);
}

type SessionSettings = {
  host: string;
  port: number;
  user: string;
  password: string;
  tls: ConnectionOptions | null;
  charset: RouterCharset;
  connectTimeoutMs: number;
  timeoutMs: number;
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxInFlight: number;
  idleCloseMs: number;
  noDelay: boolean;
};

function settingsFrom(options: RouterClientOptions): SessionSettings {
  const tls: ConnectionOptions | null = options.tls
    ? {
        rejectUnauthorized: typeof options.tls === 'object' ? (options.tls.rejectUnauthorized ?? true) : true,
        ...(typeof options.tls === 'object' && options.tls.ca ? { ca: options.tls.ca } : {}),
        ...(typeof options.tls === 'object' && options.tls.servername
          ? { servername: options.tls.servername }
          : {}),
      }
    : null;
  return {
    host: options.host,
    port: options.port ?? (tls ? 8729 : 8728),
    user: options.user,
    password: options.password,
    tls,
    charset: options.charset ?? DEFAULTS.charset,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    attempts: Math.max(1, options.retry?.attempts ?? DEFAULTS.attempts),
    baseDelayMs: options.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs,
    maxDelayMs: options.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs,
    maxInFlight: Math.max(1, options.maxInFlight ?? DEFAULTS.maxInFlight),
    idleCloseMs: options.idleCloseMs ?? DEFAULTS.idleCloseMs,
    noDelay: options.noDelay ?? true,
  };
}

/** What the connection depends on: a change means logging in again. */
function connectionIdentity(settings: SessionSettings): string {
  return JSON.stringify([settings.password, settings.tls, settings.charset, settings.noDelay]);
}


/**
 * One router's connection, shared by every client of the same host:port:user. Connects on demand,
 * retries a failed connect with exponential back-off and jitter, fails fast while backing off,
 * bounds the commands in flight, and closes the connection when idle.
 */
class RouterSession {
  readonly key: string;
  refs = 0;
  private settings: SessionSettings;
  private connection: RouterConnection | null = null;
  private connecting: Promise<RouterConnection> | null = null;
  private failedCycles = 0;
  private lastError: unknown = null;
  private blockedUntil = 0;
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private streams = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Told when the session closes: connection attempts and back-off pauses stop waiting. */
  private readonly closeListeners = new Set<() => void>();
  private readonly log: Logger;
  private readonly random: () => number;

  constructor(key: string, settings: SessionSettings, log: Logger, random: () => number) {
    this.key = key;
    this.settings = settings;
    this.log = log;
    this.random = random;
  }

  get router(): string {
    return `${this.settings.host}:${this.settings.port}`;
  }

  get loginMethod(): LoginMethod | null {
    return this.connection?.isOpen ? this.connection.loginMethod : null;
  }

  /** A new password (or TLS/charset) for the same router and user: log in again on the next call. */
  reconfigure(settings: SessionSettings): void {
    const changed = connectionIdentity(settings) !== connectionIdentity(this.settings);
    this.settings = settings;
    if (changed) {
      this.connection?.close();
      this.connection = null;
      this.lastError = null;
      this.blockedUntil = 0;
      this.failedCycles = 0;
    }
  }

  /** Runs `work` on the connection once a slot in the in-flight window is free. */
  async run<T>(work: (connection: RouterConnection) => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      // Connected only after the slot: a command that never left can go out on a new connection.
      const connection = await this.connect();
      return await work(connection);
    } finally {
      this.release();
    }
  }

  /** A connection for a stream, which holds no slot but keeps the connection from idling out. */
  async openStream(): Promise<RouterConnection> {
    const connection = await this.connect();
    this.streams++;
    this.cancelIdle();
    return connection;
  }

  streamEnded(): void {
    this.streams--;
    this.scheduleIdle();
  }

  close(): void {
    this.closed = true;
    this.cancelIdle();
    this.connection?.close();
    this.connection = null;
    for (const wake of this.waiters.splice(0)) wake();
    for (const listener of [...this.closeListeners]) listener();
  }

  /** Sleeps `ms`, or less if the session closes meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.closeListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.closeListeners.add(done);
    });
  }

  private async acquire(): Promise<void> {
    this.cancelIdle();
    if (this.active < this.settings.maxInFlight) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
    // `release` handed its slot straight over; `close` woke everyone up without one.
    if (this.closed) throw this.closedError();
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else {
      this.active--;
      this.scheduleIdle();
    }
  }

  private connect(): Promise<RouterConnection> {
    if (this.closed) return Promise.reject(this.closedError());
    if (this.connection?.isOpen) return Promise.resolve(this.connection);
    this.connecting ??= this.establish().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async establish(): Promise<RouterConnection> {
    if (this.lastError && Date.now() < this.blockedUntil) throw this.lastError;
    const settings = this.settings;
    let last: unknown = null;
    for (let attempt = 0; attempt < settings.attempts; attempt++) {
      if (attempt > 0) await this.pause(this.backoff(attempt - 1));
      if (this.closed) throw this.closedError();
      // Closing the session aborts the attempt: closing never waits for a connect or login timeout.
      const attemptAbort = new AbortController();
      const onClose = () => attemptAbort.abort();
      this.closeListeners.add(onClose);
      try {
        const connection = await RouterConnection.open({
          ...settings,
          logger: this.log,
          signal: attemptAbort.signal,
        });
        if (this.closed || connectionIdentity(settings) !== connectionIdentity(this.settings)) {
          // Closed or reconfigured while logging in: this connection belongs to nobody.
          connection.close();
          if (this.closed) throw this.closedError();
          return await this.establish();
        }
        this.failedCycles = 0;
        this.lastError = null;
        this.connection = connection;
        connection.onClosed((error) => {
          if (this.connection === connection) this.connection = null;
          this.log.info('router connection closed', { router: this.router, reason: error.message });
        });
        return connection;
      } catch (error) {
        if (this.closed) throw this.closedError();
        last = error;
        this.log.warn('router connection failed', {
          router: this.router,
          attempt: attempt + 1,
          error: error instanceof Error ? error.message : String(error),
        });
        if (!(error instanceof RouterError) || !error.retryable) break;
      } finally {
        this.closeListeners.delete(onClose);
      }
    }
    this.failedCycles++;
    this.lastError = last;
    this.blockedUntil = Date.now() + this.backoff(this.failedCycles - 1);
    throw last;
  }

  /** min(max, base·2ⁿ), scaled by a random factor in [0.5, 1) so routers that fail together retry apart. */
  private backoff(n: number): number {
    const { baseDelayMs, maxDelayMs } = this.settings;
    return Math.min(maxDelayMs, baseDelayMs * 2 ** n) * (0.5 + this.random() * 0.5);
  }

  private scheduleIdle(): void {
    if (this.active > 0 || this.streams > 0 || !this.connection || this.idleTimer) return;
    const connection = this.connection;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.active === 0 && this.streams === 0 && this.connection === connection) {
        this.log.debug('closing idle router connection', { router: this.router });
        connection.close();
      }
    }, this.settings.idleCloseMs);
    this.idleTimer.unref();
  }

  private cancelIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private closedError(): RouterUnreachableError {
    return new RouterUnreachableError(this.router, `${this.router}: router client closed`, {
      code: 'ECLOSED',
    });
  }
}

class PooledRouterClient implements RouterClient {
  readonly router: string;
  private released = false;

  constructor(
    private readonly session: RouterSession,
    private readonly settings: SessionSettings,
    private readonly release: (session: RouterSession) => void,
  ) {
    this.router = session.router;
  }

  async print(menu: string, options: PrintOptions = {}): Promise<RouterRecord[]> {
    const words = [`${menuPath(menu)}/print`];
    if (options.proplist) words.push(`=.proplist=${options.proplist.map(propertyName).join(',')}`);
    words.push(...queryWords(options.query));
    return (await this.exec(words, options.timeoutMs)).rows;
  }

  async add(menu: string, attributes: RouterAttributes, options: CallOptions = {}): Promise<string> {
    const path = `${menuPath(menu)}/add`;
    const reply = await this.exec([path, ...attributeWords(attributes)], options.timeoutMs);
    if (!reply.ret)
      throw new RouterUnreachableError(this.router, `${this.router}: ${path} returned no id`, {
        code: 'EPROTO',
      });
    return reply.ret;
  }

  async set(
    menu: string,
    id: string,
    attributes: RouterAttributes,
    options: CallOptions = {},
  ): Promise<void> {
    await this.exec(
      [`${menuPath(menu)}/set`, `=.id=${id}`, ...attributeWords(attributes)],
      options.timeoutMs,
    );
  }

  async remove(menu: string, id: string | readonly string[], options: CallOptions = {}): Promise<void> {
    const ids = typeof id === 'string' ? id : id.join(',');
    await this.exec([`${menuPath(menu)}/remove`, `=.id=${ids}`], options.timeoutMs);
  }

  async unset(menu: string, id: string, property: string, options: CallOptions = {}): Promise<void> {
    await this.exec(
      [`${menuPath(menu)}/unset`, `=.id=${id}`, `=value-name=${propertyName(property)}`],
      options.timeoutMs,
    );
  }

  command(
    path: string,
    attributes: RouterAttributes = {},
    options: CallOptions & { query?: RouterQuery } = {},
  ): Promise<RouterReply> {
    return this.exec(
      [menuPath(path), ...attributeWords(attributes), ...queryWords(options.query)],
      options.timeoutMs,
    );
  }

  async stream(
    path: string,
    attributes: RouterAttributes,
    onData: (row: RouterRecord) => void,
    options: { onEnd?: (error: RouterError | null) => void } = {},
  ): Promise<RouterStream> {
    const words = [menuPath(path), ...attributeWords(attributes)];
    this.assertOpen();
    const connection = await this.session.openStream();
    let finish: (error: RouterError | null) => void = () => undefined;
    const finished = new Promise<RouterError | null>((resolve) => (finish = resolve));
    const handle = connection.stream(words, onData, (error) => {
      this.session.streamEnded();
      options.onEnd?.(error);
      finish(error);
    });
    return { cancel: () => handle.cancel(this.settings.timeoutMs), finished };
  }

  loginMethod(): LoginMethod | null {
    return this.session.loginMethod;
  }

  async close(): Promise<void> {
    if (this.released) return;
    this.released = true;
    this.release(this.session);
  }

  private exec(words: string[], timeoutMs: number | undefined): Promise<RouterReply> {
    if (this.released) return Promise.reject(this.closedError());
    return this.session.run((connection) => connection.send(words, timeoutMs ?? this.settings.timeoutMs));
  }

  private assertOpen(): void {
    if (this.released) throw this.closedError();
  }

  private closedError(): RouterUnreachableError {
    return new RouterUnreachableError(this.router, `${this.router}: router client closed`, {
      code: 'ECLOSED',
    });
  }
}

/**
 * A pool of router sessions keyed by host:port:user. The app keeps one; each router job or screen
 * asks it for a client and closes the client when done.
 */
export function createRouterPool(options: { logger?: Logger; random?: () => number } = {}): RouterPool {
  const log = options.logger ?? silentLogger;
  const random = options.random ?? Math.random;
  const sessions = new Map<string, RouterSession>();
  const release = (session: RouterSession) => {
    session.refs--;
    if (session.refs <= 0 && sessions.get(session.key) === session) {
      sessions.delete(session.key);
      session.close();
    }
  };
  return {
    client(clientOptions) {
      const settings = settingsFrom(clientOptions);
      const key = `${settings.host}:${settings.port}:${settings.user}`;
      let session = sessions.get(key);
      if (session) session.reconfigure(settings);
      else {
        session = new RouterSession(key, settings, log, random);
        sessions.set(key, session);
      }
      session.refs++;
      return new PooledRouterClient(session, settings, release);
    },
    get size() {
      return sessions.size;
    },
    async close() {
      for (const session of sessions.values()) session.close();
      sessions.clear();
    },
  };
}
