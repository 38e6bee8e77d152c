import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

const Rupiah = z.number().int().nonnegative().max(1_000_000_000_000);
export const PaymentMethodSchema = z.enum(['cash', 'qris', 'card', 'ewallet', 'transfer', 'store_credit']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;
const DiscountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('amount'), value: Rupiah }),
  z.strictObject({ kind: z.literal('percent'), value: z.number().min(0).max(100) }),
]);
/** Manager PIN: 4–8 digits. */
const Pin = z.string().regex(/^\d{4,8}$/, 'PIN: 4–8 digits');

export const SaleLine = z.strictObject({
  id: Id,
  lineNo: z.number().int(),
  itemId: Id,
  name: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  unitPrice: z.number().int(),
  lineDiscount: z.number().int(),
  cartDiscount: z.number().int(),
  base: z.number().int(),
  ppn: z.number().int(),
  total: z.number().int(),
  taxMode: z.enum(['included', 'excluded', 'exempt']),
  refundedQuantity: z.number().int(),
});

export const Payment = z.strictObject({ method: PaymentMethodSchema, amount: z.number().int(), reference: z.string() });

export const Sale = z.strictObject({
  id: Id,
  number: z.string(),
  status: z.enum(['completed', 'voided']),
  createdAt: EpochMs,
  cashier: z.string(),
  customer: z.strictObject({ id: Id, code: z.string(), name: z.string() }).nullable(),
  warehouseId: Id,
  shiftId: Id.nullable(),
  lines: z.array(SaleLine),
  subtotal: z.number().int(),
  discount: z.number().int(),
  base: z.number().int(),
  ppn: z.number().int(),
  total: z.number().int(),
  /** Cash rounding applied (positive when the customer paid more). */
  rounding: z.number().int(),
  amountDue: z.number().int(),
  payments: z.array(Payment),
  paid: z.number().int(),
  change: z.number().int(),
  refunded: z.number().int(),
  voided: z.strictObject({ at: EpochMs, by: z.string(), reason: z.string() }).nullable(),
});
export type Sale = z.infer<typeof Sale>;

export const Shift = z.strictObject({
  id: Id,
  number: z.string(),
  status: z.enum(['open', 'closed']),
  cashier: z.string(),
  warehouseId: Id,
  openedAt: EpochMs,
  openingFloat: z.number().int(),
  closedAt: EpochMs.nullable(),
  /** Cash that should be in the drawer: float + cash sales − cash refunds ± cash in/out. */
  expectedCash: z.number().int(),
  countedCash: z.number().int().nullable(),
  variance: z.number().int().nullable(),
});
export type Shift = z.infer<typeof Shift>;

export const ShiftReport = z.strictObject({
  kind: z.enum(['X', 'Z']),
  shift: Shift,
  salesCount: z.number().int(),
  voidCount: z.number().int(),
  gross: z.number().int(),
  discounts: z.number().int(),
  ppn: z.number().int(),
  refunds: z.number().int(),
  net: z.number().int(),
  byMethod: z.array(z.strictObject({ method: PaymentMethodSchema, amount: z.number().int(), count: z.number().int() })),
  cashIn: z.number().int(),
  cashOut: z.number().int(),
  denominations: z.record(z.string(), z.number().int()).nullable(),
});

export const Refund = z.strictObject({
  id: Id,
  number: z.string(),
  saleId: Id,
  amount: z.number().int(),
  method: PaymentMethodSchema,
  reason: z.string(),
  lines: z.array(z.strictObject({ saleLineId: Id, quantity: z.number().int(), amount: z.number().int() })),
});

export const CartLineInput = z.strictObject({
  itemId: Id,
  quantity: z.number().int().positive().max(100_000),
  discount: DiscountSchema.optional(),
});

export const HeldCart = z.strictObject({ id: Id, label: z.string(), createdAt: EpochMs, cart: z.unknown() });

export const posChannels = defineChannels({
  'pos.shifts.open': {
    summary: 'Opens this till’s shift with a cash float. One open shift per device.',
    input: z.strictObject({ warehouseId: Id, openingFloat: Rupiah }),
    output: Shift,
    access: 'pos.sell',
    writes: true,
  },
  'pos.shifts.current': {
    summary: 'This till’s open shift, if any.',
    input: z.strictObject({}),
    output: Shift.nullable(),
    access: 'pos.sell',
    writes: false,
  },
  'pos.shifts.cashMove': {
    summary: 'Cash put into or taken out of the drawer, with a reason.',
    input: z.strictObject({ kind: z.enum(['cash_in', 'cash_out']), amount: Rupiah.positive(), reason: z.string().trim().min(3).max(200) }),
    output: Shift,
    access: 'pos.sell',
    writes: true,
  },
  'pos.shifts.close': {
    summary: 'Closes the shift with a count by denomination; answers expected vs counted.',
    input: z.strictObject({
      denominations: z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative().max(100_000)),
      note: z.string().trim().max(500).default(''),
    }),
    output: ShiftReport,
    access: 'pos.sell',
    writes: true,
  },
  'pos.shifts.report': {
    summary: 'X report (shift so far) or Z report (a closed shift).',
    input: z.strictObject({ shiftId: Id.optional() }),
    output: ShiftReport,
    access: 'pos.sell',
    writes: false,
  },
  'pos.sales.complete': {
    summary: 'Completes a sale in one transaction; the same client sale id never makes a second sale.',
    input: z.strictObject({
      id: Id,
      warehouseId: Id.optional(),
      customerId: Id.nullable().optional(),
      lines: z.array(CartLineInput).min(1).max(500),
      cartDiscount: DiscountSchema.optional(),
      payments: z.array(z.strictObject({ method: PaymentMethodSchema, amount: Rupiah.positive(), reference: z.string().trim().max(100).default('') })).min(1).max(10),
      managerPin: Pin.optional(),
      note: z.string().trim().max(300).default(''),
    }),
    output: Sale,
    access: 'pos.sell',
    writes: true,
  },
  'pos.sales.get': {
    summary: 'One sale with lines and payments.',
    input: z.strictObject({ id: Id }),
    output: Sale,
    access: 'pos.sell',
    writes: false,
  },
  'pos.sales.list': {
    summary: 'Sales, newest first, by shift, time range or number.',
    input: z.strictObject({
      shiftId: Id.optional(),
      from: EpochMs.optional(),
      to: EpochMs.optional(),
      number: z.string().trim().max(40).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ sales: z.array(Sale), total: z.number().int() }),
    access: 'pos.sell',
    writes: false,
  },
  'pos.sales.refund': {
    summary: 'Returns some or all of a sale’s lines, restocking a chosen warehouse, and pays back.',
    input: z.strictObject({
      id: Id,
      saleId: Id,
      warehouseId: Id,
      method: PaymentMethodSchema,
      reason: z.string().trim().min(3).max(300),
      lines: z.array(z.strictObject({ saleLineId: Id, quantity: z.number().int().positive() })).min(1).max(500),
    }),
    output: Refund,
    access: 'pos.sell',
    writes: true,
  },
  'pos.sales.void': {
    summary: 'Voids a whole sale: stock back, payments reversed. Needs pos.void.',
    input: z.strictObject({ saleId: Id, reason: z.string().trim().min(3).max(300) }),
    output: Sale,
    access: 'pos.void',
    writes: true,
  },
  'pos.receipts.render': {
    summary: 'A sale’s receipt as HTML (preview) and as ESC/POS bytes (base64) for 58 or 80 mm paper.',
    input: z.strictObject({ saleId: Id, width: z.union([z.literal(58), z.literal(80)]).optional(), reprint: z.boolean().default(false) }),
    output: z.strictObject({ html: z.string(), escposBase64: z.string(), width: z.union([z.literal(58), z.literal(80)]) }),
    access: 'pos.sell',
    writes: false,
  },
  'pos.receipts.print': {
    summary: 'Sends a receipt to the branch’s network printer (TCP 9100) or saves the bytes to a file.',
    input: z.strictObject({ saleId: Id, reprint: z.boolean().default(false), toFile: z.boolean().default(false) }),
    output: z.strictObject({ destination: z.string(), bytes: z.number().int() }),
    access: 'pos.sell',
    writes: false,
  },
  'pos.carts.hold': {
    summary: 'Puts a cart aside to serve the next customer.',
    input: z.strictObject({ label: z.string().trim().min(1).max(60), cart: z.unknown() }),
    output: HeldCart,
    access: 'pos.sell',
    writes: true,
  },
  'pos.carts.list': {
    summary: 'Carts held at this till.',
    input: z.strictObject({}),
    output: z.array(HeldCart),
    access: 'pos.sell',
    writes: false,
  },
  'pos.carts.recall': {
    summary: 'Takes a held cart back (it leaves the held list).',
    input: z.strictObject({ id: Id }),
    output: HeldCart,
    access: 'pos.sell',
    writes: true,
  },
  'pos.qris.dynamic': {
    summary: 'A dynamic QRIS string for an amount, made from the branch’s static QRIS.',
    input: z.strictObject({ amount: Rupiah.positive() }),
    output: z.strictObject({ payload: z.string() }),
    access: 'pos.sell',
    writes: false,
  },
  'auth.pin.set': {
    summary: 'Sets the signed-in user’s approval PIN (for discounts above the limit).',
    input: z.strictObject({ currentPassword: z.string().min(1).max(200), pin: Pin }),
    output: z.strictObject({ ok: z.literal(true) }),
    access: 'pos.discount',
    writes: true,
  },
});
