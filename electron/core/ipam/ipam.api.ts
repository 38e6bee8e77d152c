import type { ipamChannels } from '../../../shared/contract/ipam.contract';
import type { HandlerSlice } from '../api-types';
import {
  checkAddressChannel,
  createPool,
  listPools,
  poolUsage,
  removePool,
  updatePool,
} from './ipam.service';

export const ipamApi = {
  'ipam.pools.list': listPools,
  'ipam.pools.create': createPool,
  'ipam.pools.update': updatePool,
  'ipam.pools.remove': removePool,
  'ipam.pools.usage': poolUsage,
  'ipam.addresses.check': checkAddressChannel,
} satisfies HandlerSlice<keyof typeof ipamChannels>;
