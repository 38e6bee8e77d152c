import type { billingChannels } from '../../../shared/contract/billing.contract';
import type { HandlerSlice } from '../api-types';

export const billingApi = {} satisfies HandlerSlice<keyof typeof billingChannels>;
