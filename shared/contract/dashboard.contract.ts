import { defineChannels } from './channel';

/** The dashboard: today's figures for the counter and the ISP office at a glance. */
export const dashboardChannels = defineChannels({});
