import type { ChannelInput } from '../../../../shared/contract/index';
import type { plansChannels } from '../../../../shared/contract/plans.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';

type PlansChannel = keyof typeof plansChannels;

/** What the plans examples point at (ids made by preparePlansExamples). */
export type PlansExampleContext = {};

/** Makes what the plans examples point at, through the channels, as the owner. */
export async function preparePlansExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext & CustomersExampleContext & MapExampleContext,
): Promise<PlansExampleContext> {
  return {};
}

/** One valid input per plans channel (see channelExamples). */
export const plansExamples: { [C in PlansChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {};

/** Where a plans example answers a caller the gate lets through something other than ok. */
export const plansPassAnswers: Partial<Record<PlansChannel, PassAnswer>> = {};
