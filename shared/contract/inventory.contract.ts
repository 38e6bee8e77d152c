import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

const Quantity = z.number().int().positive().max(10_000_000);
const Cost = z.number().int().nonnegative().max(1_000_000_000_000);
const WarehouseCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,23}$/, 'code: letters, digits and dashes, e.g. WH-JKT-01');

export const Warehouse = z.strictObject({ id: Id, code: z.string(), name: z.string(), address: z.string(), archived: z.boolean() });
export type Warehouse = z.infer<typeof Warehouse>;

export const MovementKindSchema = z.enum([
  'receipt',
  'sale',
  'sale_return',
  'sale_void',
  'transfer_out',
  'transfer_in',
  'adjustment',
  'write_off',
  'count',
  'order_ship',
  'order_return',
]);

export const StockLevel = z.strictObject({
  itemId: Id,
  sku: z.string(),
  name: z.string(),
  warehouseId: Id,
  warehouseCode: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  /** Units sent to this warehouse and not yet received. */
  inTransit: z.number().int(),
  lowStockThreshold: z.number().int(),
  low: z.boolean(),
});
export type StockLevel = z.infer<typeof StockLevel>;

export const Movement = z.strictObject({
  id: Id,
  at: EpochMs,
  itemId: Id,
  warehouseId: Id,
  warehouseCode: z.string(),
  quantity: z.number().int(),
  kind: MovementKindSchema,
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  unitCost: z.number().int(),
  reason: z.string(),
  username: z.string().nullable(),
  balanceAfter: z.number().int(),
  flagged: z.boolean(),
});
export type Movement = z.infer<typeof Movement>;

export const GoodsReceipt = z.strictObject({
  id: Id,
  number: z.string(),
  warehouseId: Id,
  supplier: z.string(),
  totalCost: z.number().int(),
  lines: z.array(z.strictObject({ itemId: Id, quantity: z.number().int(), unitCost: z.number().int() })),
});

export const Transfer = z.strictObject({
  id: Id,
  number: z.string(),
  fromWarehouseId: Id,
  toWarehouseId: Id,
  status: z.enum(['in_transit', 'partially_received', 'received']),
  note: z.string(),
  sentAt: EpochMs,
  receivedAt: EpochMs.nullable(),
  lines: z.array(
    z.strictObject({ itemId: Id, sku: z.string(), name: z.string(), quantitySent: z.number().int(), quantityReceived: z.number().int() }),
  ),
});
export type Transfer = z.infer<typeof Transfer>;

export const StockCount = z.strictObject({
  id: Id,
  number: z.string(),
  warehouseId: Id,
  status: z.enum(['open', 'approved', 'cancelled']),
  note: z.string(),
  createdAt: EpochMs,
  approvedAt: EpochMs.nullable(),
  lines: z.array(
    z.strictObject({
      itemId: Id,
      sku: z.string(),
      name: z.string(),
      counted: z.number().int(),
      /** On hand now (open) or when approved. */
      expected: z.number().int(),
      variance: z.number().int(),
    }),
  ),
});
export type StockCount = z.infer<typeof StockCount>;

export const StockReview = z.strictObject({
  movementId: Id,
  at: EpochMs,
  itemId: Id,
  sku: z.string(),
  name: z.string(),
  warehouseCode: z.string(),
  quantity: z.number().int(),
  balanceAfter: z.number().int(),
  kind: MovementKindSchema,
  refId: z.string().nullable(),
});

export const ImportRowError = z.strictObject({ row: z.number().int(), field: z.string(), message: z.string() });

const page = { offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const inventoryChannels = defineChannels({
  'inventory.warehouses.list': {
    summary: 'Warehouses (shop floors, stores, vans).',
    input: z.strictObject({ includeArchived: z.boolean().default(false) }),
    output: z.array(Warehouse),
    access: 'authenticated',
    writes: false,
  },
  'inventory.warehouses.create': {
    summary: 'Adds a warehouse with a unique code such as WH-JKT-01.',
    input: z.strictObject({ code: WarehouseCode, name: z.string().trim().min(1).max(80), address: z.string().trim().max(300).default('') }),
    output: Warehouse,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.warehouses.update': {
    summary: 'Renames a warehouse, changes its address, or archives it.',
    input: z.strictObject({
      id: Id,
      name: z.string().trim().min(1).max(80).optional(),
      address: z.string().trim().max(300).optional(),
      archived: z.boolean().optional(),
    }),
    output: Warehouse,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.stock.levels': {
    summary: 'On hand, reserved, available and in transit per item × warehouse; filter by low stock or search.',
    input: z.strictObject({
      warehouseId: Id.optional(),
      itemId: Id.optional(),
      query: z.string().trim().max(80).optional(),
      lowOnly: z.boolean().default(false),
      ...page,
    }),
    output: z.strictObject({ levels: z.array(StockLevel), total: z.number().int() }),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.thresholds.set': {
    summary: 'Sets (or, with null, clears) an item’s low-stock threshold in one warehouse; the item’s own applies otherwise.',
    input: z.strictObject({ itemId: Id, warehouseId: Id, lowStockThreshold: z.number().int().nonnegative().max(10_000_000).nullable() }),
    output: z.strictObject({ itemId: Id, warehouseId: Id, lowStockThreshold: z.number().int(), own: z.boolean() }),
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.stock.history': {
    summary: 'An item’s movements, newest first.',
    input: z.strictObject({ itemId: Id, warehouseId: Id.optional(), ...page }),
    output: z.strictObject({ movements: z.array(Movement), total: z.number().int() }),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.stock.receive': {
    summary: 'Goods receipt from a supplier: stock in, moving-average cost updated.',
    input: z.strictObject({
      warehouseId: Id,
      supplier: z.string().trim().max(120).default(''),
      note: z.string().trim().max(500).default(''),
      lines: z.array(z.strictObject({ itemId: Id, quantity: Quantity, unitCost: Cost })).min(1).max(500),
    }),
    output: GoodsReceipt,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.stock.adjust': {
    summary: 'Adjustment (signed quantity) or write-off (quantity out), with a reason.',
    input: z.strictObject({
      warehouseId: Id,
      itemId: Id,
      kind: z.enum(['adjustment', 'write_off']).default('adjustment'),
      quantity: z.number().int().min(-10_000_000).max(10_000_000).refine((q) => q !== 0, 'must not be zero'),
      reason: z.string().trim().min(3).max(300),
    }),
    output: Movement,
    access: 'inventory.adjust',
    writes: true,
  },
  'inventory.stock.rebuild': {
    summary: 'Recomputes every balance from the ledger and reports (and repairs) any that differ.',
    input: z.strictObject({}),
    output: z.strictObject({
      checked: z.number().int(),
      mismatches: z.array(z.strictObject({ itemId: Id, warehouseId: Id, stored: z.number().int(), ledger: z.number().int() })),
    }),
    access: 'inventory.adjust',
    writes: true,
  },
  'inventory.transfers.send': {
    summary: 'Sends stock to another warehouse: it leaves now and is in transit until received.',
    input: z.strictObject({
      fromWarehouseId: Id,
      toWarehouseId: Id,
      note: z.string().trim().max(500).default(''),
      lines: z.array(z.strictObject({ itemId: Id, quantity: Quantity })).min(1).max(500),
    }),
    output: Transfer,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.transfers.receive': {
    summary: 'Receives all or part of a transfer at its destination.',
    input: z.strictObject({ transferId: Id, lines: z.array(z.strictObject({ itemId: Id, quantity: Quantity })).min(1).max(500) }),
    output: Transfer,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.transfers.list': {
    summary: 'Transfers, newest first, optionally only those still in transit.',
    input: z.strictObject({ openOnly: z.boolean().default(false), ...page }),
    output: z.array(Transfer),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.counts.create': {
    summary: 'Opens a stock count (opname) sheet for a warehouse.',
    input: z.strictObject({ warehouseId: Id, note: z.string().trim().max(500).default('') }),
    output: StockCount,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.counts.record': {
    summary: 'Records counted quantities on an open sheet (replacing earlier counts of the same items).',
    input: z.strictObject({
      countId: Id,
      lines: z.array(z.strictObject({ itemId: Id, counted: z.number().int().nonnegative().max(10_000_000) })).min(1).max(5000),
    }),
    output: StockCount,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.counts.get': {
    summary: 'A count sheet with expected quantities and variances.',
    input: z.strictObject({ id: Id }),
    output: StockCount,
    access: 'inventory.view',
    writes: false,
  },
  'inventory.counts.list': {
    summary: 'Count sheets, newest first.',
    input: z.strictObject({ ...page }),
    output: z.array(StockCount.omit({ lines: true })),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.counts.approve': {
    summary: 'Manager approval: posts each variance as a count movement and closes the sheet.',
    input: z.strictObject({ id: Id }),
    output: StockCount,
    access: 'inventory.adjust',
    writes: true,
  },
  'inventory.counts.cancel': {
    summary: 'Cancels an open count sheet; nothing is posted.',
    input: z.strictObject({ id: Id }),
    output: StockCount,
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.reviews.list': {
    summary: 'Movements that took stock below zero under the "allow" policy and are not yet reviewed.',
    input: z.strictObject({ ...page }),
    output: z.array(StockReview),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.reviews.resolve': {
    summary: 'Marks a flagged movement as reviewed, with a note.',
    input: z.strictObject({ movementId: Id, note: z.string().trim().min(3).max(300) }),
    output: z.strictObject({ ok: z.literal(true) }),
    access: 'inventory.adjust',
    writes: true,
  },
  'inventory.import.products': {
    summary: 'Imports products from CSV (`,` or `;`); any bad row imports nothing and every row’s error is returned.',
    input: z.strictObject({ csv: z.string().min(1).max(50_000_000), dryRun: z.boolean().default(false) }),
    output: z.strictObject({ imported: z.number().int(), errors: z.array(ImportRowError) }),
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.export.xlsx': {
    summary: 'Products with prices, or stock levels, as an Excel workbook.',
    input: z.strictObject({ kind: z.enum(['products', 'stock']), warehouseId: Id.optional() }),
    output: z.strictObject({ fileName: z.string(), base64: z.string() }),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.counts.exportCsv': {
    summary: 'A count sheet as CSV (sku, barcode, name, expected, counted) to fill in.',
    input: z.strictObject({ id: Id, delimiter: z.enum([',', ';']).default(',') }),
    output: z.strictObject({ fileName: z.string(), csv: z.string() }),
    access: 'inventory.view',
    writes: false,
  },
  'inventory.counts.importCsv': {
    summary: 'Records counts from CSV (sku, counted); any bad row records nothing and every error is returned.',
    input: z.strictObject({ countId: Id, csv: z.string().min(1).max(20_000_000) }),
    output: z.strictObject({ recorded: z.number().int(), errors: z.array(ImportRowError) }),
    access: 'inventory.manage',
    writes: true,
  },
  'inventory.export.products': {
    summary: 'Products and their items as CSV (the import’s format).',
    input: z.strictObject({ delimiter: z.enum([',', ';']).default(',') }),
    output: z.strictObject({ fileName: z.string(), csv: z.string() }),
    access: 'inventory.view',
    writes: false,
  },
});
