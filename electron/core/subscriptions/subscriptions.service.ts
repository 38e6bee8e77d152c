import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { rateLimitOf } from '../../../shared/contract/plans.contract';
import type { Subscription, SubscriptionEvent } from '../../../shared/contract/subscriptions.contract';
import { anniversaryAnchor } from '../../../shared/domain/billing-cycle';
import { formatIpv4, parseIpv4 } from '../../../shared/domain/ipv4';
import type { ParsedInput } from '../api-types';
import { readBillingSettings } from '../billing/billing-settings';
import type { HandlerContext } from '../context';
import { nextCode } from '../documents/document-number';
import { assertAddressAssignable } from '../ipam/ip-assign';
import { requireRouter } from '../network/routers.service';
import { storeSecret } from '../network/secret-store';
import { AppError, notFound } from '../platform/errors';
import { requirePlan } from '../plans/plans.service';
import type { PlanRow } from '../plans/plans.tables';
import { currentIsolation, isolateSubscription, reactivateSubscription } from './subscription-lifecycle';
import {
  deprovision,
  needsStaticAddress,
  provisionAccount,
  subscriptionPasswordName,
} from './subscription-provisioning';
import { accountNameTaken, type Service } from './subscription-accounts';
import {
  branchToday,
  illegalTransition,
  loadSubscription,
  recordTransition,
  refreshCustomerStatus,
} from './subscription-records';
import type { SubscriptionEventKind } from './subscriptions.tables';

type Db = Pick<HandlerContext, 'db'>;

function selectSubscriptions(ctx: Db) {
  return ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .innerJoin('routers as r', 'r.id', 's.router_id')
    .leftJoin('map_points as o', 'o.id', 's.odp_id')
    .leftJoin('hotspot_users as h', (join) =>
      join.onRef('h.id', '=', 's.hotspot_user_id').on('h.deleted_at', 'is', null),
    )
    .selectAll('s')
    .select([
      'c.name as customer_name',
      'c.code as customer_code',
      'p.name as plan_name',
      'p.service',
      'p.price as plan_price',
      'p.upload_kbps',
      'p.download_kbps',
      'r.name as router_name',
      'o.name as odp_name',
      'h.mac_address',
    ])
    .where('s.deleted_at', 'is', null);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectSubscriptions>['executeTakeFirstOrThrow']>>;

function toSubscription(row: JoinedRow): Subscription {
  return {
    id: row.id,
    code: row.code,
    customerId: row.customer_id,
    customerName: row.customer_name,
    customerCode: row.customer_code,
    planId: row.plan_id,
    planName: row.plan_name,
    planPrice: row.plan_price,
    service: row.service,
    rateLimit: rateLimitOf(row.upload_kbps, row.download_kbps),
    routerId: row.router_id,
    routerName: row.router_name,
    username: row.username,
    remoteAddress: row.remote_address,
    odpId: row.odp_id,
    odpName: row.odp_name,
    macAddress: row.mac_address ?? '',
    state: row.state,
    anchorDay: row.anchor_day,
    activatedOn: row.activated_on,
    terminatedOn: row.terminated_on,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function subscriptionOut(ctx: Db, id: string): Promise<Subscription> {
  const row = await selectSubscriptions(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Langganan', en: 'Subscription' });
  return toSubscription(row);
}

export async function listSubscriptions(ctx: HandlerContext, input: ParsedInput<'subscriptions.list'>) {
  let query = selectSubscriptions(ctx);
  if (input.state) query = query.where('s.state', '=', input.state);
  if (input.customerId) query = query.where('s.customer_id', '=', input.customerId);
  if (input.routerId) query = query.where('s.router_id', '=', input.routerId);
  if (input.planId) query = query.where('s.plan_id', '=', input.planId);
  if (input.service) query = query.where('p.service', '=', input.service);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(s.code LIKE ${like} ESCAPE '\\' OR s.username LIKE ${like} ESCAPE '\\' OR s.remote_address LIKE ${like} ESCAPE '\\' OR c.name LIKE ${like} ESCAPE '\\' OR c.code LIKE ${like} ESCAPE '\\')`,
    );
  }
  const total = await ctx.db
    .selectFrom(query.as('q'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`CASE s.state WHEN 'isolated' THEN 0 WHEN 'pending' THEN 1 WHEN 'active' THEN 2 ELSE 3 END`)
    .orderBy('c.name')
    .orderBy('s.code')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return { subscriptions: rows.map(toSubscription), total: Number(total.n) };
}

export async function getSubscription(ctx: HandlerContext, input: ParsedInput<'subscriptions.get'>) {
  const subscription = await subscriptionOut(ctx, input.id);
  const rows = await ctx.db
    .selectFrom('subscription_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .selectAll('e')
    .select('u.name as user_name')
    .where('e.subscription_id', '=', input.id)
    .orderBy('e.hlc', 'desc')
    .execute();
  const events: SubscriptionEvent[] = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
    userId: row.user_id,
    userName: row.user_name,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: row.created_at,
  }));
  return { subscription, events };
}

// ---- create --------------------------------------------------------------------------------------

/** Letters and digits without look-alikes (l/1, O/0, I). */
const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function generatePassword(length = 10): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return out;
}

/** Whether a live subscription on the router, or a login Gerai manages there for the service, has the name. */
async function usernameTaken(
  ctx: Db,
  service: Service,
  routerId: string,
  username: string,
): Promise<boolean> {
  const sub = await ctx.db
    .selectFrom('subscriptions')
    .select('id')
    .where('router_id', '=', routerId)
    .where('username', '=', username)
    .where('deleted_at', 'is', null)
    .where('state', '!=', 'terminated')
    .executeTakeFirst();
  if (sub) return true;
  return accountNameTaken(ctx, service, routerId, username);
}

/** The customer's code in lower case (`plg-k7qm-00042`), with `-2`, `-3`… while the router has it. */
async function defaultUsername(
  ctx: Db,
  service: Service,
  routerId: string,
  customerCode: string,
): Promise<string> {
  const base =
    customerCode
      .toLowerCase()
      .replace(/[^a-z0-9._@-]/g, '-')
      .slice(0, 60) || 'pelanggan';
  for (let n = 1; n < 1000; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await usernameTaken(ctx, service, routerId, candidate))) return candidate;
  }
  throw new AppError('CONFLICT', { id: 'Tidak ada nama pengguna bebas.', en: 'No free username left.' });
}

function usablePlan(plan: PlanRow): void {
  if (plan.archived === 1) {
    throw new AppError(
      'VALIDATION',
      { id: `Paket ${plan.name} sudah diarsipkan.`, en: `Plan ${plan.name} is archived.` },
      { fields: { planId: 'archived plan' } },
    );
  }
}

/** Refuses an ODP that is not one, or whose ports are all taken by live subscriptions. */
export async function assertOdpHasPort(ctx: Db, odpId: string, exceptSubscriptionId?: string): Promise<void> {
  const odp = await ctx.db
    .selectFrom('map_points')
    .selectAll()
    .where('id', '=', odpId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!odp || odp.kind !== 'odp') {
    throw new AppError(
      'VALIDATION',
      { id: 'ODP tidak ditemukan.', en: 'ODP not found.' },
      { fields: { odpId: 'not an ODP on the map' } },
    );
  }
  let used = ctx.db
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('odp_id', '=', odpId)
    .where('deleted_at', 'is', null)
    .where('state', '!=', 'terminated');
  if (exceptSubscriptionId) used = used.where('id', '!=', exceptSubscriptionId);
  const { n } = await used.executeTakeFirstOrThrow();
  if (odp.ports_total > 0 && Number(n) >= odp.ports_total) {
    throw new AppError(
      'CONFLICT',
      {
        id: `Semua ${odp.ports_total} port ODP ${odp.name} sudah terpakai.`,
        en: `All ${odp.ports_total} ports of ODP ${odp.name} are in use.`,
      },
      { fields: { odpId: 'no free port' } },
    );
  }
}

export async function createSubscription(ctx: HandlerContext, input: ParsedInput<'subscriptions.create'>) {
  const customer = await ctx.db
    .selectFrom('customers')
    .selectAll()
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) {
    throw new AppError(
      'VALIDATION',
      { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' },
      { fields: { customerId: 'unknown customer' } },
    );
  }
  const plan = await requirePlan(ctx, input.planId);
  usablePlan(plan);
  await requireRouter(ctx, input.routerId);
  let username = input.username;
  if (username) {
    if (await usernameTaken(ctx, plan.service, input.routerId, username)) {
      throw new AppError(
        'CONFLICT',
        {
          id: `Nama pengguna ${username} sudah dipakai di router ini.`,
          en: `The username ${username} is already used on this router.`,
        },
        { fields: { username: 'already used on this router' } },
      );
    }
  } else {
    username = await defaultUsername(ctx, plan.service, input.routerId, customer.code);
  }
  let remoteAddress = '';
  if (input.remoteAddress) {
    await assertAddressAssignable(ctx, input.routerId, input.remoteAddress);
    remoteAddress = formatIpv4(parseIpv4(input.remoteAddress)!);
  }
  const code = await nextCode(ctx.db, 'LGN', ctx.device.code);
  if (plan.isolir_method === 'address-list' && !remoteAddress) throw needsStaticAddress({ code }, plan);
  if (input.odpId) await assertOdpHasPort(ctx, input.odpId);
  const generatedPassword = input.password ? null : generatePassword();
  const row = await ctx.writer.insert(ctx.db, 'subscriptions', {
    code,
    customer_id: customer.id,
    plan_id: plan.id,
    router_id: input.routerId,
    username,
    ppp_secret_id: null,
    remote_address: remoteAddress,
    odp_id: input.odpId,
    state: 'pending',
    anchor_day: 1,
    activated_on: null,
    terminated_on: null,
    notes: input.notes,
  });
  await storeSecret(
    ctx.db,
    ctx.secrets,
    subscriptionPasswordName(row.id),
    input.password || generatedPassword!,
    ctx.clock.now(),
  );
  const event = await ctx.writer.insert(ctx.db, 'subscription_events', {
    subscription_id: row.id,
    kind: 'create',
    from_state: null,
    to_state: 'pending',
    reason: '',
    user_id: ctx.session?.user.id ?? null,
    details: JSON.stringify({
      planId: plan.id,
      planName: plan.name,
      service: plan.service,
      routerId: input.routerId,
      username,
      remoteAddress,
      odpId: input.odpId,
    }),
  });
  await ctx.audit({
    entity: 'subscription',
    entityId: row.id,
    before: null,
    after: {
      code,
      customerId: customer.id,
      planId: plan.id,
      service: plan.service,
      routerId: input.routerId,
      username,
      remoteAddress,
      odpId: input.odpId,
      state: 'pending',
      eventId: event.id,
      passwordGenerated: generatedPassword !== null,
    },
  });
  return { subscription: await subscriptionOut(ctx, row.id), generatedPassword };
}

// ---- transitions ---------------------------------------------------------------------------------

const ACTIONS = {
  activate: { id: 'diaktifkan', en: 'activated' },
  isolate: { id: 'diisolir', en: 'isolated' },
  reactivate: { id: 'diaktifkan kembali', en: 'reactivated' },
  terminate: { id: 'dihentikan', en: 'terminated' },
} satisfies Partial<Record<SubscriptionEventKind, { id: string; en: string }>>;

/** The router jobs an event queued (kept in its details). */
async function latestJobIds(ctx: Db, subscriptionId: string): Promise<string[]> {
  const row = await ctx.db
    .selectFrom('subscription_events')
    .select('details')
    .where('subscription_id', '=', subscriptionId)
    .orderBy('hlc', 'desc')
    .limit(1)
    .executeTakeFirst();
  const details = row ? (JSON.parse(row.details) as { jobIds?: string[] }) : {};
  return details.jobIds ?? [];
}

async function transitionResult(ctx: Db, id: string) {
  return { subscription: await subscriptionOut(ctx, id), jobIds: await latestJobIds(ctx, id) };
}

/**
 * Pending → active: provisions the login (PPP secret, or hotspot user for hotspot plans) on the
 * router (plan profile with its rate-limit first), fixes the billing anchor (anniversary: the
 * activation day; fixed: the branch's billing day), marks the customer active and, on the first
 * activation, queues the plan's installation fee for the next invoice.
 */
export async function activateSubscription(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.activate'>,
) {
  const { sub, plan } = await loadSubscription(ctx, input.id);
  if (sub.state !== 'pending') throw illegalTransition(sub, ACTIONS.activate);
  usablePlan(plan);
  if (plan.isolir_method === 'address-list' && !sub.remote_address) throw needsStaticAddress(sub, plan);
  if (sub.remote_address) await assertAddressAssignable(ctx, sub.router_id, sub.remote_address, sub.id);
  const today = await branchToday(ctx);
  const settings = await readBillingSettings(ctx);
  const anchorDay = settings.billingMode === 'anniversary' ? anniversaryAnchor(today) : settings.billingDay;
  const { accountId, service, jobIds } = await provisionAccount(ctx, sub, plan);
  let installationChargeId: string | null = null;
  if (sub.activated_on === null && plan.installation_fee > 0) {
    const charge = await ctx.writer.insert(ctx.db, 'billing_charges', {
      customer_id: sub.customer_id,
      subscription_id: sub.id,
      kind: 'installation',
      description: `Biaya pemasangan ${plan.name} (${sub.code})`,
      amount: plan.installation_fee,
      tax_mode: plan.tax_mode,
      effective_on: today,
      invoice_id: null,
      user_id: ctx.session?.user.id ?? null,
    });
    installationChargeId = charge.id;
  }
  await recordTransition(ctx, sub, {
    kind: 'activate',
    to: 'active',
    reason: input.reason,
    details: {
      service,
      ...(service === 'hotspot' ? { hotspotUserId: accountId } : { secretId: accountId }),
      profile: plan.router_profile,
      rateLimit: rateLimitOf(plan.upload_kbps, plan.download_kbps),
      anchorDay,
      activatedOn: today,
      installationChargeId,
      jobIds,
    },
    patch: {
      ...(service === 'hotspot' ? { hotspot_user_id: accountId } : { ppp_secret_id: accountId }),
      anchor_day: anchorDay,
      activated_on: today,
    },
  });
  await refreshCustomerStatus(ctx, sub.customer_id);
  return transitionResult(ctx, sub.id);
}

export async function isolateSubscriptionChannel(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.isolate'>,
) {
  const { sub } = await loadSubscription(ctx, input.id);
  if (sub.state !== 'active') throw illegalTransition(sub, ACTIONS.isolate);
  await isolateSubscription(ctx, sub.id, input.reason);
  return transitionResult(ctx, sub.id);
}

export async function reactivateSubscriptionChannel(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.reactivate'>,
) {
  const { sub } = await loadSubscription(ctx, input.id);
  if (sub.state !== 'isolated') throw illegalTransition(sub, ACTIONS.reactivate);
  await reactivateSubscription(ctx, sub.id, input.reason);
  return transitionResult(ctx, sub.id);
}

/**
 * Any live state → terminated: the login and any isolir address entry are removed from the router,
 * the session kicked, the static IP and ODP port freed; the customer is terminated when nothing else
 * of theirs is live.
 */
export async function terminateSubscription(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.terminate'>,
) {
  const { sub, plan } = await loadSubscription(ctx, input.id);
  if (sub.state === 'terminated') throw illegalTransition(sub, ACTIONS.terminate);
  const isolation = sub.state === 'isolated' ? await currentIsolation(ctx, sub.id) : null;
  const jobIds = await deprovision(ctx, sub, plan, isolation);
  const today = await branchToday(ctx);
  await recordTransition(ctx, sub, {
    kind: 'terminate',
    to: 'terminated',
    reason: input.reason,
    details: {
      terminatedOn: today,
      ...(sub.hotspot_user_id
        ? { removedHotspotUserId: sub.hotspot_user_id }
        : { removedSecretId: sub.ppp_secret_id }),
      jobIds,
    },
    patch: { terminated_on: today },
  });
  await refreshCustomerStatus(ctx, sub.customer_id);
  return transitionResult(ctx, sub.id);
}
