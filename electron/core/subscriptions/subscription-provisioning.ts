/**
 * What a subscription's lifecycle changes on its router. Every change is a row written in the
 * caller's transaction plus a durable router job (network/ppp.service.ts, firewall.service.ts); the
 * router follows once the job runs, in creation order per router.
 */
import { rateLimitOf } from '../../../shared/contract/plans.contract';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { addToAddressList, removeFromAddressList } from '../network/firewall.service';
import type { PppSecretRow } from '../network/network.tables';
import {
  enqueuePppKick,
  enqueuePppProfileUpsert,
  enqueuePppSecretSync,
  setPppSecretProfile,
} from '../network/ppp.service';
import { deleteSecret, pppSecretName, readSecret, storeSecret } from '../network/secret-store';
import type { PlanRow } from '../plans/plans.tables';
import type { SubscriptionRow } from './subscriptions.tables';

/** Rate-limit given to an isolir profile Gerai has to create (the operator may tune it on the router). */
export const ISOLIR_RATE_LIMIT = '64k/64k';

/** Where a subscription's password waits until its PPP secret exists (then it moves to `ppp:<id>`). */
export const subscriptionPasswordName = (subscriptionId: string) => `subscription:${subscriptionId}`;

/** What isolation put in place, kept in the event's details so reactivation undoes exactly that. */
export type Isolation =
  { method: 'profile'; profile: string } | { method: 'address-list'; list: string; address: string };

function secretNote(sub: Pick<SubscriptionRow, 'code'>): string {
  return sub.code;
}

/** The plan's PPP profile with its rate-limit, and (isolir by profile) the isolir profile when missing. */
export async function ensurePlanProfiles(
  ctx: HandlerContext,
  routerId: string,
  plan: PlanRow,
): Promise<string[]> {
  const jobs = [
    await enqueuePppProfileUpsert(ctx, routerId, {
      name: plan.router_profile,
      rateLimit: rateLimitOf(plan.upload_kbps, plan.download_kbps),
    }),
  ];
  if (plan.isolir_method === 'profile' && plan.isolir_profile) {
    jobs.push(
      await enqueuePppProfileUpsert(ctx, routerId, {
        name: plan.isolir_profile,
        rateLimit: ISOLIR_RATE_LIMIT,
        onlyIfMissing: true,
      }),
    );
  }
  return jobs.map((job) => job.id);
}

/** The subscription's live managed secret, or CONFLICT when it has none (removed on the network screen). */
export async function liveSecretOf(ctx: HandlerContext, sub: SubscriptionRow): Promise<PppSecretRow> {
  const row = sub.ppp_secret_id
    ? await ctx.db
        .selectFrom('ppp_secrets')
        .selectAll()
        .where('id', '=', sub.ppp_secret_id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!row) {
    throw new AppError('CONFLICT', {
      id: `Secret PPP langganan ${sub.code} (${sub.username}) tidak ada lagi di Gerai; aktifkan ulang lewat layar Jaringan.`,
      en: `Subscription ${sub.code} no longer has its PPP secret (${sub.username}) in Gerai; restore it from the Network screen.`,
    });
  }
  return row;
}

/** Refuses when Gerai already manages a PPP secret of this name on the router. */
export async function assertSecretNameFree(
  ctx: Pick<HandlerContext, 'db'>,
  routerId: string,
  name: string,
): Promise<void> {
  const taken = await ctx.db
    .selectFrom('ppp_secrets')
    .select('id')
    .where('router_id', '=', routerId)
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (taken) {
    throw new AppError(
      'CONFLICT',
      {
        id: `Nama pengguna ${name} sudah dipakai secret PPP lain di router ini.`,
        en: `The username ${name} is already used by another PPP secret on this router.`,
      },
      { fields: { username: 'already used on this router' } },
    );
  }
}

/**
 * Activation on the router: the plan's profiles, then the managed secret (password from the store),
 * then its sync. Returns the secret's row id and the jobs queued.
 */
export async function provisionSecret(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
): Promise<{ secretId: string; jobIds: string[] }> {
  await assertSecretNameFree(ctx, sub.router_id, sub.username);
  const password = await readSecret(ctx.db, ctx.secrets, subscriptionPasswordName(sub.id));
  if (!password) {
    throw new AppError('CONFLICT', {
      id: `Kata sandi langganan ${sub.code} tidak tersimpan di perangkat ini.`,
      en: `The password of subscription ${sub.code} is not stored on this device.`,
    });
  }
  const jobIds = await ensurePlanProfiles(ctx, sub.router_id, plan);
  const secret = await ctx.writer.insert(ctx.db, 'ppp_secrets', {
    router_id: sub.router_id,
    name: sub.username,
    profile: plan.router_profile,
    service: 'pppoe',
    remote_address: sub.remote_address,
    disabled: 0,
    note: secretNote(sub),
  });
  await storeSecret(ctx.db, ctx.secrets, pppSecretName(secret.id), password, ctx.clock.now());
  await deleteSecret(ctx.db, subscriptionPasswordName(sub.id));
  const sync = await enqueuePppSecretSync(
    ctx,
    sub.router_id,
    [secret.id],
    `PPP ${sub.username}: create (${sub.code})`,
  );
  return { secretId: secret.id, jobIds: [...jobIds, sync.id] };
}

/** Puts an active subscription in isolation on its router and ends its session. */
export async function applyIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
): Promise<{ isolation: Isolation; jobIds: string[] }> {
  const secret = await liveSecretOf(ctx, sub);
  const jobIds: string[] = [];
  let isolation: Isolation;
  if (plan.isolir_method === 'address-list') {
    if (!sub.remote_address) throw needsStaticAddress(sub, plan);
    const { job } = await addToAddressList(
      ctx,
      sub.router_id,
      plan.isolir_address_list,
      sub.remote_address,
      secretNote(sub),
    );
    jobIds.push(job.id);
    isolation = { method: 'address-list', list: plan.isolir_address_list, address: sub.remote_address };
  } else {
    jobIds.push(
      (
        await enqueuePppProfileUpsert(ctx, sub.router_id, {
          name: plan.isolir_profile,
          rateLimit: ISOLIR_RATE_LIMIT,
          onlyIfMissing: true,
        })
      ).id,
    );
    jobIds.push(
      (
        await setPppSecretProfile(
          ctx,
          secret.id,
          plan.isolir_profile,
          `PPP ${sub.username}: isolir (${plan.isolir_profile})`,
        )
      ).id,
    );
    isolation = { method: 'profile', profile: plan.isolir_profile };
  }
  jobIds.push((await enqueuePppKick(ctx, sub.router_id, sub.username)).id);
  return { isolation, jobIds };
}

/** Undoes `isolation` (when known) and puts the secret back on the plan's profile; ends the session. */
export async function liftIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
  isolation: Isolation | null,
): Promise<string[]> {
  const secret = await liveSecretOf(ctx, sub);
  const jobIds: string[] = [];
  const lists = new Set<string>();
  if (isolation?.method === 'address-list') lists.add(isolation.list);
  if (plan.isolir_method === 'address-list') lists.add(plan.isolir_address_list);
  const address = isolation?.method === 'address-list' ? isolation.address : sub.remote_address;
  for (const list of lists) {
    if (!address) continue;
    const removed = await removeFromAddressList(ctx, sub.router_id, list, address);
    if (removed) jobIds.push(removed.job.id);
  }
  jobIds.push(
    (
      await setPppSecretProfile(
        ctx,
        secret.id,
        plan.router_profile,
        `PPP ${sub.username}: ${plan.router_profile} (${sub.code})`,
      )
    ).id,
  );
  jobIds.push((await enqueuePppKick(ctx, sub.router_id, sub.username)).id);
  return jobIds;
}

/** Removes the subscription's secret (and its isolir address entry) from the router; ends the session. */
export async function deprovision(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
  isolation: Isolation | null,
): Promise<string[]> {
  const jobIds: string[] = [];
  await deleteSecret(ctx.db, subscriptionPasswordName(sub.id));
  if (sub.state === 'pending') return jobIds;
  const lists = new Set<string>();
  if (isolation?.method === 'address-list') lists.add(isolation.list);
  if (plan.isolir_method === 'address-list') lists.add(plan.isolir_address_list);
  for (const list of lists) {
    if (!sub.remote_address) continue;
    const removed = await removeFromAddressList(ctx, sub.router_id, list, sub.remote_address);
    if (removed) jobIds.push(removed.job.id);
  }
  const secret = sub.ppp_secret_id
    ? await ctx.db
        .selectFrom('ppp_secrets')
        .selectAll()
        .where('id', '=', sub.ppp_secret_id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (secret) {
    await ctx.writer.softDelete(ctx.db, 'ppp_secrets', secret.id);
    await deleteSecret(ctx.db, pppSecretName(secret.id));
    jobIds.push(
      (
        await enqueuePppSecretSync(
          ctx,
          sub.router_id,
          [secret.id],
          `PPP ${sub.username}: remove (${sub.code})`,
        )
      ).id,
    );
  }
  // A removed secret does not end a session already up.
  jobIds.push((await enqueuePppKick(ctx, sub.router_id, sub.username)).id);
  return jobIds;
}

/**
 * A plan change while isolated: the isolation moves to the new plan's way (its isolir profile, or its
 * address list with the secret back on the new plan's profile); the old address entry goes unless the
 * new isolation uses the same one. The session is kicked.
 */
export async function moveIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  newPlan: PlanRow,
  before: Isolation | null,
): Promise<{ isolation: Isolation; jobIds: string[] }> {
  const secret = await liveSecretOf(ctx, sub);
  const jobIds: string[] = [];
  const keepsEntry =
    before?.method === 'address-list' &&
    newPlan.isolir_method === 'address-list' &&
    before.list === newPlan.isolir_address_list &&
    before.address === sub.remote_address;
  if (before?.method === 'address-list' && !keepsEntry) {
    const removed = await removeFromAddressList(ctx, sub.router_id, before.list, before.address);
    if (removed) jobIds.push(removed.job.id);
  }
  if (newPlan.isolir_method === 'address-list') {
    jobIds.push(
      (
        await setPppSecretProfile(
          ctx,
          secret.id,
          newPlan.router_profile,
          `PPP ${sub.username}: ${newPlan.router_profile} (${sub.code})`,
        )
      ).id,
    );
  }
  const applied = await applyIsolation(ctx, sub, newPlan);
  return { isolation: applied.isolation, jobIds: [...jobIds, ...applied.jobIds] };
}

/** Moves the subscription's secret to another profile (plan change) and ends its session. */
export async function moveToProfile(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  profile: string,
): Promise<string[]> {
  const secret = await liveSecretOf(ctx, sub);
  return [
    (await setPppSecretProfile(ctx, secret.id, profile, `PPP ${sub.username}: ${profile} (${sub.code})`)).id,
    (await enqueuePppKick(ctx, sub.router_id, sub.username)).id,
  ];
}

export function needsStaticAddress(
  sub: Pick<SubscriptionRow, 'code'>,
  plan: Pick<PlanRow, 'name' | 'isolir_address_list'>,
): AppError {
  return new AppError(
    'CONFLICT',
    {
      id: `Paket ${plan.name} mengisolir lewat address-list ${plan.isolir_address_list}, tetapi langganan ${sub.code} tidak punya IP statis.`,
      en: `Plan ${plan.name} isolates through the address list ${plan.isolir_address_list}, but subscription ${sub.code} has no static IP.`,
    },
    { fields: { remoteAddress: 'a static IP is needed for address-list isolation' } },
  );
}
