import { defineChannels } from './channel';

/** Invoices, charges, payments, credit notes and the branch's billing settings. */
export const billingChannels = defineChannels({});
