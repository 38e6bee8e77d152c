import type { ChannelInput } from '../../../../shared/contract/index';
import type { plansChannels } from '../../../../shared/contract/plans.contract';
import { fresh, type BaseExampleContext, type ExampleContext, type PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';

type PlansChannel = keyof typeof plansChannels;

/** What the plans examples point at (ids made by preparePlansExamples). */
export type PlansExampleContext = {
  /** A 10 Mbps plan (isolir by profile) the example subscriptions are on. */
  planId: string;
  /** A 20 Mbps plan to change to. */
  secondPlanId: string;
  /** A plan nothing is on, safe to archive. */
  archivablePlanId: string;
};

/** Makes what the plans examples point at, through the channels, as the owner. */
export async function preparePlansExamples(
  t: TestCore,
  owner: string,
  _prior: BaseExampleContext & CustomersExampleContext & MapExampleContext,
): Promise<PlansExampleContext> {
  const plan = unwrap(
    await t.call(
      'plans.create',
      {
        name: 'Rumah 10 Mbps',
        downloadKbps: 10_000,
        uploadKbps: 5_000,
        price: 150_000,
        routerProfile: 'paket-10M',
        isolirProfile: 'isolir',
        installationFee: 250_000,
      },
      owner,
    ),
  );
  const second = unwrap(
    await t.call(
      'plans.create',
      {
        name: 'Rumah 20 Mbps',
        downloadKbps: 20_000,
        uploadKbps: 10_000,
        price: 250_000,
        routerProfile: 'paket-20M',
        isolirProfile: 'isolir',
      },
      owner,
    ),
  );
  const archivable = unwrap(
    await t.call(
      'plans.create',
      {
        name: 'Paket Lama 2 Mbps',
        downloadKbps: 2_000,
        uploadKbps: 1_000,
        price: 75_000,
        routerProfile: 'paket-2M',
        isolirProfile: 'isolir',
      },
      owner,
    ),
  );
  return { planId: plan.id, secondPlanId: second.id, archivablePlanId: archivable.id };
}

/** One valid input per plans channel (see channelExamples). */
export const plansExamples: { [C in PlansChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'plans.list': () => ({ query: 'rumah' }),
  'plans.get': (ctx) => ({ id: ctx.planId }),
  'plans.create': () => ({
    name: `Paket Contoh ${fresh()}`,
    downloadKbps: 15_000,
    uploadKbps: 7_500,
    price: 200_000,
    taxMode: 'excluded',
    routerProfile: 'paket-15M',
    isolirMethod: 'address-list',
    isolirAddressList: 'isolir',
  }),
  'plans.update': (ctx) => ({ id: ctx.planId, notes: 'Promo pemasangan gratis bulan ini' }),
  'plans.archive': (ctx) => ({ id: ctx.archivablePlanId }),
};

/** Where a plans example answers a caller the gate lets through something other than ok. */
export const plansPassAnswers: Partial<Record<PlansChannel, PassAnswer>> = {};
