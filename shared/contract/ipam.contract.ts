import { defineChannels } from './channel';

/** IP address management: pools per router and static addresses given to subscriptions. */
export const ipamChannels = defineChannels({});
