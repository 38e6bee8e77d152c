import type { dashboardChannels } from '../../../shared/contract/dashboard.contract';
import type { HandlerSlice } from '../api-types';
import { dashboardSummary } from './dashboard.service';

export const dashboardApi = {
  'dashboard.summary': (ctx) => dashboardSummary(ctx),
} satisfies HandlerSlice<keyof typeof dashboardChannels>;
