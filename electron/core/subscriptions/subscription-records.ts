import { localDate, type LocalDate } from '../../../shared/domain/calendar';
import type { HandlerContext } from '../context';
import { AppError, notFound, type Message } from '../platform/errors';
import type { PlanRow } from '../plans/plans.tables';
import { branchTimeZone } from '../settings/settings.service';
import type {
  SubscriptionEventKind,
  SubscriptionEventRow,
  SubscriptionRow,
  SubscriptionState,
} from './subscriptions.tables';

type Db = Pick<HandlerContext, 'db'>;

/** A subscription with the plan it is on. */
export type LoadedSubscription = { sub: SubscriptionRow; plan: PlanRow };

/** The subscription (live, not deleted) and its plan; NOT_FOUND otherwise. */
export async function loadSubscription(ctx: Db, id: string): Promise<LoadedSubscription> {
  const sub = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!sub) throw notFound({ id: 'Langganan', en: 'Subscription' });
  const plan = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', sub.plan_id)
    .executeTakeFirstOrThrow();
  return { sub, plan };
}

/** Today in the branch's time zone. */
export async function branchToday(ctx: Pick<HandlerContext, 'db' | 'clock'>): Promise<LocalDate> {
  return localDate(ctx.clock.now(), await branchTimeZone(ctx.db));
}

export const STATE_TEXT: Record<SubscriptionState, Message> = {
  pending: { id: 'menunggu aktivasi', en: 'pending' },
  active: { id: 'aktif', en: 'active' },
  isolated: { id: 'terisolir', en: 'isolated' },
  terminated: { id: 'berhenti', en: 'terminated' },
};

/** CONFLICT naming what was asked and the state that forbids it. */
export function illegalTransition(sub: Pick<SubscriptionRow, 'code' | 'state'>, action: Message): AppError {
  const state = STATE_TEXT[sub.state];
  return new AppError('CONFLICT', {
    id: `Langganan ${sub.code} sedang ${state.id}: tidak bisa ${action.id}.`,
    en: `Subscription ${sub.code} is ${state.en}: it cannot be ${action.en}.`,
  });
}

/**
 * Moves a subscription to `to` (with any other column changes), appends its event (who: the session's
 * user or null for the scheduler; why: `reason`) and records the audit entry. Returns the event.
 */
export async function recordTransition(
  ctx: HandlerContext,
  sub: SubscriptionRow,
  change: {
    kind: SubscriptionEventKind;
    to: SubscriptionState;
    reason: string;
    details: Record<string, unknown>;
    patch?: Partial<
      Pick<
        SubscriptionRow,
        'plan_id' | 'anchor_day' | 'activated_on' | 'terminated_on' | 'ppp_secret_id' | 'hotspot_user_id'
      >
    >;
  },
): Promise<SubscriptionEventRow> {
  const patch = change.patch ?? {};
  if (sub.state !== change.to || Object.keys(patch).length > 0) {
    await ctx.writer.update(ctx.db, 'subscriptions', sub.id, { state: change.to, ...patch });
  }
  const event = await ctx.writer.insert(ctx.db, 'subscription_events', {
    subscription_id: sub.id,
    kind: change.kind,
    from_state: sub.state,
    to_state: change.to,
    reason: change.reason,
    user_id: ctx.session?.user.id ?? null,
    details: JSON.stringify(change.details),
  });
  await ctx.audit({
    entity: 'subscription',
    entityId: sub.id,
    before: { code: sub.code, state: sub.state, planId: sub.plan_id },
    after: {
      code: sub.code,
      state: change.to,
      event: change.kind,
      reason: change.reason,
      eventId: event.id,
      ...patch,
      ...change.details,
    },
  });
  return event;
}

/** Sets the customer's status from their subscriptions: active while any is live, else terminated. */
export async function refreshCustomerStatus(ctx: HandlerContext, customerId: string): Promise<void> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select(['id', 'status'])
    .where('id', '=', customerId)
    .executeTakeFirst();
  if (!customer) return;
  const live = await ctx.db
    .selectFrom('subscriptions')
    .select('state')
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('state', 'in', ['active', 'isolated'])
    .executeTakeFirst();
  const pending = await ctx.db
    .selectFrom('subscriptions')
    .select('id')
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  let status = customer.status;
  if (live) status = 'active';
  else if (!pending && customer.status === 'active') status = 'terminated';
  if (status !== customer.status) await ctx.writer.update(ctx.db, 'customers', customerId, { status });
}
