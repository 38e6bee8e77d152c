import type { ChannelInput } from '../../../../shared/contract/index';
import type { dashboardChannels } from '../../../../shared/contract/dashboard.contract';
import type { ExampleContext, PassAnswer } from '../channel-examples';

type DashboardChannel = keyof typeof dashboardChannels;

/** What the dashboard examples point at: nothing of their own (they read what the others made). */
export type DashboardExampleContext = Record<never, never>;

/** One valid input per dashboard channel (see channelExamples). */
export const dashboardExamples: { [C in DashboardChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'dashboard.summary': () => ({}),
};

/** Where a dashboard example answers a caller the gate lets through something other than ok. */
export const dashboardPassAnswers: Partial<Record<DashboardChannel, PassAnswer>> = {};
