import type { ChannelInput } from '../../../../shared/contract/index';
import type { schedulerChannels } from '../../../../shared/contract/scheduler.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';
import type { SubscriptionsExampleContext } from './subscriptions.examples';
import type { BillingExampleContext } from './billing.examples';

type SchedulerChannel = keyof typeof schedulerChannels;

/** What the scheduler examples point at (ids made by prepareSchedulerExamples). */
export type SchedulerExampleContext = {};

/** Makes what the scheduler examples point at, through the channels, as the owner. */
export async function prepareSchedulerExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext &
    CustomersExampleContext &
    MapExampleContext &
    PlansExampleContext &
    SubscriptionsExampleContext &
    BillingExampleContext,
): Promise<SchedulerExampleContext> {
  return {};
}

/** One valid input per scheduler channel (see channelExamples). */
export const schedulerExamples: { [C in SchedulerChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {};

/** Where a scheduler example answers a caller the gate lets through something other than ok. */
export const schedulerPassAnswers: Partial<Record<SchedulerChannel, PassAnswer>> = {};
