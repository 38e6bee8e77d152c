import type { HandlerSlice } from '../api-types';
import { addAddressListEntry, listAddressList, listQueues, removeAddressListEntry, upsertQueue } from './firewall.service';
import { generateVouchers, kickHotspotUser, listHotspotActive, listHotspotProfiles, listHotspotUsers, voucherBatchPdf } from './hotspot.service';
import { kickPppActive, listPppActive, listPppProfiles, listPppSecrets, removePppSecret, upsertPppProfile, upsertPppSecret } from './ppp.service';
import { applyReconcile, previewReconcile } from './reconcile.service';
import { cancelJob, listJobs, retryJob } from './router-jobs';
import { createRouter, listRouters, removeRouter, routerDashboard, testRouter, updateRouter } from './routers.service';
import { watchTraffic } from './traffic';

export const networkApi = {
  'network.routers.create': createRouter,
  'network.routers.update': updateRouter,
  'network.routers.list': (ctx) => listRouters(ctx),
  'network.routers.test': testRouter,
  'network.routers.remove': removeRouter,
  'network.routers.dashboard': routerDashboard,
  'network.traffic.watch': watchTraffic,
  'network.ppp.profiles.list': listPppProfiles,
  'network.ppp.profiles.upsert': upsertPppProfile,
  'network.ppp.secrets.list': listPppSecrets,
  'network.ppp.secrets.upsert': upsertPppSecret,
  'network.ppp.secrets.remove': removePppSecret,
  'network.ppp.active.list': listPppActive,
  'network.ppp.active.kick': kickPppActive,
  'network.hotspot.profiles.list': listHotspotProfiles,
  'network.hotspot.users.list': listHotspotUsers,
  'network.hotspot.active.list': listHotspotActive,
  'network.hotspot.active.kick': kickHotspotUser,
  'network.hotspot.vouchers.generate': generateVouchers,
  'network.hotspot.vouchers.pdf': voucherBatchPdf,
  'network.queues.list': listQueues,
  'network.queues.upsert': upsertQueue,
  'network.addressList.list': listAddressList,
  'network.addressList.add': addAddressListEntry,
  'network.addressList.remove': removeAddressListEntry,
  'network.jobs.list': listJobs,
  'network.jobs.retry': retryJob,
  'network.jobs.cancel': cancelJob,
  'network.reconcile.preview': previewReconcile,
  'network.reconcile.apply': applyReconcile,
} satisfies HandlerSlice<
  | 'network.routers.create'
  | 'network.routers.update'
  | 'network.routers.list'
  | 'network.routers.test'
  | 'network.routers.remove'
  | 'network.routers.dashboard'
  | 'network.traffic.watch'
  | 'network.ppp.profiles.list'
  | 'network.ppp.profiles.upsert'
  | 'network.ppp.secrets.list'
  | 'network.ppp.secrets.upsert'
  | 'network.ppp.secrets.remove'
  | 'network.ppp.active.list'
  | 'network.ppp.active.kick'
  | 'network.hotspot.profiles.list'
  | 'network.hotspot.users.list'
  | 'network.hotspot.active.list'
  | 'network.hotspot.active.kick'
  | 'network.hotspot.vouchers.generate'
  | 'network.hotspot.vouchers.pdf'
  | 'network.queues.list'
  | 'network.queues.upsert'
  | 'network.addressList.list'
  | 'network.addressList.add'
  | 'network.addressList.remove'
  | 'network.jobs.list'
  | 'network.jobs.retry'
  | 'network.jobs.cancel'
  | 'network.reconcile.preview'
  | 'network.reconcile.apply'
>;
