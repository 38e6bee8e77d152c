import { createHash } from 'node:crypto';
import { Channel } from 'node-routeros';
import { silentLogger, type Logger } from '../../platform/logger';
import { encodeText, type RouterCharset } from './routeros-codec';
import { RouterConnector, type RouterConnectorOptions } from './routeros-connector';
import {
  RouterLoginError,
  RouterTimeoutError,
  RouterTrapError,
  RouterUnreachableError,
  type RouterError,
} from './routeros-errors';

/** One row of a reply: RouterOS sends every value as text (`disabled=false`, `.id=*1A`). */
export type RouterRecord = Readonly<Record<string, string>>;

/** A command's outcome: its `!re` rows and the `=ret=` of its `!done` (the new `.id` of an `add`). */
export type RouterReply = { rows: RouterRecord[]; ret: string | undefined };

/** ≥ 6.43 sends name and password; older routers answer with a challenge for an MD5 response. */
export type LoginMethod = 'plain' | 'challenge';

export type RouterConnectionOptions = Omit<RouterConnectorOptions, 'logger'> & {
  user: string;
  password: string;
  /** Allowed for the login exchange; each later command brings its own. */
  timeoutMs: number;
  logger?: Logger;
  /** Aborting ends the attempt at once (connecting or logging in), with a closed-by-Gerai error. */
  signal?: AbortSignal;
};

/** A running stream (`listen`, `print follow`, `monitor-traffic`). */
export type RouterStreamHandle = {
  /** Asks the router to stop (`/cancel`); resolves once no more rows will arrive. */
  cancel(timeoutMs: number): Promise<void>;
};

type Pending = { fail(error: RouterError): void };

/**
 * The legacy (< 6.43) login response: "00" + hex(md5(0x00 + password + challenge bytes)). The
 * password's bytes are those of the connection's charset. (node-routeros sizes this buffer by the
 * password's UTF-16 length and writes UTF-8 into it, so a non-ASCII password is cut short.)
 */
export function challengeResponse(password: string, challengeHex: string, charset: RouterCharset): string {
  const digest = createHash('md5')
    .update(
      Buffer.concat([Buffer.from([0]), encodeText(password, charset), Buffer.from(challengeHex, 'hex')]),
    )
    .digest('hex');
  return `00${digest}`;
}

/**
 * One logged-in API session: commands go out as node-routeros `Channel`s (tagged, so many are in
 * flight at once) over a `RouterConnector`. It adds what node-routeros lacks: a timeout per command,
 * the trap's category, rejection of every pending command when the connection ends, and streams
 * that end on connection loss.
 */
export class RouterConnection {
  readonly router: string;
  private method: LoginMethod = 'plain';
  private readonly connector: RouterConnector;
  private readonly log: Logger;
  private readonly pending = new Map<string, Pending>();
  private readonly streams = new Map<string, (error: RouterError | null) => void>();

  private constructor(connector: RouterConnector, log: Logger) {
    this.connector = connector;
    this.log = log;
    this.router = connector.router;
    this.watchClose();
  }

  /** Connects, logs in (either method, detected from the router's first answer) and returns the session. */
  static async open(options: RouterConnectionOptions): Promise<RouterConnection> {
    const log = options.logger ?? silentLogger;
    const connector = new RouterConnector({
      host: options.host,
      port: options.port,
      tls: options.tls,
      charset: options.charset,
      connectTimeoutMs: options.connectTimeoutMs,
      noDelay: options.noDelay ?? true,
      logger: log,
    });
    const abort = () => connector.close();
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    try {
      await new Promise<void>((resolve, reject) => {
        connector.onConnected(resolve);
        connector.onClosed(reject);
        connector.connect();
      });
      const connection = new RouterConnection(connector, log);
      try {
        connection.method = await connection.login(
          options.user,
          options.password,
          options.charset,
          options.timeoutMs,
        );
        log.debug('router login accepted', { router: connector.router, method: connection.method });
        return connection;
      } catch (error) {
        connector.close();
        throw error;
      }
    } finally {
      options.signal?.removeEventListener('abort', abort);
    }
  }

  /** Which login the router accepted. */
  get loginMethod(): LoginMethod {
    return this.method;
  }

  get isOpen(): boolean {
    return this.connector.isOpen;
  }

  /** Commands sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }

  get activeStreams(): number {
    return this.streams.size;
  }

  onClosed(listener: (error: RouterUnreachableError) => void): void {
    this.connector.onClosed(listener);
  }

  close(): void {
    this.connector.close();
  }

  /**
   * Sends one command and waits for its `!done`. Rejects with `RouterTrapError` on `!trap`,
   * `RouterTimeoutError` after `timeoutMs` (and then replaces the connection: the router's state is
   * unknown), `RouterUnreachableError` if the connection ends first.
   */
  send(words: readonly string[], timeoutMs: number): Promise<RouterReply> {
    const command = words[0] ?? '';
    if (!this.connector.isOpen) return Promise.reject(this.closedError());
    const channel = this.openChannel();
    const tag = channel.Id;
    const rows: RouterRecord[] = [];
    let ret: string | undefined;
    let trap: { message: string; category: number | null } | null = null;
    this.connector.tap(tag, (reply) => {
      if (reply.reply === '!re') rows.push(reply.attributes);
      else if (reply.reply === '!done') ret = reply.attributes.ret;
      else if (reply.reply === '!trap') trap ??= readTrap(reply.attributes);
    });
    return new Promise<RouterReply>((resolve, reject) => {
      let settled = false;
      const settle = () => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        this.pending.delete(tag);
        return true;
      };
      const timer = setTimeout(() => {
        if (!settle()) return;
        reject(new RouterTimeoutError(this.router, command, timeoutMs));
        this.connector.fail(
          new RouterUnreachableError(
            this.router,
            `${this.router}: connection replaced: ${command} got no reply in ${timeoutMs} ms`,
            {
              code: 'ETIMEDOUT',
            },
          ),
        );
      }, timeoutMs);
      this.pending.set(tag, { fail: (error) => settle() && reject(error) });
      // The stock Channel rejects a trap with `new Error(message)`: the tap above kept the category.
      channel.write([...words]).then(
        () => settle() && resolve({ rows, ret }),
        () =>
          settle() &&
          reject(new RouterTrapError(this.router, command, trap?.message ?? 'trap', trap?.category ?? null)),
      );
    });
  }

  /**
   * Starts a command that answers with a `!re` per event until cancelled. `onEnd` is called once:
   * null after a cancel or a `!done`, the error after a `!trap` or when the connection ends.
   */
  stream(
    words: readonly string[],
    onData: (row: RouterRecord) => void,
    onEnd: (error: RouterError | null) => void,
  ): RouterStreamHandle {
    if (!this.connector.isOpen) {
      const error = this.closedError();
      queueMicrotask(() => onEnd(error));
      return { cancel: async () => undefined };
    }
    const command = words[0] ?? '';
    const channel = this.openChannel();
    const tag = channel.Id;
    let ended = false;
    let cancelled = false;
    let trap: { message: string; category: number | null } | null = null;
    // The callbacks run inside the socket's data handler: a throw there would be uncaught.
    const deliver = (row: RouterRecord) => {
      try {
        onData(row);
      } catch (error) {
        this.log.error('router stream handler threw', { router: this.router, command, error: String(error) });
      }
    };
    const end = (error: RouterError | null) => {
      if (ended) return;
      ended = true;
      this.streams.delete(tag);
      try {
        onEnd(error);
      } catch (failure) {
        this.log.error('router stream end handler threw', {
          router: this.router,
          command,
          error: String(failure),
        });
      }
    };
    this.streams.set(tag, end);
    this.connector.tap(tag, (reply) => {
      if (ended) return;
      if (reply.reply === '!re') deliver(reply.attributes);
      else if (reply.reply === '!trap') trap ??= readTrap(reply.attributes);
    });
    channel.on('close', () => {
      // A cancelled stream ends with `!trap category=2 interrupted`, then `!done`: that is no error.
      const failed = trap && !(cancelled && (trap.category === 2 || trap.message === 'interrupted'));
      end(failed && trap ? new RouterTrapError(this.router, command, trap.message, trap.category) : null);
    });
    // Stream mode returns no promise: the events above carry everything.
    void channel.write([...words], true, false);
    return {
      cancel: async (timeoutMs: number) => {
        if (ended) return;
        cancelled = true;
        try {
          await this.send(['/cancel', `=tag=${tag}`], timeoutMs);
        } catch {
          // A dead connection has ended the stream already; a trap means the router has no such stream.
        } finally {
          if (!ended) {
            channel.close(true);
            end(null);
          }
        }
      },
    };
  }

  private async login(
    user: string,
    password: string,
    charset: RouterCharset,
    timeoutMs: number,
  ): Promise<LoginMethod> {
    const asLoginError = (error: unknown) =>
      error instanceof RouterTrapError ? new RouterLoginError(this.router, error.routerMessage) : error;
    const first = await this.send(['/login', `=name=${user}`, `=password=${password}`], timeoutMs).catch(
      (error: unknown) => {
        throw asLoginError(error);
      },
    );
    if (first.ret === undefined) return 'plain';
    if (!/^[0-9a-f]{32}$/i.test(first.ret)) {
      throw new RouterLoginError(this.router, 'unexpected answer to /login');
    }
    const response = challengeResponse(password, first.ret, charset);
    await this.send(['/login', `=name=${user}`, `=response=${response}`], timeoutMs).catch(
      (error: unknown) => {
        throw asLoginError(error);
      },
    );
    return 'challenge';
  }

  private watchClose(): void {
    this.connector.onClosed((error) => {
      for (const pending of [...this.pending.values()]) pending.fail(error);
      this.pending.clear();
      for (const end of [...this.streams.values()]) end(error);
      this.streams.clear();
    });
  }

  /** A Channel with a tag nobody else uses (the stock tag is `Math.random().toString(36).substring(3)`). */
  private openChannel(): Channel {
    let channel = new Channel(this.connector);
    while (channel.Id === '' || this.connector.isReading(channel.Id)) channel = new Channel(this.connector);
    return channel;
  }

  private closedError(): RouterUnreachableError {
    return (
      this.connector.closedBecause ??
      new RouterUnreachableError(this.router, `${this.router}: not connected`, { code: 'ENOTCONN' })
    );
  }
}

function readTrap(attributes: Record<string, string>): { message: string; category: number | null } {
  const category = attributes.category === undefined ? null : Number.parseInt(attributes.category, 10);
  return { message: attributes.message ?? 'trap', category: Number.isFinite(category) ? category : null };
}
