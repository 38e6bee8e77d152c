/**
 * A RouterOS API simulator: a TCP (or TLS, API-SSL) server on 127.0.0.1 speaking the real binary
 * protocol, so the app's client — node-routeros underneath — can be tested without a router.
 *
 *   const sim = await startRouterOsSim({ version: '7.18', users: { admin: 'rahasia' } });
 *   // connect to 127.0.0.1:sim.port …
 *   sim.dialIn('budi');                        // a customer's PPPoE session comes up
 *   sim.setFault({ hang: true });              // the router stops answering
 *   await sim.close();
 *
 * Per connection: login (legacy challenge on 6.42, name+password on 6.49+), tagged commands
 * answered in arrival order after the injected latency, streams (`listen`, `print follow`,
 * `/interface/monitor-traffic`) until `/cancel`, `/quit` answered with `!fatal`.
 * Semantics of the menus live in sim-router.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import {
  decodeText,
  encodeSentenceBytes,
  encodeText,
  SentenceDecoder,
  type RouterCharset,
} from '../../../electron/core/network/routeros/routeros-codec';
import { PROFILES, type SimVersion } from './sim-profiles';
import { SimRouter, SimTrap, type SimCommand, type SimSentence } from './sim-router';

export type SimFault = {
  /**
   * Drop every connection when this many more sentences (login included) have arrived; the last
   * one is never answered.
   */
  dropAfterCommands?: number;
  /** Take commands but never answer them (until set back to false). */
  hang?: boolean;
  /** Answer the next command (other than /login and /cancel) with this `!trap` instead. */
  trapNext?: { message: string; category?: number | null } | boolean;
};

export type RouterOsSimOptions = {
  /** 0 (default): the OS picks a free port. */
  port?: number;
  version?: SimVersion;
  /** API users and their passwords (default `{ admin: '' }`). */
  users?: Readonly<Record<string, string>>;
  /** Milliseconds before each command is answered (default 0). */
  latencyMs?: number;
  /** API-SSL: serve TLS with this key and certificate (PEM). */
  tls?: { key: string | Buffer; cert: string | Buffer } | null;
  identity?: string;
  boardName?: string;
  /** Between monitor-traffic replies (RouterOS sends one a second; tests want it faster). */
  monitorIntervalMs?: number;
  clock?: () => number;
  /** How the helper API's strings (dialIn, state, users) map to the bytes on the wire (default utf8). */
  helperCharset?: RouterCharset;
  /** The server stops by itself after this long (default 10 minutes; 0 = never). */
  lifetimeMs?: number;
  /**
   * Where `.tag=` goes in a reply: last, as in the API manual's examples (default), or right after
   * the reply word, as other clients' fixtures have it. Clients must take either.
   */
  tagPosition?: 'last' | 'first';
  /** Told about every command (path and tag only: attributes can carry passwords). */
  onCommand?: (event: { connection: number; path: string; tag: string | null }) => void;
};

export type SimStats = {
  /** Connections accepted since start. */
  connections: number;
  /** Connections open now. */
  open: number;
  /** Sentences received (login included). */
  commands: number;
  logins: { plain: number; challenge: number; failed: number };
  /** Commands swallowed by the `hang` fault. */
  hung: number;
  /** Most commands one connection had received and not yet answered at the same time. */
  maxConcurrent: number;
};

export type SimState = {
  version: SimVersion;
  identity: string;
  menus: Record<string, Record<string, string>[]>;
};

type Session = {
  id: number;
  socket: Socket;
  decoder: SentenceDecoder;
  user: string | null;
  challenge: Buffer | null;
  streams: Map<string, () => void>;
  /** Commands received and not yet answered. */
  waiting: number;
  closed: boolean;
};

type ParsedCommand = SimCommand & { tag: string | null };

const DEFAULT_LIFETIME_MS = 10 * 60 * 1000;

function trap(message: string, category: number | null | undefined): SimSentence[] {
  const words = ['!trap'];
  if (category !== null && category !== undefined) words.push(`=category=${category}`);
  words.push(`=message=${message}`);
  return [words, ['!done']];
}

function parseCommand(words: readonly string[]): ParsedCommand {
  const [path = '', ...rest] = words;
  const attributes = new Map<string, string>();
  const query: string[] = [];
  let tag: string | null = null;
  for (const word of rest) {
    if (word.startsWith('.tag=')) tag = word.slice(5);
    else if (word.startsWith('=')) {
      const eq = word.indexOf('=', 1);
      if (eq === -1) attributes.set(word.slice(1), '');
      else attributes.set(word.slice(1, eq), word.slice(eq + 1));
    } else if (word.startsWith('?')) query.push(word);
  }
  return { path, attributes, query, tag };
}

export class RouterOsSim {
  readonly host = '127.0.0.1';
  readonly version: SimVersion;
  readonly stats: SimStats = {
    connections: 0,
    open: 0,
    commands: 0,
    logins: { plain: 0, challenge: 0, failed: 0 },
    hung: 0,
    maxConcurrent: 0,
  };
  private readonly server: Server;
  private readonly router: SimRouter;
  private readonly sessions = new Set<Session>();
  private readonly users: Map<string, string>;
  private readonly charset: RouterCharset;
  private readonly onCommand: RouterOsSimOptions['onCommand'];
  private readonly tagFirst: boolean;
  private fault: SimFault = {};
  private latencyMs: number;
  private lifetimeTimer: NodeJS.Timeout | null = null;
  private sessionCounter = 0;
  private closing: Promise<void> | null = null;

  private constructor(options: RouterOsSimOptions) {
    this.version = options.version ?? '7.18';
    this.charset = options.helperCharset ?? 'utf8';
    this.latencyMs = options.latencyMs ?? 0;
    this.onCommand = options.onCommand;
    this.tagFirst = options.tagPosition === 'first';
    this.users = new Map(
      Object.entries(options.users ?? { admin: '' }).map(([name, password]) => [
        this.toWire(name),
        this.toWire(password),
      ]),
    );
    this.router = new SimRouter({
      profile: PROFILES[this.version],
      identity: this.toWire(options.identity ?? 'MikroTik'),
      boardName: options.boardName ?? 'RB4011iGS+',
      monitorIntervalMs: options.monitorIntervalMs ?? 1000,
      clock: options.clock ?? Date.now,
    });
    const onSocket = (socket: Socket) => this.accept(socket);
    if (options.tls) {
      const server = createTlsServer({ key: options.tls.key, cert: options.tls.cert }, onSocket);
      server.on('tlsClientError', () => undefined); // a client refusing our self-signed certificate
      this.server = server;
    } else {
      this.server = createTcpServer(onSocket);
    }
    this.server.on('error', () => undefined);
    const lifetime = options.lifetimeMs ?? DEFAULT_LIFETIME_MS;
    if (lifetime > 0) {
      this.lifetimeTimer = setTimeout(() => void this.close(), lifetime);
      this.lifetimeTimer.unref();
    }
  }

  static async start(options: RouterOsSimOptions = {}): Promise<RouterOsSim> {
    const sim = new RouterOsSim(options);
    await new Promise<void>((resolve, reject) => {
      sim.server.once('error', reject);
      sim.server.listen(options.port ?? 0, '127.0.0.1', () => {
        sim.server.off('error', reject);
        resolve();
      });
    });
    return sim;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  // ---- test helpers ----------------------------------------------------------------------------

  /** A customer's PPPoE session comes up (the secret must exist and be enabled, else this throws). */
  dialIn(secretName: string, options: { address?: string; callerId?: string } = {}): Record<string, string> {
    return this.fromWireRecord(this.router.dialIn(this.toWire(secretName), options));
  }

  /** A hotspot user logs in (the user must exist and be enabled, else this throws). */
  hotspotLogin(
    user: string,
    options: { address?: string; macAddress?: string } = {},
  ): Record<string, string> {
    return this.fromWireRecord(this.router.hotspotLogin(this.toWire(user), options));
  }

  /** Every menu as `print` shows it, decoded with the helper charset. */
  state(): SimState {
    const snapshot = this.router.snapshot();
    const menus: Record<string, Record<string, string>[]> = {};
    for (const [path, rows] of Object.entries(snapshot.menus))
      menus[path] = rows.map((row) => this.fromWireRecord(row));
    return { version: this.version, identity: this.fromWire(snapshot.identity), menus };
  }

  /** Adds to the current faults (`{ hang: false }` ends a hang). */
  setFault(fault: SimFault): void {
    this.fault = { ...this.fault, ...fault };
  }

  clearFaults(): void {
    this.fault = {};
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  /** Cuts every connection now (TCP reset), as a router reboot or a cable pull would. */
  dropConnections(): void {
    for (const session of [...this.sessions]) {
      // A TLS socket cannot send a reset; it closes instead.
      if (session.socket instanceof TLSSocket) session.socket.destroy();
      else session.socket.resetAndDestroy();
      this.forget(session);
    }
  }

  /** Stops listening and cuts every connection. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.lifetimeTimer) clearTimeout(this.lifetimeTimer);
      this.dropConnections();
      this.server.close(() => resolve());
    });
    return this.closing;
  }

  // ---- connections -----------------------------------------------------------------------------

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    const session: Session = {
      id: ++this.sessionCounter,
      socket,
      decoder: new SentenceDecoder(),
      user: null,
      challenge: null,
      streams: new Map(),
      waiting: 0,
      closed: false,
    };
    this.sessions.add(session);
    this.stats.connections++;
    this.stats.open = this.sessions.size;
    socket.on('error', () => this.forget(session));
    socket.on('close', () => this.forget(session));
    socket.on('data', (chunk: Buffer) => {
      let sentences: Buffer[][];
      try {
        sentences = session.decoder.push(chunk);
      } catch {
        this.send(session, [['!fatal', 'protocol error']], null);
        socket.destroy();
        return;
      }
      for (const sentence of sentences) {
        if (session.closed) return;
        this.receive(
          session,
          sentence.map((word) => word.toString('latin1')),
        );
      }
    });
  }

  private forget(session: Session): void {
    if (session.closed) return;
    session.closed = true;
    for (const stop of session.streams.values()) stop();
    session.streams.clear();
    this.sessions.delete(session);
    this.stats.open = this.sessions.size;
  }

  private receive(session: Session, words: string[]): void {
    if (words.length === 0) return; // an empty sentence is ignored
    this.stats.commands++;
    const command = parseCommand(words);
    this.onCommand?.({ connection: session.id, path: this.fromWire(command.path), tag: command.tag });
    if (this.fault.dropAfterCommands !== undefined) {
      this.fault.dropAfterCommands--;
      if (this.fault.dropAfterCommands <= 0) {
        delete this.fault.dropAfterCommands;
        this.dropConnections();
        return;
      }
    }
    if (this.fault.hang) {
      this.stats.hung++;
      return;
    }
    session.waiting++;
    this.stats.maxConcurrent = Math.max(this.stats.maxConcurrent, session.waiting);
    if (this.latencyMs > 0) setTimeout(() => this.run(session, command), this.latencyMs);
    else this.run(session, command);
  }

  private run(session: Session, command: ParsedCommand): void {
    session.waiting--;
    if (session.closed) return;
    const reply = (sentences: SimSentence[]) => this.send(session, sentences, command.tag);
    if (command.path === '/login') return reply(this.login(session, command));
    if (session.user === null) return reply(trap('not logged in', 5));
    if (command.path === '/quit') {
      this.send(session, [['!fatal', 'session terminated on request']], null);
      session.socket.end();
      return;
    }
    if (command.path === '/cancel') return reply(this.cancel(session, command));
    const injected = this.fault.trapNext;
    if (injected) {
      delete this.fault.trapNext;
      return reply(
        injected === true
          ? trap('failure: injected by the simulator', 4)
          : trap(injected.message, injected.category),
      );
    }
    try {
      const outcome = this.router.execute(command);
      if (outcome.kind === 'reply') return reply(outcome.sentences);
      const key = command.tag ?? '';
      if (session.streams.has(key)) return reply(trap('already have command with this tag', 5));
      reply(outcome.initial);
      session.streams.set(
        key,
        outcome.start((sentence) => this.send(session, [sentence], command.tag)),
      );
    } catch (error) {
      if (error instanceof SimTrap) return reply(trap(error.message, error.category));
      return reply(trap(`failure: ${error instanceof Error ? error.message : String(error)}`, 4));
    }
  }

  /** `/cancel =tag=x` ends stream x (`!trap category=2 interrupted`, `!done`); without a tag, all of them. */
  private cancel(session: Session, command: ParsedCommand): SimSentence[] {
    const target = command.attributes.get('tag');
    const tags =
      target === undefined ? [...session.streams.keys()] : session.streams.has(target) ? [target] : [];
    for (const tag of tags) {
      session.streams.get(tag)!();
      session.streams.delete(tag);
      this.send(session, trap('interrupted', 2), tag === '' ? null : tag);
    }
    return [['!done']];
  }

  private login(session: Session, command: ParsedCommand): SimSentence[] {
    const name = command.attributes.get('name');
    const expected = name === undefined ? undefined : this.users.get(name);
    if (PROFILES[this.version].login === 'challenge') {
      const response = command.attributes.get('response');
      // Before 6.43 the first /login (whatever it carries) only fetches a challenge.
      if (response === undefined) {
        session.challenge = randomBytes(16);
        return [['!done', `=ret=${session.challenge.toString('hex')}`]];
      }
      const challenge = session.challenge;
      session.challenge = null;
      const valid =
        challenge !== null &&
        expected !== undefined &&
        response ===
          `00${createHash('md5')
            .update(Buffer.concat([Buffer.from([0]), Buffer.from(expected, 'latin1'), challenge]))
            .digest('hex')}`;
      if (!valid) {
        this.stats.logins.failed++;
        return trap('cannot log in', null);
      }
      session.user = name!;
      this.stats.logins.challenge++;
      return [['!done']];
    }
    const password = command.attributes.get('password');
    if (expected === undefined || password !== expected) {
      this.stats.logins.failed++;
      return trap('invalid user name or password (6)', null);
    }
    session.user = name!;
    this.stats.logins.plain++;
    return [['!done']];
  }

  /** Writes the sentences (each tagged) in one `write()`. */
  private send(session: Session, sentences: SimSentence[], tag: string | null): void {
    if (session.closed || sentences.length === 0) return;
    const tagged = (words: SimSentence) =>
      tag === null
        ? words
        : this.tagFirst
          ? [words[0]!, `.tag=${tag}`, ...words.slice(1)]
          : [...words, `.tag=${tag}`];
    const buffers = sentences.map((words) =>
      encodeSentenceBytes(tagged(words).map((word) => Buffer.from(word, 'latin1'))),
    );
    session.socket.write(buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers));
  }

  private toWire(text: string): string {
    return encodeText(text, this.charset).toString('latin1');
  }

  private fromWire(bytes: string): string {
    return decodeText(Buffer.from(bytes, 'latin1'), this.charset);
  }

  private fromWireRecord(record: Record<string, string>): Record<string, string> {
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [this.fromWire(k), this.fromWire(v)]));
  }
}

/** Starts a simulator on 127.0.0.1 (see RouterOsSimOptions). */
export function startRouterOsSim(options: RouterOsSimOptions = {}): Promise<RouterOsSim> {
  return RouterOsSim.start(options);
}
