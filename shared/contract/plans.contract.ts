import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

/** RouterOS speeds: whole kbit/s as `k`, whole Mbit/s as `M` (RouterOS counts k = 1000). */
function rosSpeed(kbps: number): string {
  return kbps % 1000 === 0 ? `${kbps / 1000}M` : `${kbps}k`;
}

/** The PPP profile's rate-limit for a plan: `upload/download` as RouterOS reads it, e.g. `5M/10M`. */
export function rateLimitOf(uploadKbps: number, downloadKbps: number): string {
  return `${rosSpeed(uploadKbps)}/${rosSpeed(downloadKbps)}`;
}

/** A profile or address-list name as RouterOS accepts it in the API. */
const RosName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (name) => ![...name].some((ch) => ch.charCodeAt(0) < 0x20 || ch === '"' || ch === '?'),
    'no control characters, quotes or ?',
  );
const OptionalRosName = z.union([z.literal(''), RosName]);
const Kbps = z.number().int().min(8).max(10_000_000);
const Rupiah = z.number().int().min(0).max(1_000_000_000);

export const PlanService = z.enum(['pppoe', 'hotspot']);
export const PlanTaxMode = z.enum(['included', 'excluded', 'exempt']);
export const IsolirMethod = z.enum(['profile', 'address-list']);
export type IsolirMethod = z.infer<typeof IsolirMethod>;

export const Plan = z.strictObject({
  id: Id,
  name: z.string(),
  service: PlanService,
  downloadKbps: z.number().int(),
  uploadKbps: z.number().int(),
  /** `upload/download` for the router's profile, e.g. `5M/10M`. */
  rateLimit: z.string(),
  /** Monthly price in rupiah. */
  price: z.number().int(),
  taxMode: PlanTaxMode,
  routerProfile: z.string(),
  isolirMethod: IsolirMethod,
  isolirProfile: z.string(),
  isolirAddressList: z.string(),
  installationFee: z.number().int(),
  notes: z.string(),
  archived: z.boolean(),
  /** Subscriptions on the plan that are not terminated. */
  liveSubscriptions: z.number().int(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Plan = z.infer<typeof Plan>;

const PlanFields = {
  name: z.string().trim().min(1).max(80),
  service: PlanService.default('pppoe'),
  downloadKbps: Kbps,
  uploadKbps: Kbps,
  price: Rupiah,
  taxMode: PlanTaxMode.default('included'),
  routerProfile: RosName,
  isolirMethod: IsolirMethod.default('profile'),
  isolirProfile: OptionalRosName.default(''),
  isolirAddressList: OptionalRosName.default(''),
  installationFee: Rupiah.default(0),
  notes: z.string().trim().max(1000).default(''),
};

export const plansChannels = defineChannels({
  'plans.list': {
    summary: 'Service plans by name, archived ones only when asked.',
    input: z.strictObject({
      query: z.string().trim().max(80).optional(),
      includeArchived: z.boolean().default(false),
    }),
    output: z.array(Plan),
    access: 'customers.view',
    writes: false,
  },
  'plans.get': {
    summary: 'One service plan.',
    input: z.strictObject({ id: Id }),
    output: Plan,
    access: 'customers.view',
    writes: false,
  },
  'plans.create': {
    summary:
      'Adds a service plan: speeds (the router profile’s rate-limit), monthly price, PPN mode, router profile, isolir method, installation fee.',
    input: z.strictObject(PlanFields).superRefine((plan, ctx) => {
      if (plan.isolirMethod === 'profile' && !plan.isolirProfile) {
        ctx.addIssue({
          code: 'custom',
          path: ['isolirProfile'],
          message: 'required when isolir is by profile',
        });
      }
      if (plan.isolirMethod === 'address-list' && !plan.isolirAddressList) {
        ctx.addIssue({
          code: 'custom',
          path: ['isolirAddressList'],
          message: 'required when isolir is by address list',
        });
      }
      if (plan.isolirMethod === 'profile' && plan.isolirProfile === plan.routerProfile) {
        ctx.addIssue({
          code: 'custom',
          path: ['isolirProfile'],
          message: 'must differ from the plan’s own profile',
        });
      }
    }),
    output: Plan,
    access: 'billing.manage',
    writes: true,
  },
  'plans.update': {
    summary:
      'Changes a plan; new speeds or profiles are pushed to the routers of its live subscriptions through router jobs.',
    input: z.strictObject({
      id: Id,
      name: PlanFields.name.optional(),
      downloadKbps: Kbps.optional(),
      uploadKbps: Kbps.optional(),
      price: Rupiah.optional(),
      taxMode: PlanTaxMode.optional(),
      routerProfile: RosName.optional(),
      isolirMethod: IsolirMethod.optional(),
      isolirProfile: OptionalRosName.optional(),
      isolirAddressList: OptionalRosName.optional(),
      installationFee: Rupiah.optional(),
      notes: z.string().trim().max(1000).optional(),
    }),
    output: Plan,
    access: 'billing.manage',
    writes: true,
  },
  'plans.archive': {
    summary: 'Archives a plan (no new subscriptions on it; live ones keep it) or brings it back.',
    input: z.strictObject({ id: Id, archived: z.boolean().default(true) }),
    output: Plan,
    access: 'billing.manage',
    writes: true,
  },
});
