import type { plansChannels } from '../../../shared/contract/plans.contract';
import type { HandlerSlice } from '../api-types';

export const plansApi = {} satisfies HandlerSlice<keyof typeof plansChannels>;
