import type { TaxMode } from '../../../shared/domain/tax';
import type { SyncColumns } from '../db/schema';

export type PlanRow = SyncColumns & {
  name: string;
  service: 'pppoe' | 'hotspot';
  download_kbps: number;
  upload_kbps: number;
  price: number;
  tax_mode: TaxMode;
  /** The PPP profile (or hotspot user profile) on the router. */
  router_profile: string;
  isolir_method: 'profile' | 'address-list';
  isolir_profile: string;
  isolir_address_list: string;
  installation_fee: number;
  archived: number;
  notes: string;
};

export type PlansTables = { plans: PlanRow };
