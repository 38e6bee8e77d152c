import { defineChannels } from './channel';

/** Service plans: speeds, price, PPN mode, router profile, isolir method, installation fee. */
export const plansChannels = defineChannels({});
