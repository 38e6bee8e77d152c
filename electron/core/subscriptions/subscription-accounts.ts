/**
 * A subscription's login on its router: a PPP secret (PPPoE plans) or a hotspot user (hotspot
 * plans). The lifecycle in subscription-provisioning.ts speaks to this one shape; each function here
 * writes the managed row in the caller's transaction and queues the router job of its service
 * (network/ppp.service.ts or network/hotspot-users.ts).
 */
import type { RouterJob } from '../../../shared/contract/network.contract';
import type { HandlerContext } from '../context';
import {
  enqueueHotspotKick,
  enqueueHotspotProfileUpsert,
  enqueueHotspotUserSync,
  hotspotUserSecretName,
  setHotspotUserLogin,
  setHotspotUserProfile,
} from '../network/hotspot-users';
import {
  enqueuePppKick,
  enqueuePppProfileUpsert,
  enqueuePppSecretSync,
  setPppSecretLogin,
  setPppSecretProfile,
} from '../network/ppp.service';
import { deleteSecret, pppSecretName, storeSecret } from '../network/secret-store';
import { AppError } from '../platform/errors';
import type { PlanRow } from '../plans/plans.tables';
import type { SubscriptionRow } from './subscriptions.tables';

export type Service = PlanRow['service'];

type Sub = Pick<
  SubscriptionRow,
  'id' | 'code' | 'router_id' | 'username' | 'ppp_secret_id' | 'hotspot_user_id'
>;

/** How job labels and messages name the service. */
const SERVICE_LABEL: Record<Service, string> = { pppoe: 'PPP', hotspot: 'Hotspot' };

/**
 * The service a subscription's login is of: the account it has, else (pending) its plan's. A plan
 * change never crosses services, so the two agree.
 */
export function serviceOf(
  sub: Pick<Sub, 'ppp_secret_id' | 'hotspot_user_id'>,
  plan: Pick<PlanRow, 'service'>,
): Service {
  if (sub.hotspot_user_id) return 'hotspot';
  if (sub.ppp_secret_id) return 'pppoe';
  return plan.service;
}

/** `PPP budi` / `Hotspot budi`, the start of every job label about the subscription's login. */
export function accountLabel(service: Service, username: string): string {
  return `${SERVICE_LABEL[service]} ${username}`;
}

/** Queues a profile of the service with this rate-limit (see the network services for `onlyIfMissing`). */
export function enqueueProfile(
  ctx: HandlerContext,
  service: Service,
  routerId: string,
  profile: { name: string; rateLimit: string; onlyIfMissing?: boolean },
): Promise<RouterJob> {
  return service === 'hotspot'
    ? enqueueHotspotProfileUpsert(ctx, routerId, profile)
    : enqueuePppProfileUpsert(ctx, routerId, profile);
}

/** Queues ending the login's session (PPP: the active connection; hotspot: sessions and cookies). */
export function enqueueKick(
  ctx: HandlerContext,
  service: Service,
  routerId: string,
  username: string,
): Promise<RouterJob> {
  return service === 'hotspot'
    ? enqueueHotspotKick(ctx, routerId, username)
    : enqueuePppKick(ctx, routerId, username);
}

/** The subscription's live managed login. */
export type LiveAccount = { service: Service; id: string; routerId: string; name: string };

/** The subscription's live login, or null when it has none (pending, or removed on the network screen). */
export async function findLiveAccount(
  ctx: Pick<HandlerContext, 'db'>,
  sub: Sub,
  plan: Pick<PlanRow, 'service'>,
): Promise<LiveAccount | null> {
  const service = serviceOf(sub, plan);
  const id = service === 'hotspot' ? sub.hotspot_user_id : sub.ppp_secret_id;
  if (!id) return null;
  const row =
    service === 'hotspot'
      ? await ctx.db
          .selectFrom('hotspot_users')
          .select(['id', 'router_id', 'name'])
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
      : await ctx.db
          .selectFrom('ppp_secrets')
          .select(['id', 'router_id', 'name'])
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
  return row ? { service, id: row.id, routerId: row.router_id, name: row.name } : null;
}

/** The subscription's live login, or CONFLICT when it has none (removed on the network screen). */
export async function liveAccountOf(
  ctx: Pick<HandlerContext, 'db'>,
  sub: Sub,
  plan: Pick<PlanRow, 'service'>,
): Promise<LiveAccount> {
  const account = await findLiveAccount(ctx, sub, plan);
  if (account) return account;
  throw new AppError(
    'CONFLICT',
    serviceOf(sub, plan) === 'hotspot'
      ? {
          id: `User hotspot langganan ${sub.code} (${sub.username}) tidak ada lagi di Gerai; hentikan lalu buat ulang langganannya.`,
          en: `Subscription ${sub.code} no longer has its hotspot user (${sub.username}) in Gerai; terminate and create the subscription again.`,
        }
      : {
          id: `Secret PPP langganan ${sub.code} (${sub.username}) tidak ada lagi di Gerai; aktifkan ulang lewat layar Jaringan.`,
          en: `Subscription ${sub.code} no longer has its PPP secret (${sub.username}) in Gerai; restore it from the Network screen.`,
        },
  );
}

/** Moves the login to another profile and queues the router change (no kick: callers add it). */
export function setAccountProfile(
  ctx: HandlerContext,
  account: LiveAccount,
  profile: string,
  label: string,
): Promise<RouterJob> {
  return account.service === 'hotspot'
    ? setHotspotUserProfile(ctx, account.id, profile, label)
    : setPppSecretProfile(ctx, account.id, profile, label);
}

/** What an edit changes on a login: static address, bound MAC (hotspot only), password. */
export type LoginChange = { address?: string; macAddress?: string; password?: string };

/**
 * Writes the login's new static address, MAC binding (hotspot) and/or password (sealed under the
 * login's name) and queues its sync (no kick: callers add it).
 */
export function setAccountLogin(
  ctx: HandlerContext,
  account: LiveAccount,
  change: LoginChange,
  label: string,
): Promise<RouterJob> {
  if (account.service === 'hotspot') return setHotspotUserLogin(ctx, account.id, change, label);
  return setPppSecretLogin(
    ctx,
    account.id,
    { remoteAddress: change.address, password: change.password },
    label,
  );
}

/** The MAC address the subscription's hotspot user is bound to (empty for PPPoE or none). */
export async function accountMacAddress(
  ctx: Pick<HandlerContext, 'db'>,
  account: LiveAccount | null,
): Promise<string> {
  if (account?.service !== 'hotspot') return '';
  const row = await ctx.db
    .selectFrom('hotspot_users')
    .select('mac_address')
    .where('id', '=', account.id)
    .executeTakeFirst();
  return row?.mac_address ?? '';
}

/** Refuses when Gerai already manages a login of this name on the router (hotspot: vouchers too). */
export async function assertAccountNameFree(
  ctx: Pick<HandlerContext, 'db'>,
  service: Service,
  routerId: string,
  name: string,
): Promise<void> {
  if (!(await accountNameTaken(ctx, service, routerId, name))) return;
  throw new AppError(
    'CONFLICT',
    service === 'hotspot'
      ? {
          id: `Nama pengguna ${name} sudah dipakai user hotspot atau voucher lain di router ini.`,
          en: `The username ${name} is already used by another hotspot user or voucher on this router.`,
        }
      : {
          id: `Nama pengguna ${name} sudah dipakai secret PPP lain di router ini.`,
          en: `The username ${name} is already used by another PPP secret on this router.`,
        },
    { fields: { username: 'already used on this router' } },
  );
}

/** Whether Gerai manages a login of this name on the router (PPP secret; hotspot user or voucher). */
export async function accountNameTaken(
  ctx: Pick<HandlerContext, 'db'>,
  service: Service,
  routerId: string,
  name: string,
): Promise<boolean> {
  if (service === 'pppoe') {
    const secret = await ctx.db
      .selectFrom('ppp_secrets')
      .select('id')
      .where('router_id', '=', routerId)
      .where('name', '=', name)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Boolean(secret);
  }
  const user = await ctx.db
    .selectFrom('hotspot_users')
    .select('id')
    .where('router_id', '=', routerId)
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (user) return true;
  const voucher = await ctx.db
    .selectFrom('hotspot_vouchers')
    .select('id')
    .where('router_id', '=', routerId)
    .where('username', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(voucher);
}

/**
 * The subscription's managed login on the plan's profile (static address when it has one), its
 * password sealed under the login's own name, and the job that creates it on the router.
 */
export async function createAccount(
  ctx: HandlerContext,
  sub: Pick<SubscriptionRow, 'code' | 'router_id' | 'username' | 'remote_address'>,
  plan: PlanRow,
  password: string,
): Promise<{ account: LiveAccount; job: RouterJob }> {
  const label = `${accountLabel(plan.service, sub.username)}: create (${sub.code})`;
  if (plan.service === 'hotspot') {
    const user = await ctx.writer.insert(ctx.db, 'hotspot_users', {
      router_id: sub.router_id,
      name: sub.username,
      profile: plan.router_profile,
      server: 'all',
      mac_address: '',
      address: sub.remote_address,
      disabled: 0,
      note: sub.code,
    });
    await storeSecret(ctx.db, ctx.secrets, hotspotUserSecretName(user.id), password, ctx.clock.now());
    const job = await enqueueHotspotUserSync(ctx, sub.router_id, [user.id], label);
    return { account: { service: 'hotspot', id: user.id, routerId: sub.router_id, name: sub.username }, job };
  }
  const secret = await ctx.writer.insert(ctx.db, 'ppp_secrets', {
    router_id: sub.router_id,
    name: sub.username,
    profile: plan.router_profile,
    service: 'pppoe',
    remote_address: sub.remote_address,
    disabled: 0,
    note: sub.code,
  });
  await storeSecret(ctx.db, ctx.secrets, pppSecretName(secret.id), password, ctx.clock.now());
  const job = await enqueuePppSecretSync(ctx, sub.router_id, [secret.id], label);
  return { account: { service: 'pppoe', id: secret.id, routerId: sub.router_id, name: sub.username }, job };
}

/**
 * Deletes the subscription's login (row and password) and queues its removal from the router; null
 * when it has none left.
 */
export async function removeAccount(
  ctx: HandlerContext,
  sub: Sub,
  plan: Pick<PlanRow, 'service'>,
): Promise<RouterJob | null> {
  const account = await findLiveAccount(ctx, sub, plan);
  if (!account) return null;
  const label = `${accountLabel(account.service, sub.username)}: remove (${sub.code})`;
  if (account.service === 'hotspot') {
    await ctx.writer.softDelete(ctx.db, 'hotspot_users', account.id);
    await deleteSecret(ctx.db, hotspotUserSecretName(account.id));
    return enqueueHotspotUserSync(ctx, sub.router_id, [account.id], label);
  }
  await ctx.writer.softDelete(ctx.db, 'ppp_secrets', account.id);
  await deleteSecret(ctx.db, pppSecretName(account.id));
  return enqueuePppSecretSync(ctx, sub.router_id, [account.id], label);
}
