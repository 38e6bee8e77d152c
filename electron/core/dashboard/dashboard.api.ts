import type { dashboardChannels } from '../../../shared/contract/dashboard.contract';
import type { HandlerSlice } from '../api-types';

export const dashboardApi = {} satisfies HandlerSlice<keyof typeof dashboardChannels>;
