import type { ChannelInput } from '../../../../shared/contract/index';
import type { customersChannels } from '../../../../shared/contract/customers.contract';
import { fresh, type BaseExampleContext, type ExampleContext, type PassAnswer } from '../channel-examples';
import type { TestCore } from '../core-fixture';

type CustomersChannel = keyof typeof customersChannels;

/** What the customers examples point at (ids made by prepareCustomersExamples). */
export type CustomersExampleContext = {};

/** Makes what the customers examples point at, through the channels, as the owner. */
export async function prepareCustomersExamples(
  _t: TestCore,
  _owner: string,
  _prior: BaseExampleContext,
): Promise<CustomersExampleContext> {
  return {};
}

/** One valid input per customers channel (see channelExamples). */
export const customersExamples: { [C in CustomersChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'customers.create': () => ({ name: `Pelanggan Contoh ${fresh()}`, phone: '0813-2222-3333' }),
  'customers.update': (ctx) => ({ id: ctx.customerId, address: 'Jl. Gejayan 10' }),
  'customers.list': () => ({ query: 'contoh' }),
  'customers.get': (ctx) => ({ id: ctx.customerId }),
};

/** Where a customers example answers a caller the gate lets through something other than ok. */
export const customersPassAnswers: Partial<Record<CustomersChannel, PassAnswer>> = {};
