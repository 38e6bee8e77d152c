import { z } from 'zod';
import { defineChannels } from './channel';
import { Id, Ok } from './common.schema';

export const IpPool = z.strictObject({
  id: Id,
  routerId: Id,
  routerName: z.string(),
  name: z.string(),
  /** As entered, e.g. "10.10.0.0/24, 10.20.0.2-10.20.0.254". */
  ranges: z.string(),
  notes: z.string(),
  /** Addresses the ranges hold. */
  size: z.number().int(),
  /** Addresses in the ranges held by live subscriptions or managed PPP secrets. */
  used: z.number().int(),
});
export type IpPool = z.infer<typeof IpPool>;

export const AddressHolder = z.strictObject({
  kind: z.enum(['subscription', 'ppp_secret', 'hotspot_user']),
  id: Id,
  /** The subscription's code; empty for a PPP secret. */
  code: z.string(),
  /** The customer's name (subscription) or the secret's (hotspot user's) name. */
  name: z.string(),
});
export type AddressHolder = z.infer<typeof AddressHolder>;

const PoolName = z.string().trim().min(1).max(60);
const Ranges = z.string().trim().min(1).max(2000);

export const ipamChannels = defineChannels({
  'ipam.pools.list': {
    summary: 'IP pools, of one router or all, with their size and addresses in use.',
    input: z.strictObject({ routerId: Id.optional() }),
    output: z.array(IpPool),
    access: 'network.view',
    writes: false,
  },
  'ipam.pools.create': {
    summary:
      'Adds an IP pool to a router; ranges are CIDR blocks or a-b ranges, comma-separated, not overlapping the router’s other pools.',
    input: z.strictObject({
      routerId: Id,
      name: PoolName,
      ranges: Ranges,
      notes: z.string().trim().max(1000).default(''),
    }),
    output: IpPool,
    access: 'network.manage',
    writes: true,
  },
  'ipam.pools.update': {
    summary: 'Changes a pool; its ranges must still hold every address in use.',
    input: z.strictObject({
      id: Id,
      name: PoolName.optional(),
      ranges: Ranges.optional(),
      notes: z.string().trim().max(1000).optional(),
    }),
    output: IpPool,
    access: 'network.manage',
    writes: true,
  },
  'ipam.pools.remove': {
    summary: 'Removes a pool; refused while subscriptions hold static addresses in it.',
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: 'network.manage',
    writes: true,
  },
  'ipam.pools.usage': {
    summary:
      'A pool’s size, who holds its addresses (subscriptions, managed PPP secrets) and the next free addresses.',
    input: z.strictObject({ poolId: Id, freeLimit: z.number().int().min(1).max(256).default(10) }),
    output: z.strictObject({
      poolId: Id,
      size: z.number().int(),
      used: z.number().int(),
      usedBySubscriptions: z.number().int(),
      usedBySecrets: z.number().int(),
      free: z.number().int(),
      nextFree: z.array(z.string()),
      holders: z.array(z.strictObject({ address: z.string(), holder: AddressHolder })),
    }),
    access: 'network.view',
    writes: false,
  },
  'ipam.addresses.check': {
    summary: 'Whether a static address can go to a subscription on a router (the form’s live check).',
    input: z.strictObject({
      routerId: Id,
      address: z.string().trim().max(64),
      exceptSubscriptionId: Id.optional(),
    }),
    output: z.strictObject({
      ok: z.boolean(),
      reason: z.enum(['invalid', 'outside', 'reserved', 'taken']).nullable(),
      /** Why not, in the caller's language; null when ok. */
      message: z.string().nullable(),
      conflict: AddressHolder.nullable(),
      /** The pool the address falls in, if any. */
      poolName: z.string().nullable(),
    }),
    access: 'network.view',
    writes: false,
  },
});
