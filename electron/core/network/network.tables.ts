import type { SyncColumns } from '../db/schema';

export type RouterRow = SyncColumns & {
  name: string;
  host: string;
  port: number;
  tls: number;
  username: string;
  branch: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  notes: string;
  hotspot_dns: string;
};
export type RouterStatusRow = {
  router_id: string;
  online: number;
  latency_ms: number | null;
  last_seen_at: number | null;
  checked_at: number | null;
  version: string | null;
  identity: string | null;
  board: string | null;
  uptime: string | null;
  cpu_load: number | null;
  free_memory: number | null;
  total_memory: number | null;
  last_error: string | null;
};
export type RouterJobState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
export type RouterJobRow = {
  id: string;
  router_id: string;
  operation: string;
  payload: string;
  label: string;
  state: RouterJobState;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  result: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
};
export type PppSecretRow = SyncColumns & {
  router_id: string;
  name: string;
  profile: string;
  service: string;
  remote_address: string;
  disabled: number;
  note: string;
};
export type AddressListEntryRow = SyncColumns & {
  router_id: string;
  list: string;
  address: string;
  note: string;
};
export type VoucherBatchRow = SyncColumns & {
  router_id: string;
  count: number;
  profile: string;
  server: string;
  limit_uptime: string;
  limit_bytes_total: number;
  price: number;
  comment: string;
  item_id: string | null;
  job_id: string | null;
};
export type HotspotVoucherRow = SyncColumns & {
  batch_id: string;
  router_id: string;
  username: string;
  password: string;
};

/** A hotspot user Gerai manages (a hotspot subscription's login); password in `secrets` as `hotspot:<id>`. */
export type HotspotUserRow = SyncColumns & {
  router_id: string;
  name: string;
  profile: string;
  /** The hotspot server it may log in to (`all` by default). */
  server: string;
  /** Bound MAC address, or empty. */
  mac_address: string;
  /** Static IP given at login, or empty. */
  address: string;
  disabled: number;
  note: string;
};

export type NetworkTables = {
  routers: RouterRow;
  router_status: RouterStatusRow;
  router_jobs: RouterJobRow;
  ppp_secrets: PppSecretRow;
  address_list_entries: AddressListEntryRow;
  voucher_batches: VoucherBatchRow;
  hotspot_vouchers: HotspotVoucherRow;
  hotspot_users: HotspotUserRow;
};
