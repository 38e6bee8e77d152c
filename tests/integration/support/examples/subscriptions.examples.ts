import type { ChannelInput } from '../../../../shared/contract/index';
import type { subscriptionsChannels } from '../../../../shared/contract/subscriptions.contract';
import { fresh, type BaseExampleContext, type ExampleContext, type PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';

type SubscriptionsChannel = keyof typeof subscriptionsChannels;

/**
 * What the subscriptions examples point at (ids made by prepareSubscriptionsExamples), all on the
 * unreachable example router (their router jobs wait behind its first).
 */
export type SubscriptionsExampleContext = {
  /** Pending: to activate. */
  pendingSubscriptionId: string;
  /** Active since the fixture's day, on planId: to isolate, or for billing to invoice. */
  activeSubscriptionId: string;
  /** Isolated: to reactivate. */
  isolatedSubscriptionId: string;
  /** Pending, safe to terminate. */
  terminableSubscriptionId: string;
  /** Active on planId: to change to secondPlanId. */
  planChangeSubscriptionId: string;
};

/** Makes what the subscriptions examples point at, through the channels, as the owner. */
export async function prepareSubscriptionsExamples(
  t: TestCore,
  owner: string,
  prior: BaseExampleContext & CustomersExampleContext & MapExampleContext & PlansExampleContext,
): Promise<SubscriptionsExampleContext> {
  const create = async (username: string) =>
    unwrap(
      await t.call(
        'subscriptions.create',
        { customerId: prior.customerId, planId: prior.planId, routerId: prior.routerId, username },
        owner,
      ),
    ).subscription.id;
  const activate = async (id: string) =>
    unwrap(await t.call('subscriptions.activate', { id, reason: 'Pemasangan selesai' }, owner));
  const pending = await create('contoh.tunggu');
  const active = await create('contoh.aktif');
  await activate(active);
  const isolated = await create('contoh.isolir');
  await activate(isolated);
  unwrap(await t.call('subscriptions.isolate', { id: isolated, reason: 'Tagihan belum dibayar' }, owner));
  const terminable = await create('contoh.berhenti');
  const planChange = await create('contoh.ganti');
  await activate(planChange);
  return {
    pendingSubscriptionId: pending,
    activeSubscriptionId: active,
    isolatedSubscriptionId: isolated,
    terminableSubscriptionId: terminable,
    planChangeSubscriptionId: planChange,
  };
}

/** One valid input per subscriptions channel (see channelExamples). */
export const subscriptionsExamples: {
  [C in SubscriptionsChannel]: (ctx: ExampleContext) => ChannelInput<C>;
} = {
  'subscriptions.list': (ctx) => ({ state: 'active', planId: ctx.planId }),
  'subscriptions.get': (ctx) => ({ id: ctx.activeSubscriptionId }),
  'subscriptions.create': (ctx) => ({
    customerId: ctx.customerId,
    planId: ctx.planId,
    routerId: ctx.routerId,
    username: `contoh.${fresh()}`,
    notes: 'Tiang depan rumah',
  }),
  'subscriptions.update': (ctx) => ({
    id: ctx.activeSubscriptionId,
    remoteAddress: '10.10.0.60',
    odpId: ctx.odpId,
    notes: 'Kabel dipindah ke ODP depan',
    password: 'baru-rahasia-12',
    reason: 'Pindah tiang',
  }),
  'subscriptions.activate': (ctx) => ({ id: ctx.pendingSubscriptionId, reason: 'Pemasangan selesai' }),
  'subscriptions.isolate': (ctx) => ({ id: ctx.activeSubscriptionId, reason: 'Tagihan belum dibayar' }),
  'subscriptions.reactivate': (ctx) => ({ id: ctx.isolatedSubscriptionId, reason: 'Sudah bayar di kasir' }),
  'subscriptions.terminate': (ctx) => ({ id: ctx.terminableSubscriptionId, reason: 'Pindah rumah' }),
  'subscriptions.changePlan': (ctx) => ({
    id: ctx.planChangeSubscriptionId,
    planId: ctx.secondPlanId,
    reason: 'Minta naik kecepatan',
  }),
  'subscriptions.changePlan.preview': (ctx) => ({
    id: ctx.planChangeSubscriptionId,
    planId: ctx.secondPlanId,
  }),
  'subscriptions.adopt.preview': (ctx) => ({ routerId: ctx.routerId }),
  'subscriptions.adopt': (ctx) => ({
    routerId: ctx.routerId,
    items: [
      {
        name: 'budi.santoso',
        planId: ctx.planId,
        newCustomer: { name: 'Budi Santoso', phone: '0812-1111-2222' },
      },
      { name: 'siti', planId: ctx.planId, customerId: ctx.customerId, state: 'isolated' },
    ],
  }),
};

/** Where a subscriptions example answers a caller the gate lets through something other than ok. */
export const subscriptionsPassAnswers: Partial<Record<SubscriptionsChannel, PassAnswer>> = {
  // Each example moves its subscription on; the next caller finds it in the state it left.
  'subscriptions.activate': { first: 'ok', then: 'CONFLICT' },
  'subscriptions.isolate': { first: 'ok', then: 'CONFLICT' },
  'subscriptions.reactivate': { first: 'ok', then: 'CONFLICT' },
  'subscriptions.terminate': { first: 'ok', then: 'CONFLICT' },
  'subscriptions.changePlan': { first: 'ok', then: 'CONFLICT' },
  // Both read the router's PPP secrets first, and the example router never answers.
  'subscriptions.adopt.preview': 'ROUTER_UNREACHABLE',
  'subscriptions.adopt': 'ROUTER_UNREACHABLE',
};
