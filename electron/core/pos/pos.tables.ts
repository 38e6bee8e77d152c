import type { SyncColumns } from '../db/schema';

export type PaymentMethod = 'cash' | 'qris' | 'card' | 'ewallet' | 'transfer' | 'store_credit';

export type ShiftRow = SyncColumns & {
  number: string;
  user_id: string;
  warehouse_id: string;
  status: 'open' | 'closed';
  opened_at: number;
  opening_float: number;
  closed_at: number | null;
  expected_cash: number | null;
  counted_cash: number | null;
  /** JSON object: denomination (rupiah) → count. */
  denominations: string | null;
  variance: number | null;
  note: string;
};
export type CashMovementRow = SyncColumns & {
  shift_id: string;
  kind: 'float' | 'sale' | 'refund' | 'void' | 'cash_in' | 'cash_out' | 'order_payment';
  /** Signed: into the drawer positive. */
  amount: number;
  reason: string;
  ref_id: string | null;
  user_id: string | null;
};
export type SaleRow = SyncColumns & {
  number: string;
  shift_id: string | null;
  warehouse_id: string;
  customer_id: string | null;
  price_list_id: string | null;
  user_id: string;
  status: 'completed' | 'voided';
  subtotal: number;
  discount: number;
  base: number;
  ppn: number;
  total: number;
  rounding: number;
  amount_due: number;
  paid: number;
  change: number;
  refunded: number;
  approved_by: string | null;
  note: string;
  /** Hash of the request that created the sale: a retry with the same id must carry the same cart. */
  request_hash: string;
  voided_at: number | null;
  voided_by: string | null;
  void_reason: string | null;
};
export type SaleLineRow = SyncColumns & {
  sale_id: string;
  line_no: number;
  item_id: string;
  name: string;
  sku: string;
  quantity: number;
  unit_price: number;
  line_discount: number;
  cart_discount: number;
  base: number;
  ppn: number;
  total: number;
  tax_mode: string;
  unit_cost: number;
  refunded_quantity: number;
};
export type PaymentRow = SyncColumns & {
  sale_id: string | null;
  refund_id: string | null;
  order_id: string | null;
  shift_id: string | null;
  method: PaymentMethod;
  /** Signed: money received positive, refunds negative. */
  amount: number;
  reference: string;
  user_id: string | null;
};
export type RefundRow = SyncColumns & {
  number: string;
  sale_id: string;
  warehouse_id: string;
  shift_id: string | null;
  amount: number;
  method: string;
  reason: string;
  user_id: string | null;
};
export type RefundLineRow = SyncColumns & {
  refund_id: string;
  sale_line_id: string;
  quantity: number;
  amount: number;
};
export type HeldCartRow = { id: string; user_id: string; label: string; cart: string; created_at: number };

export type PosTables = {
  shifts: ShiftRow;
  cash_movements: CashMovementRow;
  sales: SaleRow;
  sale_lines: SaleLineRow;
  payments: PaymentRow;
  refunds: RefundRow;
  refund_lines: RefundLineRow;
  held_carts: HeldCartRow;
};
