/**
 * The simulated router's state and command semantics, independent of sockets: menus with items,
 * add/set/remove/unset/enable/disable/get/print/listen, singletons (/system/...), traffic monitoring.
 * Strings here are byte strings (one char per byte, as `latin1`): the wire is bytes and RouterOS
 * stores bytes, so any client charset round-trips.
 */
import { compileQuery, SimQueryError, type QueryItem } from './sim-query';
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatTime,
  parseDuration,
  type VersionProfile,
} from './sim-profiles';

/** A reply sentence's words without the tag: `['!re', '=name=x']`. */
export type SimSentence = string[];

/** A command as received: path, `=name=value` attributes, `?` query words. */
export type SimCommand = {
  path: string;
  attributes: ReadonlyMap<string, string>;
  query: readonly string[];
};

/** What a command produces: a finished reply, or a stream that runs until `/cancel`. */
export type SimOutcome =
  | { kind: 'reply'; sentences: SimSentence[] }
  | { kind: 'stream'; initial: SimSentence[]; start(emit: (sentence: SimSentence) => void): () => void };

/** A `!trap` for the current command. */
export class SimTrap extends Error {
  constructor(
    message: string,
    readonly category: number | null = null,
  ) {
    super(message);
  }
}

type Item = { id: string; fields: Record<string, string>; created: number };

type MenuSpec = {
  path: string;
  /** Property → default; null means optional: absent until set. Order is print order. */
  fields: Readonly<Record<string, string | null>>;
  required?: readonly string[];
  /** Properties the API may not set. */
  readOnly?: readonly string[];
  booleans?: readonly string[];
  /** Allowed values of enumerated properties. */
  values?: Readonly<Record<string, readonly string[]>>;
  /** A property whose value must name an item of another menu. */
  references?: ReadonlyArray<{ field: string; menu: string }>;
  unique?: { fields: readonly string[]; message: string };
  canAdd: boolean;
  canSet: boolean;
  /** Default name when add has none (`queue1`, …). */
  autoName?: string;
  /** Properties only v7 has. */
  v7Only?: readonly string[];
};

const FALSE = 'false';

const MENUS: readonly MenuSpec[] = [
  {
    path: '/interface',
    fields: {
      name: '',
      'default-name': null,
      type: 'ether',
      mtu: '1500',
      'actual-mtu': '1500',
      'mac-address': null,
      'last-link-up-time': null,
      running: 'true',
      disabled: FALSE,
      dynamic: FALSE,
      comment: null,
    },
    readOnly: [
      'type',
      'default-name',
      'actual-mtu',
      'mac-address',
      'running',
      'dynamic',
      'last-link-up-time',
    ],
    booleans: ['disabled', 'running', 'dynamic'],
    unique: { fields: ['name'], message: 'failure: interface with such name exists' },
    canAdd: false,
    canSet: true,
  },
  {
    path: '/ppp/profile',
    fields: {
      name: '',
      'local-address': null,
      'remote-address': null,
      'rate-limit': null,
      'address-list': null,
      'dns-server': null,
      'only-one': 'default',
      'change-tcp-mss': 'default',
      'use-compression': 'default',
      'use-encryption': 'default',
      'parent-queue': null,
      'on-up': null,
      'on-down': null,
      comment: null,
      default: FALSE,
    },
    required: ['name'],
    readOnly: ['default'],
    booleans: ['default'],
    values: { 'only-one': ['default', 'yes', 'no'], 'use-encryption': ['default', 'yes', 'no', 'required'] },
    unique: { fields: ['name'], message: 'failure: profile with the same name already exists' },
    canAdd: true,
    canSet: true,
  },
  {
    path: '/ppp/secret',
    fields: {
      name: '',
      service: 'any',
      'caller-id': '',
      password: '',
      profile: 'default',
      'local-address': null,
      'remote-address': null,
      routes: '',
      'limit-bytes-in': '0',
      'limit-bytes-out': '0',
      comment: null,
      'last-logged-out': null,
      'last-caller-id': null,
      'last-disconnect-reason': null,
      disabled: FALSE,
    },
    required: ['name'],
    readOnly: ['last-logged-out', 'last-caller-id', 'last-disconnect-reason'],
    booleans: ['disabled'],
    values: { service: ['any', 'async', 'l2tp', 'ovpn', 'pppoe', 'pptp', 'sstp'] },
    references: [{ field: 'profile', menu: '/ppp/profile' }],
    unique: { fields: ['name'], message: 'failure: secret with the same name already exists' },
    canAdd: true,
    canSet: true,
    v7Only: ['last-logged-out', 'last-caller-id', 'last-disconnect-reason'],
  },
  {
    path: '/ppp/active',
    fields: {
      name: '',
      service: 'pppoe',
      'caller-id': '',
      encoding: '',
      address: '',
      uptime: '0s',
      'session-id': '',
      'limit-bytes-in': '0',
      'limit-bytes-out': '0',
      radius: FALSE,
      comment: null,
    },
    booleans: ['radius'],
    canAdd: false,
    canSet: false,
  },
  {
    path: '/ip/pool',
    fields: { name: '', ranges: '', 'next-pool': 'none', comment: null },
    required: ['name', 'ranges'],
    unique: { fields: ['name'], message: 'failure: pool with the same name already exists' },
    canAdd: true,
    canSet: true,
  },
  {
    path: '/ip/hotspot/user',
    fields: {
      server: 'all',
      name: '',
      password: null,
      profile: 'default',
      address: null,
      'mac-address': null,
      'limit-uptime': null,
      'limit-bytes-in': null,
      'limit-bytes-out': null,
      'limit-bytes-total': null,
      uptime: '0s',
      'bytes-in': '0',
      'bytes-out': '0',
      'packets-in': '0',
      'packets-out': '0',
      dynamic: FALSE,
      disabled: FALSE,
      comment: null,
    },
    required: ['name'],
    readOnly: ['uptime', 'bytes-in', 'bytes-out', 'packets-in', 'packets-out', 'dynamic'],
    booleans: ['disabled', 'dynamic'],
    references: [{ field: 'profile', menu: '/ip/hotspot/user/profile' }],
    unique: { fields: ['name'], message: 'failure: user with the same name already exists' },
    canAdd: true,
    canSet: true,
  },
  {
    path: '/ip/hotspot/user/profile',
    fields: {
      name: '',
      'address-pool': 'none',
      'idle-timeout': 'none',
      'keepalive-timeout': '2m',
      'status-autorefresh': '1m',
      'shared-users': '1',
      'rate-limit': null,
      'address-list': null,
      'parent-queue': null,
      'on-login': null,
      'on-logout': null,
      'add-mac-cookie': 'true',
      'mac-cookie-timeout': '3d',
      default: FALSE,
    },
    required: ['name'],
    readOnly: ['default'],
    booleans: ['add-mac-cookie', 'default'],
    unique: { fields: ['name'], message: 'failure: profile with the same name already exists' },
    canAdd: true,
    canSet: true,
  },
  {
    path: '/ip/hotspot/active',
    fields: {
      server: 'hotspot1',
      user: '',
      address: '',
      'mac-address': '',
      'login-by': 'http-chap',
      uptime: '0s',
      'idle-time': '0s',
      'bytes-in': '0',
      'bytes-out': '0',
      radius: FALSE,
      comment: null,
    },
    booleans: ['radius'],
    canAdd: false,
    canSet: false,
  },
  {
    path: '/ip/hotspot/cookie',
    fields: { user: '', 'mac-address': '', domain: null, 'expires-in': '3d' },
    canAdd: false,
    canSet: false,
  },
  {
    path: '/queue/simple',
    fields: {
      name: '',
      target: '',
      parent: 'none',
      'packet-marks': '',
      priority: '8/8',
      queue: 'default-small/default-small',
      'limit-at': '0/0',
      'max-limit': '0/0',
      'burst-limit': '0/0',
      'burst-threshold': '0/0',
      'burst-time': '0s/0s',
      'bucket-size': '0.1/0.1',
      comment: null,
      invalid: FALSE,
      dynamic: FALSE,
      disabled: FALSE,
    },
    required: ['target'],
    readOnly: ['invalid', 'dynamic'],
    booleans: ['disabled', 'invalid', 'dynamic'],
    unique: { fields: ['name'], message: 'failure: queue with such name already exists' },
    canAdd: true,
    canSet: true,
    autoName: 'queue',
  },
  {
    path: '/ip/firewall/address-list',
    fields: {
      list: '',
      address: '',
      'creation-time': '',
      timeout: null,
      dynamic: FALSE,
      disabled: FALSE,
      comment: null,
    },
    required: ['list', 'address'],
    readOnly: ['creation-time', 'dynamic'],
    booleans: ['disabled', 'dynamic'],
    unique: { fields: ['list', 'address'], message: 'failure: already have such entry' },
    canAdd: true,
    canSet: true,
  },
];

const MENU_BY_PATH = new Map(MENUS.map((spec) => [spec.path, spec]));

/** Verbs every list menu understands. */
const LIST_VERBS = new Set([
  'print',
  'add',
  'set',
  'remove',
  'unset',
  'enable',
  'disable',
  'get',
  'listen',
  'export',
]);

/** `print` switches that change nothing here (or are handled separately). */
const PRINT_SWITCHES = new Set([
  '.proplist',
  'follow',
  'follow-only',
  'count-only',
  'detail',
  'without-paging',
  'brief',
  'terse',
  'stats',
  'oid',
  'as-value',
  'interval',
  'where',
]);

const YES = new Set(['yes', 'true']);
const NO = new Set(['no', 'false']);

/** A small deterministic PRNG, so traffic figures are plausible and repeatable. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type SimRouterOptions = {
  profile: VersionProfile;
  identity: string;
  boardName: string;
  /** Milliseconds between monitor-traffic replies (RouterOS: 1 s). */
  monitorIntervalMs: number;
  clock: () => number;
};

type Listener = (item: Item | null, id: string) => void;

export class SimRouter {
  readonly profile: VersionProfile;
  private identity: string;
  private readonly boardName: string;
  private readonly monitorIntervalMs: number;
  private readonly clock: () => number;
  private readonly started: number;
  private readonly items = new Map<string, Item[]>();
  private readonly nextId = new Map<string, number>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private sessionCounter = 0x81a00000;
  private addressCounter = 2;
  private readonly traffic = new Map<string, { rx: number; tx: number; random: () => number }>();

  constructor(options: SimRouterOptions) {
    this.profile = options.profile;
    this.identity = options.identity;
    this.boardName = options.boardName;
    this.monitorIntervalMs = options.monitorIntervalMs;
    this.clock = options.clock;
    this.started = options.clock();
    for (const spec of MENUS) {
      this.items.set(spec.path, []);
      this.nextId.set(spec.path, 1);
    }
    this.seed();
  }

  private seed(): void {
    const now = this.clock();
    const put = (path: string, id: string, fields: Record<string, string>) => {
      const spec = MENU_BY_PATH.get(path)!;
      this.items.get(path)!.push({ id, fields: this.withDefaults(spec, fields), created: now });
      const n = Number.parseInt(id.slice(1), 16);
      if (n < 0xffff && n >= this.nextId.get(path)!) this.nextId.set(path, n + 1);
    };
    for (let i = 1; i <= 5; i++) {
      put('/interface', `*${i.toString(16).toUpperCase()}`, {
        name: `ether${i}`,
        'default-name': `ether${i}`,
        'mac-address': `48:8F:5A:00:00:0${i}`,
        running: i <= 2 ? 'true' : 'false',
      });
    }
    put('/interface', '*6', {
      name: 'bridge-lan',
      type: 'bridge',
      'mac-address': '48:8F:5A:00:00:02',
      mtu: 'auto',
    });
    put('/ppp/profile', '*0', { name: 'default', default: 'true' });
    put('/ppp/profile', '*FFFFFFFE', {
      name: 'default-encryption',
      'use-encryption': 'yes',
      default: 'true',
    });
    put('/ip/hotspot/user/profile', '*0', { name: 'default', default: 'true' });
    this.nextId.set('/ppp/profile', 1);
    this.nextId.set('/ip/hotspot/user/profile', 1);
  }

  // ---- test helpers ----------------------------------------------------------------------------

  /** A PPPoE client dials in: needs an enabled secret; returns the new /ppp/active entry. */
  dialIn(name: string, options: { address?: string; callerId?: string } = {}): Record<string, string> {
    const secret = this.list('/ppp/secret').find((item) => item.fields.name === name);
    if (!secret) throw new Error(`no PPP secret named ${JSON.stringify(name)}`);
    if (secret.fields.disabled === 'true') throw new Error(`PPP secret ${JSON.stringify(name)} is disabled`);
    if (this.list('/ppp/active').some((item) => item.fields.name === name)) {
      throw new Error(`PPP secret ${JSON.stringify(name)} already has an active session`);
    }
    const address =
      options.address ??
      secret.fields['remote-address'] ??
      `10.10.${(this.addressCounter >> 8) & 0xff}.${this.addressCounter++ & 0xff}`;
    const h = hashName(name);
    const callerId =
      options.callerId ??
      `D4:CA:6D:${[16, 8, 0].map((shift) => ((h >>> shift) & 0xff).toString(16).padStart(2, '0').toUpperCase()).join(':')}`;
    const active = this.insert('/ppp/active', {
      name,
      service: 'pppoe',
      'caller-id': callerId,
      address,
      'session-id': `0x${(this.sessionCounter++).toString(16).toUpperCase()}`,
    });
    this.insert('/interface', {
      name: `<pppoe-${name}>`,
      type: 'pppoe-in',
      dynamic: 'true',
      mtu: '1480',
      'actual-mtu': '1480',
    });
    return this.view(MENU_BY_PATH.get('/ppp/active')!, active);
  }

  /** A hotspot user logs in: needs an enabled user; adds /ip/hotspot/active and a cookie. */
  hotspotLogin(
    user: string,
    options: { address?: string; macAddress?: string } = {},
  ): Record<string, string> {
    const account = this.list('/ip/hotspot/user').find((item) => item.fields.name === user);
    if (!account) throw new Error(`no hotspot user named ${JSON.stringify(user)}`);
    if (account.fields.disabled === 'true')
      throw new Error(`hotspot user ${JSON.stringify(user)} is disabled`);
    const mac = options.macAddress ?? '02:00:00:00:00:01';
    const active = this.insert('/ip/hotspot/active', {
      user,
      address: options.address ?? `192.168.77.${this.addressCounter++ & 0xff}`,
      'mac-address': mac,
    });
    this.insert('/ip/hotspot/cookie', { user, 'mac-address': mac });
    return this.view(MENU_BY_PATH.get('/ip/hotspot/active')!, active);
  }

  /** Every menu as `print` would show it. */
  snapshot(): { identity: string; menus: Record<string, Record<string, string>[]> } {
    const menus: Record<string, Record<string, string>[]> = {};
    for (const spec of MENUS) menus[spec.path] = this.list(spec.path).map((item) => this.view(spec, item));
    return { identity: this.identity, menus };
  }

  // ---- commands --------------------------------------------------------------------------------

  execute(command: SimCommand): SimOutcome {
    const { path } = command;
    switch (path) {
      case '/system/resource/print':
        return this.single(command, this.resource());
      case '/system/identity/print':
        return this.single(command, { name: this.identity });
      case '/system/identity/set': {
        this.checkKnown(command, ['name']);
        const name = command.attributes.get('name');
        if (name !== undefined) this.identity = name;
        return done();
      }
      case '/system/clock/print': {
        const now = this.clock();
        return this.single(command, {
          time: formatTime(now),
          date: formatDate(this.profile, now),
          'time-zone-autodetect': 'true',
          'time-zone-name': 'Asia/Jakarta',
          'gmt-offset': '+07:00',
          'dst-active': 'false',
        });
      }
      case '/interface/monitor-traffic':
        return this.monitorTraffic(command);
    }
    const slash = path.lastIndexOf('/');
    const menuPath = path.slice(0, slash);
    const verb = path.slice(slash + 1);
    const spec = MENU_BY_PATH.get(menuPath);
    if (!spec) {
      const knownPrefix = MENUS.some((m) => m.path.startsWith(`${path}/`) || path.startsWith(`${m.path}/`));
      throw new SimTrap(knownPrefix ? 'no such command' : 'no such command prefix', 0);
    }
    if (!LIST_VERBS.has(verb)) throw new SimTrap('no such command', 0);
    switch (verb) {
      case 'print':
        return this.print(spec, command);
      case 'listen':
        return this.listen(spec, command, false);
      case 'add':
        return this.add(spec, command);
      case 'set':
        return this.set(spec, command);
      case 'remove':
        return this.remove(spec, command);
      case 'unset':
        return this.unset(spec, command);
      case 'enable':
      case 'disable':
        return this.setDisabled(spec, command, verb === 'disable');
      case 'get':
        return this.get(spec, command);
      default:
        return done(); // export: RouterOS answers the API with no text
    }
  }

  private single(command: SimCommand, record: Record<string, string>): SimOutcome {
    return { kind: 'reply', sentences: [re(project(record, command)), ['!done']] };
  }

  private resource(): Record<string, string> {
    const now = this.clock();
    const seconds = Math.floor((now - this.started) / 1000);
    const total = 1024 * 1024 * 1024;
    return {
      uptime: formatDuration(now - this.started),
      version: this.profile.fullVersion,
      'build-time': this.profile.isoDates ? '2025-02-11 11:58:15' : 'feb/11/2025 11:58:15',
      'factory-software': '6.44.6',
      'free-memory': String(total - 180 * 1024 * 1024 - ((seconds * 7919) % (32 * 1024 * 1024))),
      'total-memory': String(total),
      cpu: 'ARM64',
      'cpu-count': '4',
      'cpu-frequency': '1700',
      'cpu-load': String((seconds * 37 + 11) % 61),
      'free-hdd-space': String(96 * 1024 * 1024),
      'total-hdd-space': String(128 * 1024 * 1024),
      'architecture-name': 'arm64',
      'board-name': this.boardName,
      platform: 'MikroTik',
    };
  }

  private print(spec: MenuSpec, command: SimCommand): SimOutcome {
    for (const name of command.attributes.keys()) {
      if (!PRINT_SWITCHES.has(name)) throw new SimTrap(`unknown parameter ${name}`, 1);
    }
    if (command.attributes.has('follow') || command.attributes.has('follow-only')) {
      return this.listen(spec, command, !command.attributes.has('follow-only'));
    }
    const rows = this.select(spec, command);
    if (command.attributes.has('count-only'))
      return { kind: 'reply', sentences: [['!done', `=ret=${rows.length}`]] };
    const sentences = rows.map((row) => re(project(row, command)));
    if (sentences.length === 0 && this.profile.emptyReply) sentences.push(['!empty']);
    sentences.push(['!done']);
    return { kind: 'reply', sentences };
  }

  private select(spec: MenuSpec, command: SimCommand): Record<string, string>[] {
    let matches: (item: QueryItem) => boolean;
    try {
      matches = compileQuery(command.query);
      return this.list(spec.path)
        .map((item) => this.view(spec, item))
        .filter((row) => matches(row));
    } catch (error) {
      if (error instanceof SimQueryError) throw new SimTrap(error.message, 1);
      throw error;
    }
  }

  /** `listen`, `print follow` (current items first), `print follow-only`: a `!re` per change. */
  private listen(spec: MenuSpec, command: SimCommand, withCurrent: boolean): SimOutcome {
    const initial = withCurrent ? this.select(spec, command).map((row) => re(project(row, command))) : [];
    let matches: (item: QueryItem) => boolean;
    try {
      matches = compileQuery(command.query);
    } catch (error) {
      throw new SimTrap(error instanceof Error ? error.message : String(error), 1);
    }
    return {
      kind: 'stream',
      initial,
      start: (emit) => {
        const listener: Listener = (item, id) => {
          if (item === null) emit(['!re', `=.id=${id}`, '=.dead=true']);
          else {
            const row = this.view(spec, item);
            if (matches(row)) emit(re(project(row, command)));
          }
        };
        let set = this.listeners.get(spec.path);
        if (!set) this.listeners.set(spec.path, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    };
  }

  private add(spec: MenuSpec, command: SimCommand): SimOutcome {
    if (!spec.canAdd) throw new SimTrap('no such command', 0);
    const fields = this.validated(spec, command.attributes, null);
    for (const required of spec.required ?? []) {
      if (!fields[required]) throw new SimTrap(`failure: ${required} must be set`, 1);
    }
    if (spec.autoName && !fields.name) {
      let n = 1;
      while (this.list(spec.path).some((item) => item.fields.name === `${spec.autoName}${n}`)) n++;
      fields.name = `${spec.autoName}${n}`;
    }
    const item = this.insert(spec.path, fields);
    return { kind: 'reply', sentences: [['!done', `=ret=${item.id}`]] };
  }

  private set(spec: MenuSpec, command: SimCommand): SimOutcome {
    if (!spec.canSet) throw new SimTrap('no such command', 0);
    const attributes = new Map(command.attributes);
    const targets = this.targets(spec, attributes);
    for (const item of targets) {
      const fields = this.validated(spec, attributes, item);
      Object.assign(item.fields, fields);
      this.touch(spec, item);
    }
    return done();
  }

  private setDisabled(spec: MenuSpec, command: SimCommand, disabled: boolean): SimOutcome {
    if (!('disabled' in spec.fields)) throw new SimTrap('no such command', 0);
    const attributes = new Map(command.attributes);
    for (const item of this.targets(spec, attributes)) {
      item.fields.disabled = disabled ? 'true' : 'false';
      this.touch(spec, item);
    }
    return done();
  }

  private unset(spec: MenuSpec, command: SimCommand): SimOutcome {
    if (!spec.canSet) throw new SimTrap('no such command', 0);
    const attributes = new Map(command.attributes);
    const property = attributes.get('value-name');
    attributes.delete('value-name');
    if (!property || !(property in spec.fields) || spec.readOnly?.includes(property)) {
      throw new SimTrap(`unknown parameter ${property ?? ''}`.trim(), 1);
    }
    if (spec.required?.includes(property)) throw new SimTrap(`failure: ${property} must be set`, 1);
    for (const item of this.targets(spec, attributes)) {
      const initial = spec.fields[property];
      if (initial === null || initial === undefined) delete item.fields[property];
      else item.fields[property] = initial;
      this.touch(spec, item);
    }
    return done();
  }

  private get(spec: MenuSpec, command: SimCommand): SimOutcome {
    const attributes = new Map(command.attributes);
    const property = attributes.get('value-name');
    attributes.delete('value-name');
    if (attributes.has('number')) {
      attributes.set('.id', attributes.get('number')!);
      attributes.delete('number');
    }
    const [item] = this.targets(spec, attributes);
    const row = this.view(spec, item!);
    if (!property || row[property] === undefined)
      throw new SimTrap(`unknown parameter ${property ?? ''}`.trim(), 1);
    return { kind: 'reply', sentences: [['!done', `=ret=${row[property]}`]] };
  }

  private remove(spec: MenuSpec, command: SimCommand): SimOutcome {
    const attributes = new Map(command.attributes);
    const targets = this.targets(spec, attributes);
    if (attributes.size > 0) throw new SimTrap(`unknown parameter ${[...attributes.keys()][0]}`, 1);
    for (const item of targets) {
      if (item.fields.default === 'true') throw new SimTrap('failure: cannot remove default profile', 4);
      if (spec.path === '/interface' && item.fields.dynamic !== 'true')
        throw new SimTrap('no such command', 0);
    }
    for (const item of targets) this.delete(spec, item);
    return done();
  }

  /** The items named by `.id` / `numbers` (ids `*1A` or names, comma-separated); consumes the attribute. */
  private targets(spec: MenuSpec, attributes: Map<string, string>): Item[] {
    const selector = attributes.get('.id') ?? attributes.get('numbers');
    attributes.delete('.id');
    attributes.delete('numbers');
    if (selector === undefined || selector === '') throw new SimTrap('missing =.id=', 0);
    const items = this.list(spec.path);
    return selector.split(',').map((key) => {
      const item = items.find(
        (candidate) => candidate.id === key || (candidate.fields.name ?? candidate.fields.user) === key,
      );
      if (!item) throw new SimTrap('no such item', null);
      return item;
    });
  }

  /** Checks attributes for add (`item` null) or set: known, writable, valid, unique, references exist. */
  private validated(
    spec: MenuSpec,
    attributes: ReadonlyMap<string, string>,
    item: Item | null,
  ): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const [name, raw] of attributes) {
      if (name === '.id' || name === 'numbers') continue;
      if (
        !(name in spec.fields) ||
        spec.readOnly?.includes(name) ||
        (spec.v7Only?.includes(name) && !this.profile.secretHistory)
      ) {
        throw new SimTrap(`unknown parameter ${name}`, 1);
      }
      let value = raw;
      if (spec.booleans?.includes(name)) {
        if (YES.has(raw)) value = 'true';
        else if (NO.has(raw)) value = 'false';
        else throw new SimTrap(`value of ${name} must be yes or no`, 1);
      }
      const allowed = spec.values?.[name];
      if (allowed && !allowed.includes(value))
        throw new SimTrap(`input does not match any value of ${name}`, 1);
      const reference = spec.references?.find((r) => r.field === name);
      if (reference && !this.list(reference.menu).some((other) => other.fields.name === value)) {
        throw new SimTrap(`input does not match any value of ${name}`, 1);
      }
      if (name === 'timeout' && parseDuration(value) === null && value !== '') {
        throw new SimTrap(`invalid value for argument timeout`, 1);
      }
      fields[name] = value;
    }
    if (spec.unique) {
      const merged = { ...(item?.fields ?? {}), ...fields };
      const key = spec.unique.fields.map((f) => merged[f] ?? '');
      if (key.some((part) => part !== '')) {
        const clash = this.list(spec.path).some(
          (other) =>
            other !== item && spec.unique!.fields.every((f, i) => (other.fields[f] ?? '') === key[i]),
        );
        if (clash) throw new SimTrap(spec.unique.message, null);
      }
    }
    return fields;
  }

  private monitorTraffic(command: SimCommand): SimOutcome {
    const known = new Set(['interface', 'once', 'duration', 'without-paging', '.proplist']);
    for (const name of command.attributes.keys()) {
      if (!known.has(name)) throw new SimTrap(`unknown parameter ${name}`, 1);
    }
    const names = (command.attributes.get('interface') ?? '').split(',').filter(Boolean);
    if (names.length === 0) throw new SimTrap('missing value for interface', 1);
    const interfaces = this.list('/interface');
    for (const name of names) {
      if (!interfaces.some((item) => item.fields.name === name)) {
        throw new SimTrap('input does not match any value of interface', 1);
      }
    }
    const sample = () => names.map((name) => re(project(this.trafficSample(name), command)));
    if (command.attributes.has('once')) return { kind: 'reply', sentences: [...sample(), ['!done']] };
    return {
      kind: 'stream',
      initial: sample(),
      start: (emit) => {
        const timer = setInterval(() => {
          for (const sentence of sample()) emit(sentence);
        }, this.monitorIntervalMs);
        return () => clearInterval(timer);
      },
    };
  }

  /** A random walk per interface between 0.5 and 95 Mbit/s down, about a tenth of that up. */
  private trafficSample(name: string): Record<string, string> {
    let state = this.traffic.get(name);
    if (!state) {
      const random = mulberry32(hashName(name));
      state = { rx: 5e6 + random() * 40e6, tx: 1e6 + random() * 4e6, random };
      this.traffic.set(name, state);
    }
    const step = (value: number, low: number, high: number) =>
      Math.min(high, Math.max(low, value * (0.8 + state.random() * 0.4) + (state.random() - 0.5) * low));
    state.rx = step(state.rx, 0.5e6, 95e6);
    state.tx = step(state.tx, 0.1e6, 20e6);
    const rx = Math.round(state.rx);
    const tx = Math.round(state.tx);
    return {
      name,
      'rx-packets-per-second': String(Math.round(rx / 8 / 900)),
      'rx-bits-per-second': String(rx),
      'fp-rx-packets-per-second': '0',
      'fp-rx-bits-per-second': '0',
      'rx-drops-per-second': '0',
      'rx-errors-per-second': '0',
      'tx-packets-per-second': String(Math.round(tx / 8 / 600)),
      'tx-bits-per-second': String(tx),
      'fp-tx-packets-per-second': '0',
      'fp-tx-bits-per-second': '0',
      'tx-drops-per-second': '0',
      'tx-queue-drops-per-second': '0',
      'tx-errors-per-second': '0',
    };
  }

  // ---- storage ---------------------------------------------------------------------------------

  private list(path: string): Item[] {
    const items = this.items.get(path)!;
    if (path === '/ip/firewall/address-list') {
      // Entries with a timeout expire (lazily, when someone looks).
      const now = this.clock();
      for (const item of [...items]) {
        const timeout = item.fields.timeout === undefined ? null : parseDuration(item.fields.timeout);
        if (timeout !== null && now >= item.created + timeout) this.delete(MENU_BY_PATH.get(path)!, item);
      }
    }
    return items;
  }

  private withDefaults(spec: MenuSpec, fields: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, initial] of Object.entries(spec.fields)) {
      if (spec.v7Only?.includes(name) && !this.profile.secretHistory) continue;
      const value = fields[name] ?? initial;
      if (value !== null) out[name] = value;
    }
    return out;
  }

  private insert(path: string, fields: Record<string, string>): Item {
    const spec = MENU_BY_PATH.get(path)!;
    const n = this.nextId.get(path)!;
    this.nextId.set(path, n + 1);
    const now = this.clock();
    const item: Item = {
      id: `*${n.toString(16).toUpperCase()}`,
      fields: this.withDefaults(spec, fields),
      created: now,
    };
    if (path === '/ip/firewall/address-list') {
      item.fields['creation-time'] = formatDateTime(this.profile, now);
      if (item.fields.timeout !== undefined) item.fields.dynamic = 'true';
    }
    if (spec.path === '/ppp/secret' && this.profile.secretHistory) {
      item.fields['last-logged-out'] = formatDateTime(this.profile, 0);
    }
    this.items.get(path)!.push(item);
    this.notify(path, item, item.id);
    return item;
  }

  private delete(spec: MenuSpec, item: Item): void {
    const items = this.items.get(spec.path)!;
    const index = items.indexOf(item);
    if (index === -1) return;
    items.splice(index, 1);
    this.notify(spec.path, null, item.id);
    switch (spec.path) {
      case '/ppp/secret':
        // Removing a secret also ends its session, as RouterOS does.
        for (const active of this.list('/ppp/active').filter((a) => a.fields.name === item.fields.name)) {
          this.delete(MENU_BY_PATH.get('/ppp/active')!, active);
        }
        break;
      case '/ppp/active': {
        const dynamic = this.list('/interface').find((i) => i.fields.name === `<pppoe-${item.fields.name}>`);
        if (dynamic) this.delete(MENU_BY_PATH.get('/interface')!, dynamic);
        const secret = this.list('/ppp/secret').find((s) => s.fields.name === item.fields.name);
        if (secret && this.profile.secretHistory) {
          secret.fields['last-logged-out'] = formatDateTime(this.profile, this.clock());
          secret.fields['last-caller-id'] = item.fields['caller-id'] ?? '';
          secret.fields['last-disconnect-reason'] = 'disconnected';
          this.touch(MENU_BY_PATH.get('/ppp/secret')!, secret);
        }
        break;
      }
      case '/ip/hotspot/user':
        for (const path of ['/ip/hotspot/active', '/ip/hotspot/cookie']) {
          for (const other of this.list(path).filter((a) => a.fields.user === item.fields.name)) {
            this.delete(MENU_BY_PATH.get(path)!, other);
          }
        }
        break;
    }
  }

  private touch(spec: MenuSpec, item: Item): void {
    this.notify(spec.path, item, item.id);
  }

  private notify(path: string, item: Item | null, id: string): void {
    for (const listener of this.listeners.get(path) ?? []) listener(item, id);
  }

  /** The item as `print` shows it: `.id`, then stored properties, with live values filled in. */
  private view(spec: MenuSpec, item: Item): Record<string, string> {
    const now = this.clock();
    const row: Record<string, string> = { '.id': item.id, ...item.fields };
    if (spec.path === '/ppp/active' || spec.path === '/ip/hotspot/active')
      row.uptime = formatDuration(now - item.created);
    if (spec.path === '/ip/firewall/address-list' && item.fields.timeout !== undefined) {
      const timeout = parseDuration(item.fields.timeout) ?? 0;
      row.timeout = formatDuration(item.created + timeout - now);
    }
    return row;
  }

  private checkKnown(command: SimCommand, known: readonly string[]): void {
    for (const name of command.attributes.keys()) {
      if (!known.includes(name)) throw new SimTrap(`unknown parameter ${name}`, 1);
    }
  }
}

function done(): SimOutcome {
  return { kind: 'reply', sentences: [['!done']] };
}

function re(row: Record<string, string>): SimSentence {
  return ['!re', ...Object.entries(row).map(([name, value]) => `=${name}=${value}`)];
}

/** Applies `=.proplist=` (in its order; unknown names left out). */
function project(row: Record<string, string>, command: SimCommand): Record<string, string> {
  const proplist = command.attributes.get('.proplist');
  if (proplist === undefined) return row;
  const out: Record<string, string> = {};
  for (const name of proplist.split(',')) {
    if (row[name] !== undefined) out[name] = row[name];
  }
  return out;
}
