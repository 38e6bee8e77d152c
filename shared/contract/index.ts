import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { auditChannels } from './audit.contract';
import { authChannels } from './auth.contract';
import { backupChannels } from './backup.contract';
import { catalogChannels } from './catalog.contract';
import { inventoryChannels } from './inventory.contract';
import { posChannels } from './pos.contract';
import { ordersChannels } from './orders.contract';
import { customersChannels } from './customers.contract';
import { networkChannels } from './network.contract';
import { mapChannels } from './map.contract';
import { ipamChannels } from './ipam.contract';
import { plansChannels } from './plans.contract';
import { subscriptionsChannels } from './subscriptions.contract';
import { billingChannels } from './billing.contract';
import { schedulerChannels } from './scheduler.contract';
import { notifyChannels } from './notify.contract';
import { dashboardChannels } from './dashboard.contract';
import { settingsChannels } from './settings.contract';
import { setupChannels } from './setup.contract';
import { systemChannels } from './system.contract';
import { usersChannels } from './users.contract';

const slices = [
  setupChannels,
  authChannels,
  usersChannels,
  auditChannels,
  settingsChannels,
  backupChannels,
  systemChannels,
  catalogChannels,
  inventoryChannels,
  posChannels,
  ordersChannels,
  customersChannels,
  networkChannels,
  mapChannels,
  ipamChannels,
  plansChannels,
  subscriptionsChannels,
  billingChannels,
  schedulerChannels,
  notifyChannels,
  dashboardChannels,
];

/** A channel named twice is a bug that must stop the app at start-up. */
function assertUniqueChannels(all: readonly Record<string, ChannelSpec>[]): void {
  const seen = new Set<string>();
  for (const name of all.flatMap((slice) => Object.keys(slice))) {
    if (seen.has(name)) throw new Error(`duplicate channel in contract: ${name}`);
    seen.add(name);
  }
}
assertUniqueChannels(slices);

/** The single source of truth for every channel: input, output, access and whether it writes. */
export const contract = {
  ...setupChannels,
  ...authChannels,
  ...usersChannels,
  ...auditChannels,
  ...settingsChannels,
  ...backupChannels,
  ...systemChannels,
  ...catalogChannels,
  ...inventoryChannels,
  ...posChannels,
  ...ordersChannels,
  ...customersChannels,
  ...networkChannels,
  ...mapChannels,
  ...ipamChannels,
  ...plansChannels,
  ...subscriptionsChannels,
  ...billingChannels,
  ...schedulerChannels,
  ...notifyChannels,
  ...dashboardChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract & string;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ChannelSpec } from './channel';
export * from './auth.contract';
export * from './users.contract';
export * from './audit.contract';
export * from './settings.contract';
export * from './backup.contract';
export * from './system.contract';
export * from './catalog.contract';
export * from './inventory.contract';
export * from './pos.contract';
export * from './orders.contract';
export * from './customers.contract';
export * from './network.contract';
export * from './map.contract';
export * from './ipam.contract';
export * from './plans.contract';
export * from './subscriptions.contract';
export * from './billing.contract';
export * from './scheduler.contract';
export * from './notify.contract';
export * from './dashboard.contract';
