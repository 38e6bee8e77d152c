import type { HandlerSlice } from '../api-types';
import { holdCart, listCarts, qrisFor, recallCart, setPin } from './carts.service';
import { printReceipt, renderReceipt } from './receipts.service';
import { refundSale } from './refunds.service';
import { saleOut } from './sale-view';
import { completeSale, listSales, voidSale } from './sales.service';
import { closeShift, currentShift, moveCash, openShift, shiftReport } from './shifts.service';

export const posApi = {
  'pos.shifts.open': openShift,
  'pos.shifts.current': (ctx) => currentShift(ctx),
  'pos.shifts.cashMove': moveCash,
  'pos.shifts.close': closeShift,
  'pos.shifts.report': shiftReport,
  'pos.sales.complete': completeSale,
  'pos.sales.get': (ctx, input) => saleOut(ctx, input.id),
  'pos.sales.list': listSales,
  'pos.sales.refund': refundSale,
  'pos.sales.void': voidSale,
  'pos.receipts.render': renderReceipt,
  'pos.receipts.print': printReceipt,
  'pos.carts.hold': holdCart,
  'pos.carts.list': (ctx) => listCarts(ctx),
  'pos.carts.recall': recallCart,
  'pos.qris.dynamic': qrisFor,
  'auth.pin.set': setPin,
} satisfies HandlerSlice<
  | 'pos.shifts.open'
  | 'pos.shifts.current'
  | 'pos.shifts.cashMove'
  | 'pos.shifts.close'
  | 'pos.shifts.report'
  | 'pos.sales.complete'
  | 'pos.sales.get'
  | 'pos.sales.list'
  | 'pos.sales.refund'
  | 'pos.sales.void'
  | 'pos.receipts.render'
  | 'pos.receipts.print'
  | 'pos.carts.hold'
  | 'pos.carts.list'
  | 'pos.carts.recall'
  | 'pos.qris.dynamic'
  | 'auth.pin.set'
>;
