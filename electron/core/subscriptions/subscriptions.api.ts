import type { subscriptionsChannels } from '../../../shared/contract/subscriptions.contract';
import type { HandlerSlice } from '../api-types';

export const subscriptionsApi = {} satisfies HandlerSlice<keyof typeof subscriptionsChannels>;
