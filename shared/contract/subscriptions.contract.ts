import { defineChannels } from './channel';

/** Subscriptions: a customer's service on a router, through its lifecycle. */
export const subscriptionsChannels = defineChannels({});
