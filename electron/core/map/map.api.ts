import type { mapChannels } from '../../../shared/contract/map.contract';
import type { HandlerSlice } from '../api-types';

export const mapApi = {} satisfies HandlerSlice<keyof typeof mapChannels>;
