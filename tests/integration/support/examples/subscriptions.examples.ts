import type { ChannelInput } from '../../../../shared/contract/index';
import type { subscriptionsChannels } from '../../../../shared/contract/subscriptions.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';

type SubscriptionsChannel = keyof typeof subscriptionsChannels;

/** What the subscriptions examples point at (ids made by prepareSubscriptionsExamples). */
export type SubscriptionsExampleContext = {};

/** Makes what the subscriptions examples point at, through the channels, as the owner. */
export async function prepareSubscriptionsExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext & CustomersExampleContext & MapExampleContext & PlansExampleContext,
): Promise<SubscriptionsExampleContext> {
  return {};
}

/** One valid input per subscriptions channel (see channelExamples). */
export const subscriptionsExamples: {
  [C in SubscriptionsChannel]: (ctx: ExampleContext) => ChannelInput<C>;
} = {};

/** Where a subscriptions example answers a caller the gate lets through something other than ok. */
export const subscriptionsPassAnswers: Partial<Record<SubscriptionsChannel, PassAnswer>> = {};
