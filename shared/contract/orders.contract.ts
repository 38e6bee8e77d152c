import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';
import { CartLineInput, PaymentMethodSchema } from './pos.contract';

export const OrderStatusSchema = z.enum(['PENDING', 'PROCESSED', 'SHIPPED', 'COMPLETED', 'CANCELLED']);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
export const PaymentStatusSchema = z.enum(['unpaid', 'partial', 'paid']);
export const OrderChannelSchema = z.enum(['phone', 'whatsapp', 'marketplace', 'walk_in', 'other']);

export const Order = z.strictObject({
  id: Id,
  number: z.string(),
  status: OrderStatusSchema,
  channel: OrderChannelSchema,
  createdAt: EpochMs,
  customerId: Id.nullable(),
  customerName: z.string(),
  customerPhone: z.string(),
  warehouseId: Id,
  shippingAddress: z.string(),
  shippingFee: z.number().int(),
  lines: z.array(
    z.strictObject({
      lineNo: z.number().int(),
      itemId: Id,
      name: z.string(),
      sku: z.string(),
      quantity: z.number().int(),
      unitPrice: z.number().int(),
      discount: z.number().int(),
      ppn: z.number().int(),
      total: z.number().int(),
    }),
  ),
  subtotal: z.number().int(),
  discount: z.number().int(),
  ppn: z.number().int(),
  /** Goods plus shipping. */
  total: z.number().int(),
  paid: z.number().int(),
  paymentStatus: PaymentStatusSchema,
  note: z.string(),
  cancelReason: z.string().nullable(),
  history: z.array(z.strictObject({ at: EpochMs, from: OrderStatusSchema.nullable(), to: OrderStatusSchema, note: z.string(), by: z.string() })),
});
export type Order = z.infer<typeof Order>;

export const ordersChannels = defineChannels({
  'orders.create': {
    summary: 'Takes an order (phone, WhatsApp, marketplace): prices it and reserves its stock. Idempotent by id.',
    input: z.strictObject({
      id: Id,
      channel: OrderChannelSchema,
      customerId: Id.nullable().optional(),
      customerName: z.string().trim().min(1).max(100),
      customerPhone: z.string().trim().max(30).default(''),
      warehouseId: Id.optional(),
      shippingAddress: z.string().trim().max(500).default(''),
      shippingFee: z.number().int().nonnegative().max(100_000_000).default(0),
      lines: z.array(CartLineInput).min(1).max(500),
      note: z.string().trim().max(500).default(''),
    }),
    output: Order,
    access: 'orders.manage',
    writes: true,
  },
  'orders.setStatus': {
    summary: 'Moves one or more orders on: PENDING → PROCESSED → SHIPPED → COMPLETED, or CANCELLED. Each order answers separately.',
    input: z.strictObject({
      ids: z.array(Id).min(1).max(500),
      status: OrderStatusSchema.exclude(['PENDING']),
      note: z.string().trim().max(300).default(''),
    }),
    output: z.strictObject({
      updated: z.array(Order),
      failed: z.array(z.strictObject({ id: Id, code: z.string(), message: z.string() })),
    }),
    access: 'orders.manage',
    writes: true,
  },
  'orders.payments.record': {
    summary: 'Records a payment against an order (cash goes into the open shift’s drawer).',
    input: z.strictObject({
      orderId: Id,
      method: PaymentMethodSchema.exclude(['store_credit']),
      amount: z.number().int().positive().max(1_000_000_000_000),
      reference: z.string().trim().max(100).default(''),
    }),
    output: Order,
    access: 'orders.manage',
    writes: true,
  },
  'orders.list': {
    summary: 'Orders, newest first, by status, payment status, text (number, customer, phone) and time.',
    input: z.strictObject({
      status: OrderStatusSchema.optional(),
      paymentStatus: PaymentStatusSchema.optional(),
      query: z.string().trim().max(80).optional(),
      from: EpochMs.optional(),
      to: EpochMs.optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ orders: z.array(Order), total: z.number().int() }),
    access: 'orders.view',
    writes: false,
  },
  'orders.documents.pdf': {
    summary: 'An order’s invoice (A4), packing slip (A4) or shipping label (100 × 150 mm) as PDF.',
    input: z.strictObject({ id: Id, kind: z.enum(['invoice', 'packing_slip', 'label']) }),
    output: z.strictObject({ fileName: z.string(), pdfBase64: z.string() }),
    access: 'orders.view',
    writes: false,
  },
  'orders.get': {
    summary: 'One order with lines, payments and status history.',
    input: z.strictObject({ id: Id }),
    output: Order,
    access: 'orders.view',
    writes: false,
  },
});
