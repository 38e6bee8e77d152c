import type { OrderStatus } from '../../../../shared/contract/index';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PENDING',
  'PROCESSED',
  'SHIPPED',
  'COMPLETED',
  'CANCELLED',
];

/** The core's rule of which status may follow which; the UI offers only these. */
export type TargetStatus = Exclude<OrderStatus, 'PENDING'>;

export const NEXT_STATUS: Record<OrderStatus, readonly TargetStatus[]> = {
  PENDING: ['PROCESSED', 'CANCELLED'],
  PROCESSED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export const STATUS_COLOR = {
  PENDING: 'warning',
  PROCESSED: 'info',
  SHIPPED: 'primary',
  COMPLETED: 'success',
  CANCELLED: 'default',
} as const;

export const PAYMENT_COLOR = { unpaid: 'error', partial: 'warning', paid: 'success' } as const;
