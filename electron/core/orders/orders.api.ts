import type { HandlerSlice } from '../api-types';
import { createOrder, listOrders, orderDocument, orderOut, recordOrderPayment, setOrderStatus } from './orders.service';

export const ordersApi = {
  'orders.create': createOrder,
  'orders.setStatus': setOrderStatus,
  'orders.payments.record': recordOrderPayment,
  'orders.list': listOrders,
  'orders.get': (ctx, input) => orderOut(ctx, input.id),
  'orders.documents.pdf': orderDocument,
} satisfies HandlerSlice<'orders.create' | 'orders.setStatus' | 'orders.payments.record' | 'orders.list' | 'orders.get' | 'orders.documents.pdf'>;
