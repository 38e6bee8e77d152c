import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

const Host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:-]+$/, 'a host name or IP address');
const Port = z.number().int().min(1).max(65535);
/** RouterOS names (secrets, profiles, users): no spaces at the ends, no control characters. */
const RosName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine((name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '"' || ch === '?'), 'no control characters, quotes or ?');
const RateLimit = z
  .string()
  .trim()
  .regex(/^(\d+[kKmMgG]?\/\d+[kKmMgG]?)?$/, 'upload/download, e.g. 5M/10M');

export const RouterStatus = z.strictObject({
  online: z.boolean(),
  latencyMs: z.number().nullable(),
  lastSeenAt: EpochMs.nullable(),
  checkedAt: EpochMs.nullable(),
  version: z.string().nullable(),
  identity: z.string().nullable(),
  board: z.string().nullable(),
  uptime: z.string().nullable(),
  cpuLoad: z.number().nullable(),
  freeMemory: z.number().nullable(),
  totalMemory: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type RouterStatus = z.infer<typeof RouterStatus>;

export const Router = z.strictObject({
  id: Id,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tls: z.boolean(),
  username: z.string(),
  /** Whether a password is stored (it never leaves the core). */
  hasPassword: z.boolean(),
  branch: z.string(),
  location: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  notes: z.string(),
  hotspotDns: z.string(),
  status: RouterStatus,
  pendingJobs: z.number().int(),
});
export type Router = z.infer<typeof Router>;

const RouterFields = {
  name: z.string().trim().min(1).max(60),
  host: Host,
  port: Port.optional(),
  tls: z.boolean().default(false),
  username: z.string().trim().min(1).max(64),
  password: z.string().max(200),
  branch: z.string().trim().max(80).default(''),
  location: z.string().trim().max(200).default(''),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  notes: z.string().trim().max(1000).default(''),
  /** The hotspot's DNS name, for the login URL on voucher cards (e.g. wifi.gerai.net). */
  hotspotDns: z.string().trim().max(120).default(''),
};

export const JobState = z.enum(['pending', 'running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;
export const RouterJob = z.strictObject({
  id: Id,
  routerId: Id,
  routerName: z.string(),
  operation: z.string(),
  label: z.string(),
  state: JobState,
  attempts: z.number().int(),
  nextAttemptAt: EpochMs.nullable(),
  lastError: z.string().nullable(),
  createdAt: EpochMs,
  finishedAt: EpochMs.nullable(),
});
export type RouterJob = z.infer<typeof RouterJob>;

export const PppSecret = z.strictObject({
  /** Present for secrets Gerai manages (its row id); null for secrets only on the router. */
  id: Id.nullable(),
  routerItemId: z.string().nullable(),
  name: z.string(),
  profile: z.string(),
  service: z.string(),
  remoteAddress: z.string(),
  disabled: z.boolean(),
  comment: z.string(),
  managed: z.boolean(),
});
export type PppSecret = z.infer<typeof PppSecret>;

export const PppActive = z.strictObject({
  routerItemId: z.string(),
  name: z.string(),
  service: z.string(),
  callerId: z.string(),
  address: z.string(),
  uptime: z.string(),
});
export type PppActive = z.infer<typeof PppActive>;

export const HotspotUser = z.strictObject({
  routerItemId: z.string(),
  name: z.string(),
  profile: z.string(),
  limitUptime: z.string(),
  limitBytesTotal: z.string(),
  uptime: z.string(),
  bytesIn: z.string(),
  bytesOut: z.string(),
  disabled: z.boolean(),
  comment: z.string(),
});
export type HotspotUser = z.infer<typeof HotspotUser>;

export const VoucherBatch = z.strictObject({
  id: Id,
  routerId: Id,
  createdAt: EpochMs,
  count: z.number().int(),
  profile: z.string(),
  price: z.number().int(),
  comment: z.string(),
  itemId: Id.nullable(),
  vouchers: z.array(z.strictObject({ username: z.string(), password: z.string() })),
  jobId: Id,
});
export type VoucherBatch = z.infer<typeof VoucherBatch>;

export const DriftRow = z.strictObject({
  kind: z.enum(['missing', 'extra', 'different']),
  menu: z.enum(['ppp.secret', 'address-list', 'hotspot.user']),
  name: z.string(),
  /** What differs, e.g. { profile: ['paket-10M', 'paket-5M'] } as [database, router]. */
  differences: z.record(z.string(), z.tuple([z.string(), z.string()])),
});
export type DriftRow = z.infer<typeof DriftRow>;

export const AddressListEntry = z.strictObject({
  /** Null when the entry is not on the router (or the router could not be asked). */
  routerItemId: z.string().nullable(),
  list: z.string(),
  address: z.string(),
  comment: z.string(),
  timeout: z.string(),
  managed: z.boolean(),
});
export type AddressListEntry = z.infer<typeof AddressListEntry>;

const routerRef = { routerId: Id };

export const networkChannels = defineChannels({
  'network.routers.create': {
    summary: 'Adds a MikroTik router. The password is kept encrypted and never leaves the core.',
    input: z.strictObject(RouterFields),
    output: Router,
    access: 'network.manage',
    writes: true,
  },
  'network.routers.update': {
    summary: 'Changes a router’s connection or details; an empty password keeps the stored one.',
    input: z.strictObject({
      id: Id,
      name: RouterFields.name.optional(),
      host: Host.optional(),
      port: Port.optional(),
      tls: z.boolean().optional(),
      username: z.string().trim().min(1).max(64).optional(),
      password: z.string().max(200).optional(),
      branch: z.string().trim().max(80).optional(),
      location: z.string().trim().max(200).optional(),
      latitude: z.number().min(-90).max(90).nullable().optional(),
      longitude: z.number().min(-180).max(180).nullable().optional(),
      notes: z.string().trim().max(1000).optional(),
      hotspotDns: z.string().trim().max(120).optional(),
    }),
    output: Router,
    access: 'network.manage',
    writes: true,
  },
  'network.routers.list': {
    summary: 'Routers with their last known status and pending jobs.',
    input: z.strictObject({}),
    output: z.array(Router),
    access: 'network.view',
    writes: false,
  },
  'network.routers.test': {
    summary: 'Connects now and answers the router’s status (version, identity, load) or why it failed.',
    input: z.strictObject({ id: Id }),
    output: RouterStatus,
    access: 'network.view',
    writes: false,
  },
  'network.routers.remove': {
    summary: 'Removes a router from Gerai (nothing on the router changes); its pending jobs are cancelled.',
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ ok: z.literal(true) }),
    access: 'network.manage',
    writes: true,
  },
  'network.routers.dashboard': {
    summary: 'Live resource figures and interfaces of a router.',
    input: z.strictObject({ id: Id }),
    output: z.strictObject({
      status: RouterStatus,
      interfaces: z.array(z.strictObject({ name: z.string(), type: z.string(), running: z.boolean(), disabled: z.boolean() })),
    }),
    access: 'network.view',
    writes: false,
  },
  'network.traffic.watch': {
    summary: 'Streams an interface’s rx/tx as `network.traffic` events for 60 s (call again to extend).',
    input: z.strictObject({ ...routerRef, interface: RosName }),
    output: z.strictObject({ watching: z.literal(true), until: EpochMs }),
    access: 'network.view',
    writes: false,
  },
  'network.ppp.profiles.list': {
    summary: 'PPP profiles on the router (rate limits).',
    input: z.strictObject(routerRef),
    output: z.array(z.strictObject({ routerItemId: z.string(), name: z.string(), rateLimit: z.string(), localAddress: z.string(), remoteAddress: z.string() })),
    access: 'network.view',
    writes: false,
  },
  'network.ppp.profiles.upsert': {
    summary: 'Creates or changes a PPP profile on the router (as a job).',
    input: z.strictObject({ ...routerRef, name: RosName, rateLimit: RateLimit.default(''), localAddress: z.string().trim().max(64).default(''), remoteAddress: z.string().trim().max(64).default('') }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.ppp.secrets.list': {
    summary:
      'PPP secrets: the ones Gerai manages (with their database state) and the router’s own; only Gerai’s (none marked on the router) when the router cannot be reached.',
    input: z.strictObject(routerRef),
    output: z.array(PppSecret),
    access: 'network.view',
    writes: false,
  },
  'network.ppp.secrets.upsert': {
    summary: 'Creates or changes a PPPoE secret Gerai manages; the router follows through a job.',
    input: z.strictObject({
      ...routerRef,
      name: RosName,
      password: z.string().min(1).max(64).optional(),
      profile: RosName,
      service: z.enum(['pppoe', 'any', 'pptp', 'l2tp', 'ovpn', 'sstp']).default('pppoe'),
      remoteAddress: z.string().trim().max(64).default(''),
      disabled: z.boolean().default(false),
      note: z.string().trim().max(100).default(''),
    }),
    output: z.strictObject({ secret: PppSecret, job: RouterJob }),
    access: 'network.manage',
    writes: true,
  },
  'network.ppp.secrets.remove': {
    summary: 'Removes a managed PPPoE secret (and its session) through a job.',
    input: z.strictObject({ ...routerRef, name: RosName }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.ppp.active.list': {
    summary: 'Active PPP sessions on the router.',
    input: z.strictObject(routerRef),
    output: z.array(PppActive),
    access: 'network.view',
    writes: false,
  },
  'network.ppp.active.kick': {
    summary: 'Disconnects a user’s PPP session (it may dial in again).',
    input: z.strictObject({ ...routerRef, name: RosName }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.hotspot.profiles.list': {
    summary: 'Hotspot user profiles on the router.',
    input: z.strictObject(routerRef),
    output: z.array(z.strictObject({ routerItemId: z.string(), name: z.string(), rateLimit: z.string(), sharedUsers: z.string() })),
    access: 'network.view',
    writes: false,
  },
  'network.hotspot.users.list': {
    summary: 'Hotspot users on the router (vouchers included).',
    input: z.strictObject({ ...routerRef, comment: z.string().max(100).optional() }),
    output: z.array(HotspotUser),
    access: 'network.view',
    writes: false,
  },
  'network.hotspot.active.list': {
    summary: 'Users logged in to the hotspot now.',
    input: z.strictObject(routerRef),
    output: z.array(z.strictObject({ routerItemId: z.string(), user: z.string(), address: z.string(), macAddress: z.string(), uptime: z.string() })),
    access: 'network.view',
    writes: false,
  },
  'network.hotspot.active.kick': {
    summary: 'Logs a hotspot user out and removes their cookie so they must log in again.',
    input: z.strictObject({ ...routerRef, user: RosName }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.hotspot.vouchers.generate': {
    summary:
      'Makes a batch of hotspot vouchers (unique on the router), creates them there as one batch job and stocks them for the POS.',
    input: z.strictObject({
      ...routerRef,
      count: z.number().int().min(1).max(2000),
      prefix: z.string().trim().max(8).regex(/^[A-Za-z0-9]*$/, 'letters and digits').default(''),
      length: z.number().int().min(4).max(16).default(6),
      charset: z.enum(['numeric', 'lower', 'upper', 'alnum']).default('alnum'),
      /** Same username and password (a single code on the card) or a separate password. */
      codeOnly: z.boolean().default(true),
      profile: RosName,
      server: z.string().trim().max(64).default('all'),
      limitUptime: z.string().trim().regex(/^(\d+[wdhms])*$/, 'like 1d, 3h or 1d12h').default(''),
      limitBytesTotal: z.number().int().nonnegative().default(0),
      price: z.number().int().nonnegative().max(100_000_000),
      comment: z.string().trim().max(40).default(''),
      /** Put the cards in stock as a product the POS sells. */
      sellAtPos: z.boolean().default(true),
      warehouseId: Id.optional(),
    }),
    output: VoucherBatch,
    access: 'network.manage',
    // Reads the router's users first (no transaction may wait on a router), then writes in one
    // transaction of its own, audited.
    writes: false,
  },
  'network.hotspot.vouchers.pdf': {
    summary: 'Printable voucher cards of a batch (A4, QR of the login URL on each card).',
    input: z.strictObject({ batchId: Id }),
    output: z.strictObject({ fileName: z.string(), pdfBase64: z.string(), cards: z.number().int() }),
    access: 'network.view',
    writes: false,
  },
  'network.queues.list': {
    summary: 'Simple queues on the router.',
    input: z.strictObject(routerRef),
    output: z.array(z.strictObject({ routerItemId: z.string(), name: z.string(), target: z.string(), maxLimit: z.string(), disabled: z.boolean(), comment: z.string() })),
    access: 'network.view',
    writes: false,
  },
  'network.queues.upsert': {
    summary: 'Creates or changes a simple queue (by name) through a job.',
    input: z.strictObject({ ...routerRef, name: RosName, target: z.string().trim().min(1).max(100), maxLimit: RateLimit, disabled: z.boolean().default(false) }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.addressList.list': {
    summary: 'Firewall address-list entries (e.g. the isolir list): Gerai’s own merged with the router’s; only Gerai’s when the router cannot be reached.',
    input: z.strictObject({ ...routerRef, list: z.string().trim().max(64).optional() }),
    output: z.array(AddressListEntry),
    access: 'network.view',
    writes: false,
  },
  'network.addressList.add': {
    summary: 'Adds an address to a firewall address list (isolir) through a job.',
    input: z.strictObject({ ...routerRef, list: RosName, address: z.string().trim().min(1).max(64), note: z.string().trim().max(80).default('') }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.addressList.remove': {
    summary: 'Removes an address from a firewall address list through a job.',
    input: z.strictObject({ ...routerRef, list: RosName, address: z.string().trim().min(1).max(64) }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.jobs.list': {
    summary: 'Router jobs, newest first: pending, failed, done, cancelled.',
    input: z.strictObject({ routerId: Id.optional(), state: JobState.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(RouterJob),
    access: 'network.view',
    writes: false,
  },
  'network.jobs.retry': {
    summary: 'Makes a failed or waiting job due now (it still runs after earlier jobs of the same router).',
    input: z.strictObject({ id: Id }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.jobs.cancel': {
    summary: 'Cancels a job that has not finished (an attempt already under way still completes on the router).',
    input: z.strictObject({ id: Id }),
    output: RouterJob,
    access: 'network.manage',
    writes: true,
  },
  'network.reconcile.preview': {
    summary: 'Compares what Gerai says should be on a router (managed PPP secrets, address lists) with what is there.',
    input: z.strictObject(routerRef),
    output: z.strictObject({ checkedAt: EpochMs, drift: z.array(DriftRow) }),
    access: 'network.view',
    writes: false,
  },
  'network.reconcile.apply': {
    summary: 'Fixes the drift as jobs: adds what is missing, removes extras Gerai owns, corrects differences.',
    input: z.strictObject(routerRef),
    output: z.strictObject({ jobs: z.array(RouterJob), fixed: z.number().int() }),
    access: 'network.manage',
    // Reads the router first, then enqueues the jobs in one transaction of its own, audited.
    writes: false,
  },
});
