import type { ChannelInput } from '../../../../shared/contract/index';
import type { notifyChannels } from '../../../../shared/contract/notify.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';
import type { SubscriptionsExampleContext } from './subscriptions.examples';
import type { BillingExampleContext } from './billing.examples';
import type { SchedulerExampleContext } from './scheduler.examples';

type NotifyChannel = keyof typeof notifyChannels;

/** What the notify examples point at (ids made by prepareNotifyExamples). */
export type NotifyExampleContext = {};

/** Makes what the notify examples point at, through the channels, as the owner. */
export async function prepareNotifyExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext &
    CustomersExampleContext &
    MapExampleContext &
    PlansExampleContext &
    SubscriptionsExampleContext &
    BillingExampleContext &
    SchedulerExampleContext,
): Promise<NotifyExampleContext> {
  return {};
}

/** One valid input per notify channel (see channelExamples). */
export const notifyExamples: { [C in NotifyChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {};

/** Where a notify example answers a caller the gate lets through something other than ok. */
export const notifyPassAnswers: Partial<Record<NotifyChannel, PassAnswer>> = {};
