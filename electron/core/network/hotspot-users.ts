/**
 * Hotspot users Gerai manages (a hotspot subscription's login), in the shape of the PPP secrets: a
 * `hotspot_users` row per user, its password sealed in `secrets` as `hotspot:<id>`, and durable
 * router jobs that make the router match — the user upserted by name (an existing one adopted) with
 * the comment `gerai:<row id>`, or removed when the row is deleted. Vouchers stay in
 * hotspot.service.ts: they are sold cards, not managed accounts.
 */
import type { RouterJob } from '../../../shared/contract/network.contract';
import type { HandlerContext } from '../context';
import type { HotspotUserRow } from './network.tables';
import { changeLoginRow } from './managed-login';
import { geraiComment } from './router-comment';
import { enqueueJob, type JobOperations } from './router-jobs';
import { itemsByKey, removeItems } from './router-ops';
import type { RouterRecord } from './routeros/routeros-client';
import { rowsByIds, syncTaggedItems } from './tagged-sync';

type EnqueueContext = Parameters<typeof enqueueJob>[0];

/** The `secrets` row holding a managed hotspot user's password. */
export const hotspotUserSecretName = (userId: string) => `hotspot:${userId}`;

// ---- for other modules (subscriptions): the only way they change hotspot users on a router ------

/** Queues making the router's hotspot users match these rows (upserted, or removed when deleted). */
export function enqueueHotspotUserSync(
  ctx: EnqueueContext,
  routerId: string,
  userIds: string[],
  label: string,
): Promise<RouterJob> {
  return enqueueJob(ctx, routerId, 'hotspot.user.sync', { userIds }, label);
}

/** Queues ending the user's hotspot sessions and forgetting its cookies (the next visit asks for a login). */
export function enqueueHotspotKick(ctx: EnqueueContext, routerId: string, user: string): Promise<RouterJob> {
  return enqueueJob(ctx, routerId, 'hotspot.active.kick', { user }, `Hotspot ${user}: log out`);
}

/**
 * Queues making a hotspot user profile carry this rate-limit (`upload/download`, e.g. `5M/10M`),
 * adding the profile when missing; its other settings stay as the operator set them. With
 * `onlyIfMissing` an existing profile is left entirely as it is (an isolir profile the operator tuned).
 */
export function enqueueHotspotProfileUpsert(
  ctx: EnqueueContext,
  routerId: string,
  profile: { name: string; rateLimit: string; onlyIfMissing?: boolean },
): Promise<RouterJob> {
  const payload = {
    name: profile.name,
    rateLimit: profile.rateLimit,
    onlyIfMissing: profile.onlyIfMissing ?? false,
  };
  return enqueueJob(
    ctx,
    routerId,
    'hotspot.profile.upsert',
    payload,
    `Hotspot profile ${profile.name}${profile.onlyIfMissing ? ' (if missing)' : ''}`,
  );
}

/** The live managed hotspot user of this name on the router, if Gerai has one. */
export function liveHotspotUser(
  ctx: Pick<HandlerContext, 'db'>,
  routerId: string,
  name: string,
): Promise<HotspotUserRow | undefined> {
  return ctx.db
    .selectFrom('hotspot_users')
    .selectAll()
    .where('router_id', '=', routerId)
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Moves a managed hotspot user to another profile (plan change, isolir) and queues the router change. */
export async function setHotspotUserProfile(
  ctx: HandlerContext,
  userId: string,
  profile: string,
  label: string,
): Promise<RouterJob> {
  const row = await changeLoginRow(ctx, 'hotspot_users', userId, { profile });
  return enqueueHotspotUserSync(ctx, row.router_id, [row.id], label);
}

/**
 * Gives a managed hotspot user another static address, bound MAC (empty: none) and/or password
 * (sealed in the secret store) and queues the router change (no kick: callers add it).
 */
export async function setHotspotUserLogin(
  ctx: HandlerContext,
  userId: string,
  change: { address?: string; macAddress?: string; password?: string },
  label: string,
): Promise<RouterJob> {
  const columns = { address: change.address, mac_address: change.macAddress };
  const password = { secretName: hotspotUserSecretName(userId), value: change.password };
  const row = await changeLoginRow(ctx, 'hotspot_users', userId, columns, password);
  return enqueueHotspotUserSync(ctx, row.router_id, [row.id], label);
}

// ---- router operations ---------------------------------------------------------------------------

export const hotspotUserOperations: Pick<JobOperations, 'hotspot.user.sync' | 'hotspot.profile.upsert'> = {
  /**
   * The router's users made to match the rows (tagged-sync.ts): names looked up first, the whole menu
   * read only when many rows are still unfound. Disabled users also lose their sessions and cookies.
   */
  async 'hotspot.user.sync'({ userIds }, env) {
    const { db, client, router } = env;
    const rows = await rowsByIds(userIds, (chunk) =>
      db
        .selectFrom('hotspot_users')
        .selectAll()
        .where('id', 'in', chunk)
        .where('router_id', '=', router.id)
        .execute(),
    );
    return syncTaggedItems(env, {
      menu: '/ip/hotspot/user',
      rows,
      secretName: hotspotUserSecretName,
      attributes: (row, password) => ({
        name: row.name,
        password,
        profile: row.profile,
        server: row.server || 'all',
        address: row.address || undefined,
        'mac-address': row.mac_address || undefined,
        disabled: row.disabled === 1,
        comment: geraiComment(row.id, row.note),
      }),
      clearable: ['address', 'mac-address'],
      printMenuForMany: false,
      kick: async (users) => {
        const keyed = {
          proplist: ['.id', 'user'],
          keyOf: (item: RouterRecord) => item.user ?? '',
          queryOf: (user: string) => ({ user }),
        };
        const sessions = await itemsByKey(client, '/ip/hotspot/active', users, keyed);
        const cookies = await itemsByKey(client, '/ip/hotspot/cookie', users, keyed);
        const kicked = await removeItems(client, '/ip/hotspot/active', [...sessions.values()].flat());
        await removeItems(client, '/ip/hotspot/cookie', [...cookies.values()].flat());
        return kicked;
      },
    });
  },

  /** Adds the profile with its rate-limit when missing; else sets only its rate-limit (unless `onlyIfMissing`). */
  async 'hotspot.profile.upsert'({ name, rateLimit, onlyIfMissing }, { client }) {
    const [item] = await client.print('/ip/hotspot/user/profile', {
      query: { name },
      proplist: ['.id', 'name', 'rate-limit'],
    });
    if (!item?.['.id']) {
      await client.add('/ip/hotspot/user/profile', rateLimit ? { name, 'rate-limit': rateLimit } : { name });
      return { added: 1 };
    }
    if (onlyIfMissing) return { kept: 1 };
    if (rateLimit !== '')
      await client.set('/ip/hotspot/user/profile', item['.id'], { 'rate-limit': rateLimit });
    else if (item['rate-limit']) await client.unset('/ip/hotspot/user/profile', item['.id'], 'rate-limit');
    return { updated: 1 };
  },
};
