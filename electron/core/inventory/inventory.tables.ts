import type { SyncColumns } from '../db/schema';

export type MovementKind =
  | 'receipt'
  | 'sale'
  | 'sale_return'
  | 'sale_void'
  | 'transfer_out'
  | 'transfer_in'
  | 'adjustment'
  | 'write_off'
  | 'count'
  | 'order_ship'
  | 'order_return';

export type WarehouseRow = SyncColumns & { code: string; name: string; address: string; archived: number };
export type StockMovementRow = SyncColumns & {
  item_id: string;
  warehouse_id: string;
  /** Signed: positive in, negative out. Never zero. */
  quantity: number;
  kind: MovementKind;
  ref_type: string | null;
  ref_id: string | null;
  unit_cost: number;
  reason: string;
  user_id: string | null;
  balance_after: number;
  /** 1 when the movement took on-hand below zero under the "allow" policy: listed for review. */
  flagged: number;
};
export type StockBalanceRow = { item_id: string; warehouse_id: string; on_hand: number; reserved: number };
export type StockThresholdRow = SyncColumns & {
  item_id: string;
  warehouse_id: string;
  low_stock_threshold: number;
};
export type StockReviewRow = SyncColumns & { movement_id: string; note: string; user_id: string | null };
export type GoodsReceiptRow = SyncColumns & {
  number: string;
  warehouse_id: string;
  supplier: string;
  note: string;
  total_cost: number;
  user_id: string | null;
};
export type GoodsReceiptLineRow = SyncColumns & {
  receipt_id: string;
  item_id: string;
  quantity: number;
  unit_cost: number;
};
export type TransferRow = SyncColumns & {
  number: string;
  from_warehouse_id: string;
  to_warehouse_id: string;
  status: 'in_transit' | 'partially_received' | 'received';
  note: string;
  sent_by: string | null;
  sent_at: number;
  received_at: number | null;
};
export type TransferLineRow = SyncColumns & {
  transfer_id: string;
  item_id: string;
  quantity_sent: number;
  quantity_received: number;
};
export type StockCountRow = SyncColumns & {
  number: string;
  warehouse_id: string;
  status: 'open' | 'approved' | 'cancelled';
  note: string;
  created_by: string | null;
  approved_by: string | null;
  approved_at: number | null;
};
export type StockCountLineRow = SyncColumns & { count_id: string; item_id: string; counted: number };

export type InventoryTables = {
  warehouses: WarehouseRow;
  stock_movements: StockMovementRow;
  stock_balances: StockBalanceRow;
  stock_thresholds: StockThresholdRow;
  stock_reviews: StockReviewRow;
  goods_receipts: GoodsReceiptRow;
  goods_receipt_lines: GoodsReceiptLineRow;
  transfers: TransferRow;
  transfer_lines: TransferLineRow;
  stock_counts: StockCountRow;
  stock_count_lines: StockCountLineRow;
};
