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
import { geraiComment, taggedRowId } from './router-comment';
import { enqueueJob, type JobOperations } from './router-jobs';
import { BULK_LOOKUP, itemsByKey, removeItems, settleAll } from './router-ops';
import type { RouterClient, RouterRecord } from './routeros/routeros-client';
import { storeSecret } from './secret-store';

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
  const row = await ctx.db
    .selectFrom('hotspot_users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (row.profile !== profile) await ctx.writer.update(ctx.db, 'hotspot_users', row.id, { profile });
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
  const row = await ctx.db
    .selectFrom('hotspot_users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const patch: Partial<Pick<HotspotUserRow, 'address' | 'mac_address'>> = {};
  if (change.address !== undefined && change.address !== row.address) patch.address = change.address;
  if (change.macAddress !== undefined && change.macAddress !== row.mac_address)
    patch.mac_address = change.macAddress;
  if (Object.keys(patch).length > 0) await ctx.writer.update(ctx.db, 'hotspot_users', row.id, patch);
  if (change.password !== undefined) {
    await storeSecret(ctx.db, ctx.secrets, hotspotUserSecretName(row.id), change.password, ctx.clock.now());
  }
  return enqueueHotspotUserSync(ctx, row.router_id, [row.id], label);
}

// ---- router operations ---------------------------------------------------------------------------

const IN_CHUNK = 900;
const SYNC_PROPS = ['.id', 'name', 'address', 'mac-address', 'comment'] as const;

async function rowsByIds<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await load(ids.slice(i, i + IN_CHUNK))));
  return out;
}

/** The router's hotspot users for these rows, by name and by Gerai's tag (renamed on the router). */
async function userItems(
  client: RouterClient,
  rows: readonly HotspotUserRow[],
): Promise<{ byName: Map<string, RouterRecord[]>; byTag: Map<string, RouterRecord> }> {
  const byTag = new Map<string, RouterRecord>();
  const tagAll = (items: Iterable<RouterRecord>) => {
    for (const item of items) {
      const tag = taggedRowId(item.comment);
      if (tag !== null && !byTag.has(tag)) byTag.set(tag, item);
    }
  };
  const byName = await itemsByKey(
    client,
    '/ip/hotspot/user',
    rows.map((row) => row.name),
    { proplist: SYNC_PROPS },
  );
  for (const items of byName.values()) tagAll(items);
  const unfound = rows.filter(
    (row) => row.deleted_at === null && !byName.has(row.name) && !byTag.has(row.id),
  );
  if (unfound.length > BULK_LOOKUP) {
    tagAll(await client.print('/ip/hotspot/user', { proplist: SYNC_PROPS }));
  } else {
    const renamed = await settleAll(unfound, (row) =>
      client.print('/ip/hotspot/user', {
        query: { comment: geraiComment(row.id, row.note) },
        proplist: SYNC_PROPS,
      }),
    );
    tagAll(renamed.flat());
  }
  return { byName, byTag };
}

export const hotspotUserOperations: Pick<JobOperations, 'hotspot.user.sync' | 'hotspot.profile.upsert'> = {
  /**
   * Live rows are set (found by name, so an existing router user is adopted; else by Gerai's tag) or
   * added; deleted rows are removed when the router's item still carries their tag. Disabled users
   * also lose their sessions and cookies.
   */
  async 'hotspot.user.sync'({ userIds }, { db, client, router, secrets }) {
    const rows = await rowsByIds(userIds, (chunk) =>
      db
        .selectFrom('hotspot_users')
        .selectAll()
        .where('id', 'in', chunk)
        .where('router_id', '=', router.id)
        .execute(),
    );
    const live = rows.filter((row) => row.deleted_at === null);
    const sealed = await rowsByIds(
      live.map((row) => hotspotUserSecretName(row.id)),
      (chunk) => db.selectFrom('secrets').select(['name', 'value']).where('name', 'in', chunk).execute(),
    );
    const passwords = new Map(sealed.map((row) => [row.name, secrets.decrypt(row.value)]));
    const existing = await userItems(client, rows);
    const counts = { added: 0, updated: 0, removed: 0, skipped: 0, kicked: 0 };
    await settleAll(
      rows,
      async (row) => {
        const items = existing.byName.get(row.name) ?? [];
        if (row.deleted_at !== null) {
          // Only the item carrying this row's tag: a same-named user that is not Gerai's stays.
          const ours = items.filter((item) => taggedRowId(item.comment) === row.id);
          counts.skipped += items.length - ours.length;
          counts.removed += await removeItems(client, '/ip/hotspot/user', ours);
          return;
        }
        const attributes = {
          name: row.name,
          password: passwords.get(hotspotUserSecretName(row.id)),
          profile: row.profile,
          server: row.server || 'all',
          address: row.address || undefined,
          'mac-address': row.mac_address || undefined,
          disabled: row.disabled === 1,
          comment: geraiComment(row.id, row.note),
        };
        const item = items[0] ?? existing.byTag.get(row.id);
        if (item?.['.id']) {
          await client.set('/ip/hotspot/user', item['.id'], attributes);
          // An empty field means "none": clear what the router has.
          if (!row.address && item.address) await client.unset('/ip/hotspot/user', item['.id'], 'address');
          if (!row.mac_address && item['mac-address'])
            await client.unset('/ip/hotspot/user', item['.id'], 'mac-address');
          counts.updated++;
        } else {
          await client.add('/ip/hotspot/user', attributes);
          counts.added++;
        }
      },
      (row) => row.name,
    );
    const disabled = live.filter((row) => row.disabled === 1).map((row) => row.name);
    if (disabled.length > 0) {
      const keyed = {
        proplist: ['.id', 'user'],
        keyOf: (item: RouterRecord) => item.user ?? '',
        queryOf: (user: string) => ({ user }),
      };
      const sessions = await itemsByKey(client, '/ip/hotspot/active', disabled, keyed);
      const cookies = await itemsByKey(client, '/ip/hotspot/cookie', disabled, keyed);
      counts.kicked = await removeItems(client, '/ip/hotspot/active', [...sessions.values()].flat());
      await removeItems(client, '/ip/hotspot/cookie', [...cookies.values()].flat());
    }
    return counts;
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
