import type { schedulerChannels } from '../../../shared/contract/scheduler.contract';
import type { HandlerSlice } from '../api-types';

export const schedulerApi = {} satisfies HandlerSlice<keyof typeof schedulerChannels>;
