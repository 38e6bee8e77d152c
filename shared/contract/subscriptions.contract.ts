import { z } from 'zod';
import { isLocalDate } from '../domain/calendar';
import { normalizeIndonesianPhone } from '../domain/phone';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';
import { PlanService } from './plans.contract';

const LocalDay = z.string().trim().refine(isLocalDate, 'a date as YYYY-MM-DD');

export const SubscriptionState = z.enum(['pending', 'active', 'isolated', 'terminated']);
export type SubscriptionState = z.infer<typeof SubscriptionState>;
export const SubscriptionEventKind = z.enum([
  'create',
  'activate',
  'isolate',
  'reactivate',
  'terminate',
  'plan_change',
  'update',
]);

/** A PPPoE (or hotspot) username as the router takes it: letters, digits and . _ - @. */
export const PppUsername = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._@-]{1,64}$/, '1–64 letters, digits, dot, dash, underscore or @');
/** A PPPoE (or hotspot) password: printable, no spaces or quotes. */
export const PppPassword = z
  .string()
  .regex(/^[!#-&(-~]{4,64}$/, '4–64 printable characters, no spaces or quotes');

export const Subscription = z.strictObject({
  id: Id,
  code: z.string(),
  customerId: Id,
  customerName: z.string(),
  customerCode: z.string(),
  planId: Id,
  planName: z.string(),
  /** The plan's monthly price in rupiah. */
  planPrice: z.number().int(),
  /** The plan's service: a PPPoE secret or a hotspot user on the router. */
  service: PlanService,
  /** The plan's `upload/download`, e.g. `5M/10M`. */
  rateLimit: z.string(),
  routerId: Id,
  routerName: z.string(),
  /** The PPP secret's or hotspot user's name on the router. */
  username: z.string(),
  /** Static IP, or empty (the router's pool gives one). */
  remoteAddress: z.string(),
  odpId: Id.nullable(),
  odpName: z.string().nullable(),
  /** Hotspot: the MAC address the managed hotspot user is bound to, or empty (any device). */
  macAddress: z.string(),
  state: SubscriptionState,
  /** Day of the month its billing period starts. */
  anchorDay: z.number().int(),
  activatedOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  notes: z.string(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Subscription = z.infer<typeof Subscription>;

export const SubscriptionEvent = z.strictObject({
  id: Id,
  kind: SubscriptionEventKind,
  fromState: SubscriptionState.nullable(),
  toState: SubscriptionState,
  reason: z.string(),
  userId: Id.nullable(),
  /** Who did it; null when the scheduler did (dunning). */
  userName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: EpochMs,
});
export type SubscriptionEvent = z.infer<typeof SubscriptionEvent>;

/** A transition's answer: the subscription after it and the router jobs it queued. */
const TransitionResult = z.strictObject({ subscription: Subscription, jobIds: z.array(Id) });

const PlanBrief = z.strictObject({ id: Id, name: z.string(), price: z.number().int() });

export const ProrationPeriod = z.strictObject({
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  periodDays: z.number().int(),
  from: z.string(),
  days: z.number().int(),
  /** Negative: the unused days of the old plan. */
  credit: z.number().int(),
  /** The new plan for the same days. */
  charge: z.number().int(),
});

export const PlanChangePreview = z.strictObject({
  effectiveOn: z.string(),
  oldPlan: PlanBrief,
  newPlan: PlanBrief,
  /** The current period, then every later period already invoiced at the old plan. */
  periods: z.array(ProrationPeriod),
  credit: z.number().int(),
  charge: z.number().int(),
  /** What the next invoice gains (negative: it shrinks). */
  net: z.number().int(),
});
export type PlanChangePreview = z.infer<typeof PlanChangePreview>;

const Reason = z.string().trim().min(1).max(500);

/** A MAC address as AA:BB:CC:DD:EE:FF (dashes accepted, any case); empty unbinds. */
export const MacAddress = z
  .string()
  .trim()
  .transform((value) => value.replace(/-/g, ':').toUpperCase())
  .pipe(
    z.union([
      z.literal(''),
      z.string().regex(/^([0-9A-F]{2}:){5}[0-9A-F]{2}$/, 'a MAC address as AA:BB:CC:DD:EE:FF'),
    ]),
  );
const transition = (summary: string, access: 'customers.manage' | 'billing.manage') => ({
  summary,
  input: z.strictObject({ id: Id, reason: Reason }),
  output: TransitionResult,
  access,
  writes: true as const,
});

const Message = z.strictObject({ id: z.string(), en: z.string() });

/** Optional WhatsApp number: empty, or any Indonesian notation, stored as +62…. */
const Phone = z
  .string()
  .trim()
  .max(30)
  .transform((value, ctx) => {
    if (value === '') return '';
    const normalized = normalizeIndonesianPhone(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'not an Indonesian phone number (e.g. 0812-3456-7890)' });
      return z.NEVER;
    }
    return normalized;
  });

/** The most items one adoption takes. */
export const ADOPT_MAX_ITEMS = 1000;

/** A PPP secret on the router that Gerai does not manage yet, with what adopting it would suggest. */
export const AdoptCandidate = z.strictObject({
  /** The secret's name on the router (becomes the subscription's username). */
  name: z.string(),
  profile: z.string(),
  service: z.string(),
  /** Static IP on the router, or empty (the profile's pool gives one). */
  remoteAddress: z.string(),
  disabled: z.boolean(),
  comment: z.string(),
  callerId: z.string(),
  /** False when the router did not show the password (its API user lacks the `sensitive` policy). */
  passwordReadable: z.boolean(),
  /** A live PPPoE plan whose router profile is the secret's profile; null when none. */
  suggestedPlan: z.strictObject({ id: Id, name: z.string() }).nullable(),
  /** An existing customer whose code, name or WhatsApp matches the secret's name or comment. */
  suggestedCustomer: z.strictObject({ id: Id, code: z.string(), name: z.string() }).nullable(),
  /** A name for a new customer, from the comment or the secret's name ("budi.santoso" → "Budi Santoso"). */
  suggestedName: z.string(),
  /** The state adoption gives with the suggested plan: isolated when disabled or on its isolir profile. */
  suggestedState: z.enum(['active', 'isolated']),
  /** Why the remote address cannot be taken over as it is (already held in Gerai), else null. */
  conflict: Message.nullable(),
});
export type AdoptCandidate = z.infer<typeof AdoptCandidate>;

export const AdoptItem = z.strictObject({
  /** The secret's name on the router. */
  name: z.string().trim().min(1).max(100),
  planId: Id,
  /** An existing customer… */
  customerId: Id.optional(),
  /** …or a new one (exactly one of the two). */
  newCustomer: z
    .strictObject({
      name: z.string().trim().min(1).max(100),
      phone: Phone.default(''),
      address: z.string().trim().max(500).default(''),
    })
    .optional(),
  /** Default: isolated when the secret is disabled or on the plan's isolir profile, else active. */
  state: z.enum(['active', 'isolated']).optional(),
});
export type AdoptItem = z.input<typeof AdoptItem>;

/** One problem of one item: the secret's name, the field, a message in both languages. */
export const AdoptError = z.strictObject({ name: z.string(), field: z.string(), message: Message });
export type AdoptError = z.infer<typeof AdoptError>;

/** Subscriptions: a customer's service on a router, through its lifecycle. */
export const subscriptionsChannels = defineChannels({
  'subscriptions.list': {
    summary:
      'Subscriptions by state, customer, router, plan, service or text (code, username, customer), a page at a time.',
    input: z.strictObject({
      state: SubscriptionState.optional(),
      customerId: Id.optional(),
      routerId: Id.optional(),
      planId: Id.optional(),
      service: PlanService.optional(),
      query: z.string().trim().max(80).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ subscriptions: z.array(Subscription), total: z.number().int() }),
    access: 'customers.view',
    writes: false,
  },
  'subscriptions.get': {
    summary: 'One subscription with every recorded transition (who, when, why).',
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ subscription: Subscription, events: z.array(SubscriptionEvent) }),
    access: 'customers.view',
    writes: false,
  },
  'subscriptions.create': {
    summary:
      'Adds a pending subscription: customer, plan (PPPoE or hotspot), router, username (default from the customer code) and password (generated when empty, kept sealed), optional static IP and ODP.',
    input: z.strictObject({
      customerId: Id,
      planId: Id,
      routerId: Id,
      username: z.union([z.literal(''), PppUsername]).default(''),
      password: z.union([z.literal(''), PppPassword]).default(''),
      remoteAddress: z.string().trim().max(15).default(''),
      odpId: Id.nullable().default(null),
      notes: z.string().trim().max(1000).default(''),
    }),
    output: z.strictObject({
      subscription: Subscription,
      /** The password Gerai made, shown once; null when the caller gave one. */
      generatedPassword: z.string().nullable(),
    }),
    access: 'customers.manage',
    writes: true,
  },
  'subscriptions.update': {
    summary:
      'Edits a live subscription: static IP (conflict-checked; an isolir address-list entry moves with it), ODP (port checked), notes, hotspot MAC binding and a new password (kept sealed); the login on the router follows through router jobs and the session is kicked when the IP or password changed.',
    input: z.strictObject({
      id: Id,
      /** New static IP; empty clears it (refused while the plan isolates by address list). */
      remoteAddress: z.string().trim().max(15).optional(),
      odpId: Id.nullable().optional(),
      notes: z.string().trim().max(1000).optional(),
      /** Hotspot only: binds the hotspot user to this device; empty unbinds. */
      macAddress: MacAddress.optional(),
      /** A new PPPoE/hotspot password. */
      password: PppPassword.optional(),
      /** Why, kept with the change in the history. */
      reason: z.string().trim().max(500).default(''),
    }),
    output: TransitionResult,
    access: 'customers.manage',
    writes: true,
  },
  'subscriptions.activate': transition(
    'Pending → active: the PPPoE secret (or hotspot user) and the plan’s profile are provisioned on the router (router jobs); billing starts.',
    'customers.manage',
  ),
  'subscriptions.isolate': transition(
    'Active → isolated: isolir profile or address list on the router, and the session is kicked.',
    'billing.manage',
  ),
  'subscriptions.reactivate': transition(
    'Isolated → active: isolation undone on the router, and the session is kicked.',
    'billing.manage',
  ),
  'subscriptions.terminate': transition(
    'Ends a subscription: its secret or hotspot user (and isolir address entry) are removed from the router, and the session kicked.',
    'customers.manage',
  ),
  'subscriptions.changePlan': {
    summary:
      'Moves a subscription to another plan of the same service mid-period: unused days of the old plan credited, the new plan charged for them (on the next invoice); router profile changed and session kicked.',
    input: z.strictObject({ id: Id, planId: Id, reason: Reason, effectiveOn: LocalDay.optional() }),
    output: z.strictObject({ subscription: Subscription, proration: PlanChangePreview, jobIds: z.array(Id) }),
    access: 'billing.manage',
    writes: true,
  },
  'subscriptions.changePlan.preview': {
    summary: 'The proration a plan change would write, without writing it.',
    input: z.strictObject({ id: Id, planId: Id, effectiveOn: LocalDay.optional() }),
    output: PlanChangePreview,
    access: 'billing.manage',
    writes: false,
  },
  'subscriptions.adopt.preview': {
    summary:
      'Reads the PPP secrets on a router and lists those Gerai does not manage yet, each with a suggested plan (by profile), customer (by code, name or WhatsApp) or new-customer name, and any address conflict.',
    input: z.strictObject({ routerId: Id }),
    output: z.strictObject({
      routerId: Id,
      checkedAt: EpochMs,
      /** Secrets on the router Gerai already manages (not listed). */
      managed: z.number().int(),
      secrets: z.array(AdoptCandidate),
    }),
    access: 'customers.manage',
    writes: false,
  },
  'subscriptions.adopt': {
    summary:
      'Takes existing PPP secrets of a router into Gerai as customers (existing or new) and live subscriptions, keeping their password, profile and address on the router (one sync job tags them); all or nothing, with every item’s problems.',
    input: z.strictObject({
      routerId: Id,
      items: z.array(AdoptItem).min(1).max(ADOPT_MAX_ITEMS),
    }),
    output: z.strictObject({
      adopted: z.number().int(),
      customersCreated: z.number().int(),
      subscriptionIds: z.array(Id),
      jobIds: z.array(Id),
      errors: z.array(AdoptError),
    }),
    access: 'customers.manage',
    // Reads the router first (passwords), then writes in one transaction of its own, audited.
    writes: false,
  },
});
