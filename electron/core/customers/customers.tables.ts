import type { SyncColumns } from '../db/schema';

export type CustomerGroupRow = SyncColumns & { name: string; price_list_id: string | null };
export type CustomerRow = SyncColumns & {
  code: string;
  name: string;
  phone: string;
  email: string;
  address: string;
  group_id: string | null;
  notes: string;
};
export type CustomerCreditMovementRow = SyncColumns & {
  customer_id: string;
  amount: number;
  kind: string;
  ref_id: string | null;
  user_id: string | null;
};

export type CustomersTables = {
  customer_groups: CustomerGroupRow;
  customers: CustomerRow;
  customer_credit_movements: CustomerCreditMovementRow;
};
