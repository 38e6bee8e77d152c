import type { SyncColumns } from '../db/schema';

export type OrderStatus = 'PENDING' | 'PROCESSED' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED';

export type OrderRow = SyncColumns & {
  number: string;
  customer_id: string | null;
  customer_name: string;
  customer_phone: string;
  channel: 'phone' | 'whatsapp' | 'marketplace' | 'walk_in' | 'other';
  status: OrderStatus;
  warehouse_id: string;
  shipping_address: string;
  shipping_fee: number;
  subtotal: number;
  discount: number;
  base: number;
  ppn: number;
  total: number;
  paid: number;
  note: string;
  cancel_reason: string | null;
  user_id: string | null;
};
export type OrderLineRow = SyncColumns & {
  order_id: string;
  line_no: number;
  item_id: string;
  name: string;
  sku: string;
  quantity: number;
  unit_price: number;
  discount: number;
  base: number;
  ppn: number;
  total: number;
  tax_mode: string;
};
export type OrderStatusHistoryRow = SyncColumns & {
  order_id: string;
  from_status: string | null;
  to_status: string;
  note: string;
  user_id: string | null;
};

export type OrdersTables = {
  orders: OrderRow;
  order_lines: OrderLineRow;
  order_status_history: OrderStatusHistoryRow;
};
