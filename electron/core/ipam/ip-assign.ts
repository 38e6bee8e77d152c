import {
  formatIpv4,
  isBlockEdge,
  parseIpv4,
  parseRanges,
  rangesContain,
  type Ipv4Range,
} from '../../../shared/domain/ipv4';
import type { HandlerContext } from '../context';
import { AppError, type Message } from '../platform/errors';

type Db = Pick<HandlerContext, 'db'>;

export type AddressHolder =
  | { kind: 'subscription'; id: string; code: string; name: string }
  | { kind: 'ppp_secret'; id: string; code: string; name: string }
  | { kind: 'hotspot_user'; id: string; code: string; name: string };

/** Why an address cannot be given, or null when it can. */
export type AddressProblem =
  | { reason: 'invalid' | 'outside' | 'reserved'; message: Message }
  | { reason: 'taken'; message: Message; holder: AddressHolder };

export type RouterPool = { id: string; name: string; ranges: Ipv4Range[] };

/** The router's live pools with their parsed ranges (a pool whose text no longer parses holds nothing). */
export async function routerPools(ctx: Db, routerId: string): Promise<RouterPool[]> {
  const rows = await ctx.db
    .selectFrom('ip_pools')
    .select(['id', 'name', 'ranges'])
    .where('router_id', '=', routerId)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map((row) => {
    const parsed = parseRanges(row.ranges);
    return { id: row.id, name: row.name, ranges: parsed.ok ? parsed.ranges : [] };
  });
}

/**
 * Who on the router already holds the address: a live subscription, else a PPP secret or a hotspot
 * user Gerai manages (the subscription's own login carries its address: not a conflict).
 */
async function findHolder(
  ctx: Db,
  routerId: string,
  address: string,
  exceptSubscriptionId?: string,
): Promise<AddressHolder | null> {
  let subscriptions = ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.code', 'c.name'])
    .where('s.router_id', '=', routerId)
    .where('s.remote_address', '=', address)
    .where('s.deleted_at', 'is', null)
    .where('s.state', '!=', 'terminated');
  if (exceptSubscriptionId) subscriptions = subscriptions.where('s.id', '!=', exceptSubscriptionId);
  const subscription = await subscriptions.executeTakeFirst();
  if (subscription)
    return { kind: 'subscription', id: subscription.id, code: subscription.code, name: subscription.name };

  const own = exceptSubscriptionId
    ? await ctx.db
        .selectFrom('subscriptions')
        .select(['ppp_secret_id', 'hotspot_user_id'])
        .where('id', '=', exceptSubscriptionId)
        .executeTakeFirst()
    : undefined;
  let secrets = ctx.db
    .selectFrom('ppp_secrets as p')
    .select(['p.id', 'p.name'])
    .where('p.router_id', '=', routerId)
    .where('p.remote_address', '=', address)
    .where('p.deleted_at', 'is', null);
  if (own?.ppp_secret_id) secrets = secrets.where('p.id', '!=', own.ppp_secret_id);
  const secret = await secrets.executeTakeFirst();
  if (secret) return { kind: 'ppp_secret', id: secret.id, code: '', name: secret.name };

  let users = ctx.db
    .selectFrom('hotspot_users as h')
    .select(['h.id', 'h.name'])
    .where('h.router_id', '=', routerId)
    .where('h.address', '=', address)
    .where('h.deleted_at', 'is', null);
  if (own?.hotspot_user_id) users = users.where('h.id', '!=', own.hotspot_user_id);
  const user = await users.executeTakeFirst();
  if (user) return { kind: 'hotspot_user', id: user.id, code: '', name: user.name };
  return null;
}

/**
 * Checks a static address for a subscription on a router without throwing: well-formed, inside one of
 * the router's pools when it has any, not a block's network/broadcast address, and held by nobody else.
 */
export async function checkAddress(
  ctx: Db,
  routerId: string,
  address: string,
  exceptSubscriptionId?: string,
): Promise<AddressProblem | null> {
  const value = parseIpv4(address);
  if (value === null) {
    return {
      reason: 'invalid',
      message: {
        id: `"${address}" bukan alamat IPv4 (contoh 10.10.0.25)`,
        en: `"${address}" is not an IPv4 address (e.g. 10.10.0.25)`,
      },
    };
  }
  const canonical = formatIpv4(value);
  const pools = await routerPools(ctx, routerId);
  if (pools.length > 0) {
    const pool = pools.find((candidate) => rangesContain(candidate.ranges, value));
    if (!pool) {
      const names = pools.map((candidate) => candidate.name).join(', ');
      return {
        reason: 'outside',
        message: {
          id: `${canonical} di luar pool router ini (${names})`,
          en: `${canonical} is outside this router's pools (${names})`,
        },
      };
    }
    if (isBlockEdge(pool.ranges, value)) {
      return {
        reason: 'reserved',
        message: {
          id: `${canonical} adalah alamat jaringan/broadcast pool ${pool.name}`,
          en: `${canonical} is a network/broadcast address of pool ${pool.name}`,
        },
      };
    }
  }
  const holder = await findHolder(ctx, routerId, canonical, exceptSubscriptionId);
  if (holder) {
    const message: Message =
      holder.kind === 'subscription'
        ? {
            id: `${canonical} sudah dipakai langganan ${holder.code} (${holder.name})`,
            en: `${canonical} is already used by subscription ${holder.code} (${holder.name})`,
          }
        : holder.kind === 'hotspot_user'
          ? {
              id: `${canonical} sudah dipakai user hotspot ${holder.name}`,
              en: `${canonical} is already used by hotspot user ${holder.name}`,
            }
          : {
              id: `${canonical} sudah dipakai PPP secret ${holder.name}`,
              en: `${canonical} is already used by PPP secret ${holder.name}`,
            };
    return { reason: 'taken', message, holder };
  }
  return null;
}

/**
 * Refuses a static address for a subscription: VALIDATION (fields.remoteAddress) when it is not an IPv4
 * address or lies outside every pool of a router that has pools; CONFLICT when another live
 * subscription, a managed PPP secret or a managed hotspot user on that router holds it.
 */
export async function assertAddressAssignable(
  ctx: Pick<HandlerContext, 'db'>,
  routerId: string,
  address: string,
  exceptSubscriptionId?: string,
): Promise<void> {
  const problem = await checkAddress(ctx, routerId, address.trim(), exceptSubscriptionId);
  if (!problem) return;
  const code = problem.reason === 'taken' ? 'CONFLICT' : 'VALIDATION';
  throw new AppError(code, problem.message, { fields: { remoteAddress: problem.message.en } });
}
