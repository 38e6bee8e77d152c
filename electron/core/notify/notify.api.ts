import type { notifyChannels } from '../../../shared/contract/notify.contract';
import type { HandlerSlice } from '../api-types';

export const notifyApi = {} satisfies HandlerSlice<keyof typeof notifyChannels>;
