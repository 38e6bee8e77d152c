import { Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { Connector } from 'node-routeros';
import { silentLogger, type Logger } from '../../platform/logger';
import {
  encodeSentence,
  decodeText,
  parseReply,
  RouterProtocolError,
  SentenceDecoder,
  type RouterCharset,
  type RouterReplySentence,
} from './routeros-codec';
import { RouterUnreachableError } from './routeros-errors';

export type RouterConnectorOptions = {
  host: string;
  port: number;
  /** API-SSL (8729) when set; `rejectUnauthorized: false` must be asked for explicitly. */
  tls: ConnectionOptions | null;
  charset: RouterCharset;
  connectTimeoutMs: number;
  /**
   * TCP_NODELAY, on by default. Off only to measure what node-routeros' unset Nagle costs
   * (bench/router.batch.bench.ts); never turn it off in the app.
   */
  noDelay?: boolean;
  logger?: Logger;
};

/** Sees every reply sentence for a tag before node-routeros' Channel does (the Channel drops some). */
export type ReplyTap = (reply: RouterReplySentence) => void;

type ClosedListener = (error: RouterUnreachableError) => void;

/**
 * node-routeros' `Connector`, with the transport redone. The stock one (1.6.9, archived):
 * - writes every word with its own `socket.write()` and never sets TCP_NODELAY, so a command's
 *   words wait on Nagle + delayed ACK (~40 ms a command) — here a sentence is one buffer, one write;
 * - re-emits socket errors as `error` events on itself, which nobody hears once RouterOSAPI's
 *   one-shot listener has fired or `destroy()` has removed every listener: the emit throws and the
 *   process dies (a router reset mid-command is enough) — here every socket keeps its own `error`
 *   listener and the connector never emits `error`;
 * - frames replies by guessing (a `!` word or the end of a TCP chunk ends a sentence), so a reply
 *   whose closing zero byte arrives in a later chunk is lost (the command never completes), and a
 *   reply trickling in byte by byte is never delivered — here the zero-length word ends a sentence
 *   (`SentenceDecoder`);
 * - throws (uncaught) on a reply for a tag nobody reads (a reply after a timeout gave up on it);
 * - hard-codes Windows-1252; `!fatal` only ends the socket, so pending commands wait forever.
 *
 * Only the Connector's public surface is overridden, so the stock `Channel` (tags, reply parsing,
 * done/trap events) runs unchanged on top. Replies reach the Channel only as `!re`, `!done` and
 * `!trap`: `!empty` (7.18+) is dropped — the Channel throws UNKNOWNREPLY on it — and `!fatal`
 * closes the connection with its reason.
 */
export class RouterConnector extends Connector {
  readonly router: string;
  private readonly options: Required<Omit<RouterConnectorOptions, 'tls'>> & { tls: ConnectionOptions | null };
  private readonly log: Logger;
  private sock: Socket | TLSSocket | null = null;
  private readonly decoder = new SentenceDecoder();
  private readonly readers = new Map<string, (packet: string[]) => void>();
  private readonly taps = new Map<string, ReplyTap>();
  private queued: Buffer[] = [];
  private state: 'idle' | 'connecting' | 'open' | 'closed' = 'idle';
  private connectTimer: NodeJS.Timeout | null = null;
  private readonly connectedListeners: Array<() => void> = [];
  private readonly closedListeners: ClosedListener[] = [];
  private closeError: RouterUnreachableError | null = null;

  constructor(options: RouterConnectorOptions) {
    super({ host: options.host, port: options.port });
    this.router = `${options.host}:${options.port}`;
    this.options = { noDelay: true, logger: silentLogger, ...options };
    this.log = this.options.logger;
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  get isClosed(): boolean {
    return this.state === 'closed';
  }

  /** Why the connection ended (null while it has not). */
  get closedBecause(): RouterUnreachableError | null {
    return this.closeError;
  }

  onConnected(listener: () => void): void {
    this.connectedListeners.push(listener);
  }

  /** Called once, when the connection ends for whatever reason (also if it never opened). */
  onClosed(listener: ClosedListener): void {
    if (this.closeError) listener(this.closeError);
    else this.closedListeners.push(listener);
  }

  override connect(): this {
    if (this.state !== 'idle') return this;
    this.state = 'connecting';
    const { host, port, tls, noDelay, connectTimeoutMs } = this.options;
    // `noDelay` in the connect options too: TLS sockets apply it to the TCP socket underneath.
    const tlsOptions = tls && { ...tls, host, port, noDelay };
    const socket: Socket | TLSSocket = tlsOptions ? tlsConnect(tlsOptions) : new Socket();
    this.sock = socket;
    // Listeners go on before anything can fail and stay on until the process forgets the socket:
    // a late 'error' with no listener would be thrown at the top level.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.finish(
        new RouterUnreachableError(this.router, `${this.router}: ${error.message}`, {
          code: error.code ?? null,
          cause: error,
        }),
      );
    });
    socket.on('close', () => {
      this.finish(
        new RouterUnreachableError(this.router, `${this.router}: the router closed the connection`, {
          code: 'EOF',
        }),
      );
    });
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.setNoDelay(noDelay);
    socket.setKeepAlive(true, 30_000);
    this.connectTimer = setTimeout(() => {
      this.finish(
        new RouterUnreachableError(
          this.router,
          `${this.router}: no connection within ${connectTimeoutMs} ms`,
          {
            code: 'ETIMEDOUT',
          },
        ),
      );
    }, connectTimeoutMs);
    const opened = () => {
      if (this.state !== 'connecting') return;
      if (this.connectTimer) clearTimeout(this.connectTimer);
      this.connectTimer = null;
      this.state = 'open';
      this.log.debug('router connected', { router: this.router, tls: Boolean(tls) });
      if (this.queued.length > 0) {
        socket.write(this.queued.length === 1 ? this.queued[0]! : Buffer.concat(this.queued));
        this.queued = [];
      }
      for (const listener of this.connectedListeners.splice(0)) listener();
    };
    if (tls) socket.once('secureConnect', opened);
    else {
      socket.once('connect', opened);
      socket.connect({ host, port, noDelay });
    }
    return this;
  }

  /** Sends one sentence (the Channel passes its words with `.tag=` last) in one write. */
  override write(words: string[]): this {
    if (this.state === 'closed') return this; // the pending command is rejected by whoever tracks it
    const bytes = encodeSentence(words, this.options.charset);
    if (this.state === 'open' && this.sock) this.sock.write(bytes);
    else this.queued.push(bytes);
    return this;
  }

  override read(tag: string, callback: (packet: string[]) => void): void {
    this.readers.set(tag, callback);
  }

  override stopRead(tag: string): void {
    this.readers.delete(tag);
    this.taps.delete(tag);
  }

  /** Registers a tap for `tag`; it is removed with the reader (`stopRead`). */
  tap(tag: string, listener: ReplyTap): void {
    this.taps.set(tag, listener);
  }

  isReading(tag: string): boolean {
    return this.readers.has(tag) || this.taps.has(tag);
  }

  override close(): void {
    this.finish(
      new RouterUnreachableError(this.router, `${this.router}: connection closed by Gerai`, {
        code: 'ECLOSED',
      }),
    );
  }

  override destroy(): void {
    this.close();
  }

  /** Ends the connection with `error` as the reason; idempotent. */
  fail(error: RouterUnreachableError): void {
    this.finish(error);
  }

  private finish(error: RouterUnreachableError): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.closeError = error;
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = null;
    this.queued = [];
    this.readers.clear();
    this.taps.clear();
    this.sock?.destroy();
    this.log.debug('router connection ended', {
      router: this.router,
      reason: error.message,
      code: error.code,
    });
    for (const listener of this.closedListeners.splice(0)) listener(error);
  }

  private receive(chunk: Buffer): void {
    if (this.state === 'closed') return;
    let sentences: Buffer[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (error) {
      const message = error instanceof RouterProtocolError ? error.message : String(error);
      this.finish(
        new RouterUnreachableError(this.router, `${this.router}: ${message}`, {
          code: 'EPROTO',
          cause: error,
        }),
      );
      return;
    }
    for (const sentence of sentences) {
      if (this.isClosed) return; // a `!fatal` earlier in the chunk
      this.dispatch(sentence.map((word) => decodeText(word, this.options.charset)));
    }
  }

  private dispatch(words: string[]): void {
    const reply = parseReply(words);
    if (reply.reply === '!fatal') {
      const reason = reply.attributes.message ?? reply.other.join(' ') ?? '';
      this.log.warn('router ended the API session', { router: this.router, reason });
      this.finish(
        new RouterUnreachableError(
          this.router,
          `${this.router}: router ended the session: ${reason || '!fatal'}`,
          {
            code: 'EFATAL',
          },
        ),
      );
      return;
    }
    if (reply.tag === null) {
      this.log.debug('untagged reply ignored', { router: this.router, reply: reply.reply });
      return;
    }
    const tap = this.taps.get(reply.tag);
    const reader = this.readers.get(reply.tag);
    if (!tap && !reader) {
      // A reply after its command gave up (timeout, cancel): nobody is waiting, drop it.
      this.log.debug('reply for a tag nobody reads', { router: this.router, reply: reply.reply });
      return;
    }
    tap?.(reply);
    if (reply.reply === '!empty') return; // "no rows" (7.18+); the `!done` that follows ends the command
    if (reply.reply !== '!re' && reply.reply !== '!done' && reply.reply !== '!trap') {
      this.log.warn('unknown reply word ignored', { router: this.router, reply: reply.reply });
      return;
    }
    // The Channel wants the packet without its `.tag` word, as the stock Receiver hands it over.
    reader?.(words.filter((word) => !word.startsWith('.tag=')));
  }
}
