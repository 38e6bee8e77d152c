import type { ipamChannels } from '../../../shared/contract/ipam.contract';
import type { HandlerSlice } from '../api-types';

export const ipamApi = {} satisfies HandlerSlice<keyof typeof ipamChannels>;
