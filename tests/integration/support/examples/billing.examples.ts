import type { ChannelInput } from '../../../../shared/contract/index';
import type { billingChannels } from '../../../../shared/contract/billing.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';
import type { SubscriptionsExampleContext } from './subscriptions.examples';

type BillingChannel = keyof typeof billingChannels;

/** What the billing examples point at (ids made by prepareBillingExamples). */
export type BillingExampleContext = {};

/** Makes what the billing examples point at, through the channels, as the owner. */
export async function prepareBillingExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext &
    CustomersExampleContext &
    MapExampleContext &
    PlansExampleContext &
    SubscriptionsExampleContext,
): Promise<BillingExampleContext> {
  return {};
}

/** One valid input per billing channel (see channelExamples). */
export const billingExamples: { [C in BillingChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {};

/** Where a billing example answers a caller the gate lets through something other than ok. */
export const billingPassAnswers: Partial<Record<BillingChannel, PassAnswer>> = {};
