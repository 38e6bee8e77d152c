import { defineChannels } from './channel';

/** Notifications: the outbox with its log, templates and gateway settings. */
export const notifyChannels = defineChannels({});
