import type { HandlerSlice } from '../api-types';
import { approveCount, cancelCount, createCount, getCount, listCounts, recordCount } from './counts.service';
import {
  adjustStock,
  createWarehouse,
  listReviews,
  listWarehouses,
  rebuildBalances,
  receiveGoods,
  resolveReview,
  stockHistory,
  stockLevels,
  updateWarehouse,
} from './inventory.service';
import { exportCountSheet, importCountSheet } from './count-sheet-csv.service';
import { exportProducts, importProducts } from './product-import.service';
import { exportXlsx } from './spreadsheet-export.service';
import { setThreshold } from './thresholds.service';
import { listTransfers, receiveTransfer, sendTransfer } from './transfers.service';

export const inventoryApi = {
  'inventory.warehouses.list': listWarehouses,
  'inventory.warehouses.create': createWarehouse,
  'inventory.warehouses.update': updateWarehouse,
  'inventory.stock.levels': stockLevels,
  'inventory.thresholds.set': setThreshold,
  'inventory.stock.history': stockHistory,
  'inventory.stock.receive': receiveGoods,
  'inventory.stock.adjust': adjustStock,
  'inventory.stock.rebuild': (ctx) => rebuildBalances(ctx),
  'inventory.transfers.send': sendTransfer,
  'inventory.transfers.receive': receiveTransfer,
  'inventory.transfers.list': listTransfers,
  'inventory.counts.create': createCount,
  'inventory.counts.record': recordCount,
  'inventory.counts.get': getCount,
  'inventory.counts.list': listCounts,
  'inventory.counts.approve': approveCount,
  'inventory.counts.cancel': cancelCount,
  'inventory.reviews.list': listReviews,
  'inventory.reviews.resolve': resolveReview,
  'inventory.import.products': importProducts,
  'inventory.export.products': exportProducts,
  'inventory.export.xlsx': exportXlsx,
  'inventory.counts.exportCsv': exportCountSheet,
  'inventory.counts.importCsv': importCountSheet,
} satisfies HandlerSlice<
  | 'inventory.warehouses.list'
  | 'inventory.warehouses.create'
  | 'inventory.warehouses.update'
  | 'inventory.stock.levels'
  | 'inventory.thresholds.set'
  | 'inventory.stock.history'
  | 'inventory.stock.receive'
  | 'inventory.stock.adjust'
  | 'inventory.stock.rebuild'
  | 'inventory.transfers.send'
  | 'inventory.transfers.receive'
  | 'inventory.transfers.list'
  | 'inventory.counts.create'
  | 'inventory.counts.record'
  | 'inventory.counts.get'
  | 'inventory.counts.list'
  | 'inventory.counts.approve'
  | 'inventory.counts.cancel'
  | 'inventory.reviews.list'
  | 'inventory.reviews.resolve'
  | 'inventory.import.products'
  | 'inventory.export.products'
  | 'inventory.export.xlsx'
  | 'inventory.counts.exportCsv'
  | 'inventory.counts.importCsv'
>;
