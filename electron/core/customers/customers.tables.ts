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
  nik: string;
  category: 'residential' | 'business';
  latitude: number | null;
  longitude: number | null;
  status: 'prospect' | 'active' | 'terminated';
};
export type CustomerDocumentRow = SyncColumns & {
  customer_id: string;
  kind: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
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
  customer_documents: CustomerDocumentRow;
};
