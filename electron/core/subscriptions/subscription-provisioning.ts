/**
 * What a subscription's lifecycle changes on its router. Every change is a row written in the
 * caller's transaction plus a durable router job; the router follows once the job runs, in creation
 * order per router. The login is a PPP secret (PPPoE plans) or a hotspot user (hotspot plans), both
 * spoken to through subscription-accounts.ts, so every transition is the same for both.
 */
import { rateLimitOf } from '../../../shared/contract/plans.contract';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { addToAddressList, removeFromAddressList } from '../network/firewall.service';
import { deleteSecret, readSecret } from '../network/secret-store';
import type { PlanRow } from '../plans/plans.tables';
import {
  accountLabel,
  assertAccountNameFree,
  createAccount,
  enqueueKick,
  enqueueProfile,
  findLiveAccount,
  liveAccountOf,
  removeAccount,
  type LiveAccount,
  serviceOf,
  setAccountProfile,
} from './subscription-accounts';
import type { SubscriptionRow } from './subscriptions.tables';

/** Rate-limit given to an isolir profile Gerai has to create (the operator may tune it on the router). */
export const ISOLIR_RATE_LIMIT = '64k/64k';

/** Where a subscription's password waits until its login exists (then it moves to `ppp:<id>` / `hotspot:<id>`). */
export const subscriptionPasswordName = (subscriptionId: string) => `subscription:${subscriptionId}`;

/** What isolation put in place, kept in the event's details so reactivation undoes exactly that. */
export type Isolation =
  { method: 'profile'; profile: string } | { method: 'address-list'; list: string; address: string };

function addressNote(sub: Pick<SubscriptionRow, 'code'>): string {
  return sub.code;
}

/**
 * The plan's profile (PPP profile, or hotspot user profile for hotspot plans) with its rate-limit,
 * and (isolir by profile) the isolir profile when missing.
 */
export async function ensurePlanProfiles(
  ctx: HandlerContext,
  routerId: string,
  plan: PlanRow,
): Promise<string[]> {
  const jobs = [
    await enqueueProfile(ctx, plan.service, routerId, {
      name: plan.router_profile,
      rateLimit: rateLimitOf(plan.upload_kbps, plan.download_kbps),
    }),
  ];
  if (plan.isolir_method === 'profile' && plan.isolir_profile) {
    jobs.push(
      await enqueueProfile(ctx, plan.service, routerId, {
        name: plan.isolir_profile,
        rateLimit: ISOLIR_RATE_LIMIT,
        onlyIfMissing: true,
      }),
    );
  }
  return jobs.map((job) => job.id);
}

/**
 * Activation on the router: the plan's profiles, then the managed login (password from the store),
 * then its sync. Returns the login's row id, its service and the jobs queued.
 */
export async function provisionAccount(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
): Promise<{ accountId: string; service: PlanRow['service']; jobIds: string[] }> {
  await assertAccountNameFree(ctx, plan.service, sub.router_id, sub.username);
  const password = await readSecret(ctx.db, ctx.secrets, subscriptionPasswordName(sub.id));
  if (!password) {
    throw new AppError('CONFLICT', {
      id: `Kata sandi langganan ${sub.code} tidak tersimpan di perangkat ini.`,
      en: `The password of subscription ${sub.code} is not stored on this device.`,
    });
  }
  const jobIds = await ensurePlanProfiles(ctx, sub.router_id, plan);
  const { account, job } = await createAccount(ctx, sub, plan, password);
  await deleteSecret(ctx.db, subscriptionPasswordName(sub.id));
  return { accountId: account.id, service: account.service, jobIds: [...jobIds, job.id] };
}

/** Puts an active subscription in isolation on its router and ends its session. */
export async function applyIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
): Promise<{ isolation: Isolation; jobIds: string[] }> {
  const account = await liveAccountOf(ctx, sub, plan);
  const jobIds: string[] = [];
  let isolation: Isolation;
  if (plan.isolir_method === 'address-list') {
    if (!sub.remote_address) throw needsStaticAddress(sub, plan);
    const { job } = await addToAddressList(
      ctx,
      sub.router_id,
      plan.isolir_address_list,
      sub.remote_address,
      addressNote(sub),
    );
    jobIds.push(job.id);
    isolation = { method: 'address-list', list: plan.isolir_address_list, address: sub.remote_address };
  } else {
    jobIds.push(
      (
        await enqueueProfile(ctx, account.service, sub.router_id, {
          name: plan.isolir_profile,
          rateLimit: ISOLIR_RATE_LIMIT,
          onlyIfMissing: true,
        })
      ).id,
    );
    jobIds.push(
      (
        await setAccountProfile(
          ctx,
          account,
          plan.isolir_profile,
          `${accountLabel(account.service, sub.username)}: isolir (${plan.isolir_profile})`,
        )
      ).id,
    );
    isolation = { method: 'profile', profile: plan.isolir_profile };
  }
  jobIds.push((await enqueueKick(ctx, account.service, sub.router_id, sub.username)).id);
  return { isolation, jobIds };
}

/**
 * A PPP secret left disabled (one adopted from the router while disabled there) is enabled again; the
 * profile change queued next syncs it.
 */
async function enableSecret(ctx: HandlerContext, account: LiveAccount): Promise<void> {
  if (account.service !== 'pppoe') return;
  const row = await ctx.db
    .selectFrom('ppp_secrets')
    .select(['id', 'disabled'])
    .where('id', '=', account.id)
    .executeTakeFirst();
  if (row?.disabled === 1) await ctx.writer.update(ctx.db, 'ppp_secrets', row.id, { disabled: 0 });
}

/**
 * Undoes `isolation` (when known), enables a disabled PPP secret and puts the login back on the
 * plan's profile; ends the session.
 */
export async function liftIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
  isolation: Isolation | null,
): Promise<string[]> {
  const account = await liveAccountOf(ctx, sub, plan);
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
  await enableSecret(ctx, account);
  jobIds.push(
    (
      await setAccountProfile(
        ctx,
        account,
        plan.router_profile,
        `${accountLabel(account.service, sub.username)}: ${plan.router_profile} (${sub.code})`,
      )
    ).id,
  );
  jobIds.push((await enqueueKick(ctx, account.service, sub.router_id, sub.username)).id);
  return jobIds;
}

/** Removes the subscription's login (and its isolir address entry) from the router; ends the session. */
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
  const removed = await removeAccount(ctx, sub, plan);
  if (removed) jobIds.push(removed.id);
  // A removed login does not end a session already up.
  jobIds.push((await enqueueKick(ctx, serviceOf(sub, plan), sub.router_id, sub.username)).id);
  return jobIds;
}

/**
 * A plan change while isolated: the isolation moves to the new plan's way (its isolir profile, or its
 * address list with the login back on the new plan's profile); the old address entry goes unless the
 * new isolation uses the same one. The session is kicked.
 */
export async function moveIsolation(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  newPlan: PlanRow,
  before: Isolation | null,
): Promise<{ isolation: Isolation; jobIds: string[] }> {
  const account = await liveAccountOf(ctx, sub, newPlan);
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
        await setAccountProfile(
          ctx,
          account,
          newPlan.router_profile,
          `${accountLabel(account.service, sub.username)}: ${newPlan.router_profile} (${sub.code})`,
        )
      ).id,
    );
  }
  const applied = await applyIsolation(ctx, sub, newPlan);
  return { isolation: applied.isolation, jobIds: [...jobIds, ...applied.jobIds] };
}

/** Moves the subscription's login to another profile (plan change) and ends its session. */
export async function moveToProfile(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
  profile: string,
): Promise<string[]> {
  const account = await liveAccountOf(ctx, sub, plan);
  const label = `${accountLabel(account.service, sub.username)}: ${profile} (${sub.code})`;
  return [
    (await setAccountProfile(ctx, account, profile, label)).id,
    (await enqueueKick(ctx, account.service, sub.router_id, sub.username)).id,
  ];
}

/**
 * A plan's new router profile reaching one of its live subscriptions (plans.update): the login moves
 * and its session is kicked. Nothing when the subscription has no login left in Gerai.
 */
export async function followPlanProfile(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  plan: PlanRow,
): Promise<string[]> {
  const account = await findLiveAccount(ctx, sub, plan);
  if (!account) return [];
  const label = `${accountLabel(account.service, sub.username)}: ${plan.router_profile} (${sub.code})`;
  return [
    (await setAccountProfile(ctx, account, plan.router_profile, label)).id,
    (await enqueueKick(ctx, account.service, sub.router_id, sub.username)).id,
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
