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

/** What the scheduler examples point at: nothing of their own (they run on what the others made). */
export type SchedulerExampleContext = Record<never, never>;

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
export const schedulerExamples: { [C in SchedulerChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  // Today (the fixture's clock): the first caller runs it, later callers find nothing left to do.
  'scheduler.runDue': () => ({}),
  'scheduler.status': () => ({}),
  'billing.reports.aging': () => ({ asOf: '2030-02-28' }),
  'billing.reports.collections': () => ({ from: '2030-01-01', to: '2030-01-31' }),
};

/** Where a scheduler example answers a caller the gate lets through something other than ok. */
export const schedulerPassAnswers: Partial<Record<SchedulerChannel, PassAnswer>> = {};
