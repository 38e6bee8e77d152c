import { defineChannels } from './channel';

/** The daily scheduler (billing, reminders, late fees, isolir) and the billing reports. */
export const schedulerChannels = defineChannels({});
