/**
 * Isolir and its undo, for the channels and for other modules: billing's payment (auto-reactivation,
 * inside its own transaction) and the scheduler's dunning (no session: the event's user is null and
 * the reason is the caller's). Both only write rows and queue router jobs and messages, so they are
 * safe inside any transaction.
 */
import { sql } from 'kysely';
import type { HandlerContext } from '../context';
import { queueCustomerMessage } from '../notify/notify-queue';
import { applyIsolation, liftIsolation, type Isolation } from './subscription-provisioning';
import { loadSubscription, recordTransition, type LoadedSubscription } from './subscription-records';
import type { SubscriptionEventRow } from './subscriptions.tables';

/** The isolation the latest isolating event put in place (isolate, or a plan change while isolated). */
export async function currentIsolation(
  ctx: Pick<HandlerContext, 'db'>,
  subscriptionId: string,
): Promise<Isolation | null> {
  const rows = await ctx.db
    .selectFrom('subscription_events')
    .select(['details', 'kind'])
    .where('subscription_id', '=', subscriptionId)
    .where('to_state', '=', 'isolated')
    .orderBy('hlc', 'desc')
    .limit(5)
    .execute();
  for (const row of rows) {
    const details = JSON.parse(row.details) as { isolation?: Isolation };
    if (details.isolation) return details.isolation;
  }
  return null;
}

/** What the customer still owes on issued invoices (the isolir message's {saldo}). */
async function outstanding(ctx: Pick<HandlerContext, 'db'>, customerId: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('invoices')
    .select(sql<number>`coalesce(sum(total - paid - credited), 0)`.as('due'))
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['issued', 'partial'])
    .executeTakeFirstOrThrow();
  return Math.max(0, Number(row.due));
}

async function notify(
  ctx: HandlerContext,
  loaded: LoadedSubscription,
  event: SubscriptionEventRow,
  key: 'subscription.isolated' | 'subscription.reactivated',
) {
  const prefix = key === 'subscription.isolated' ? 'isolate' : 'reactivate';
  await queueCustomerMessage(ctx, {
    templateKey: key,
    customerId: loaded.sub.customer_id,
    dedupeKey: `${prefix}:${loaded.sub.id}:${event.id}`,
    vars:
      key === 'subscription.isolated'
        ? {
            paket: loaded.plan.name,
            saldo: await outstanding(ctx, loaded.sub.customer_id),
            alasan: event.reason,
          }
        : { paket: loaded.plan.name },
  });
}

/**
 * Active → isolated: the secret moves to the plan's isolir profile (or the static address goes on the
 * isolir address list) and the session is kicked, through router jobs; the event, audit entry and the
 * customer's message are written in the caller's transaction. False when the subscription is not
 * active (nothing to do). CONFLICT when address-list isolation meets a subscription without static IP.
 */
export async function isolateSubscription(
  ctx: HandlerContext,
  subscriptionId: string,
  reason: string,
): Promise<boolean> {
  const loaded = await loadSubscription(ctx, subscriptionId);
  if (loaded.sub.state !== 'active') return false;
  const { isolation, jobIds } = await applyIsolation(ctx, loaded.sub, loaded.plan);
  const event = await recordTransition(ctx, loaded.sub, {
    kind: 'isolate',
    to: 'isolated',
    reason,
    details: { isolation, jobIds },
  });
  await notify(ctx, loaded, event, 'subscription.isolated');
  return true;
}

/**
 * Isolated → active: what isolation put in place is undone (secret back on the plan's profile, address
 * off the isolir list) and the session kicked so it dials in at full speed. False when the
 * subscription is not isolated.
 */
export async function reactivateSubscription(
  ctx: HandlerContext,
  subscriptionId: string,
  reason: string,
): Promise<boolean> {
  const loaded = await loadSubscription(ctx, subscriptionId);
  if (loaded.sub.state !== 'isolated') return false;
  const isolation = await currentIsolation(ctx, subscriptionId);
  const jobIds = await liftIsolation(ctx, loaded.sub, loaded.plan, isolation);
  const event = await recordTransition(ctx, loaded.sub, {
    kind: 'reactivate',
    to: 'active',
    reason,
    details: { lifted: isolation, jobIds },
  });
  await notify(ctx, loaded, event, 'subscription.reactivated');
  return true;
}
