import type { ChannelInput } from '../../../../shared/contract/index';
import type { ipamChannels } from '../../../../shared/contract/ipam.contract';
import type { mapChannels } from '../../../../shared/contract/map.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';

/** The map's and the IP pools' channels (one part owns both). */
type MapChannel = keyof typeof mapChannels | keyof typeof ipamChannels;

/** What the map examples point at (ids made by prepareMapExamples). */
export type MapExampleContext = {};

/** Makes what the map examples point at, through the channels, as the owner. */
export async function prepareMapExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext & CustomersExampleContext,
): Promise<MapExampleContext> {
  return {};
}

/** One valid input per map channel (see channelExamples). */
export const mapExamples: { [C in MapChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {};

/** Where a map example answers a caller the gate lets through something other than ok. */
export const mapPassAnswers: Partial<Record<MapChannel, PassAnswer>> = {};
