import { z } from 'zod';
import { isLocalDate } from '../domain/calendar';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

const LocalDay = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const PeriodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a period YYYY-MM');
const Rupiah = z.number().int();
const TaxModeSchema = z.enum(['included', 'excluded', 'exempt']);
const DayList = z
  .array(z.number().int().min(1).max(60))
  .max(10)
  .transform((days) => [...new Set(days)].sort((a, b) => a - b));

export const InvoiceStatusSchema = z.enum(['draft', 'issued', 'partial', 'paid', 'void']);
/** The statuses a list can filter by: the stored ones plus overdue (issued or partial, past due). */
export const InvoiceFilterStatus = z.enum(['draft', 'issued', 'partial', 'paid', 'void', 'overdue']);
export const InvoiceLineKindSchema = z.enum([
  'plan',
  'installation',
  'device',
  'other',
  'discount',
  'proration_credit',
  'proration_charge',
  'late_fee',
]);
export const ChargeKindSchema = z.enum([
  'installation',
  'device',
  'other',
  'discount',
  'proration_credit',
  'proration_charge',
]);
export const BillingPaymentMethod = z.enum(['cash', 'transfer', 'qris']);

export const BillingSettings = z.strictObject({
  billingMode: z.enum(['fixed', 'anniversary']),
  /** Day of the month periods start in fixed mode (1–28). */
  billingDay: z.number().int().min(1).max(28),
  issueDaysBefore: z.number().int().min(0).max(28),
  dueDays: z.number().int().min(0).max(60),
  reminderBeforeDays: DayList,
  reminderOnDue: z.boolean(),
  reminderAfterDays: DayList,
  graceDays: z.number().int().min(0).max(60),
  lateFeeType: z.enum(['none', 'fixed', 'percent']),
  /** Rupiah (fixed) or whole percent of the balance (percent). */
  lateFeeValue: z.number().int().min(0).max(10_000_000),
  isolirAfterDays: z.number().int().min(0).max(120),
  autoIsolir: z.boolean(),
  autoReactivate: z.boolean(),
  paymentInstructions: z.string().trim().max(2000),
  /** 'draft': new invoices wait as drafts (not owed, not sent) until someone issues them. */
  issueMode: z.enum(['issue', 'draft']),
});
export type BillingSettings = z.infer<typeof BillingSettings>;

export const Invoice = z.strictObject({
  id: Id,
  number: z.string(),
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  subscriptionId: Id.nullable(),
  subscriptionCode: z.string().nullable(),
  period: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  issueDate: z.string(),
  dueDate: z.string(),
  status: InvoiceStatusSchema,
  /** Issued or partial and past its due date (derived, never stored). */
  overdue: z.boolean(),
  subtotal: Rupiah,
  discount: Rupiah,
  ppn: Rupiah,
  total: Rupiah,
  paid: Rupiah,
  credited: Rupiah,
  balance: Rupiah,
  notes: z.string(),
  voidReason: z.string(),
  paidOn: z.string().nullable(),
  createdAt: EpochMs,
});
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceLine = z.strictObject({
  id: Id,
  kind: InvoiceLineKindSchema,
  description: z.string(),
  quantity: z.number().int(),
  unitPrice: Rupiah,
  amount: Rupiah,
  taxMode: TaxModeSchema,
  base: Rupiah,
  ppn: Rupiah,
  gross: Rupiah,
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const CreditNote = z.strictObject({
  id: Id,
  number: z.string(),
  invoiceId: Id,
  amount: Rupiah,
  reason: z.string(),
  createdAt: EpochMs,
});
export type CreditNote = z.infer<typeof CreditNote>;

export const InvoiceDetail = Invoice.extend({
  customerPhone: z.string(),
  customerAddress: z.string(),
  /** Sum of the lines' DPP as price. */
  base: Rupiah,
  lines: z.array(InvoiceLine),
  payments: z.array(
    z.strictObject({
      paymentId: Id,
      number: z.string(),
      method: z.enum(['cash', 'transfer', 'qris', 'credit']),
      amount: Rupiah,
      receivedOn: z.string(),
    }),
  ),
  creditNotes: z.array(CreditNote),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const Charge = z.strictObject({
  id: Id,
  customerId: Id,
  customerName: z.string(),
  subscriptionId: Id.nullable(),
  kind: ChargeKindSchema,
  description: z.string(),
  amount: Rupiah,
  taxMode: TaxModeSchema,
  effectiveOn: z.string(),
  invoiceId: Id.nullable(),
  invoiceNumber: z.string().nullable(),
  createdAt: EpochMs,
});
export type Charge = z.infer<typeof Charge>;

export const BillingPayment = z.strictObject({
  id: Id,
  number: z.string(),
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  amount: Rupiah,
  method: z.enum(['cash', 'transfer', 'qris', 'credit']),
  reference: z.string(),
  receivedOn: z.string(),
  receivedBy: z.string().nullable(),
  allocations: z.array(z.strictObject({ invoiceId: Id, invoiceNumber: z.string(), amount: Rupiah })),
  /** What went to the customer's credit (saldo) from this payment. */
  toCredit: Rupiah,
  createdAt: EpochMs,
});
export type BillingPayment = z.infer<typeof BillingPayment>;

export const CustomerBalance = z.strictObject({
  customerId: Id,
  customerCode: z.string(),
  customerName: z.string(),
  openInvoices: z.array(Invoice),
  /** Sum of the open invoices' balances. */
  due: Rupiah,
  /** The part of `due` that is past its due date. */
  overdue: Rupiah,
  credit: Rupiah,
});
export type CustomerBalance = z.infer<typeof CustomerBalance>;

const Pdf = z.strictObject({ fileName: z.string(), pdfBase64: z.string() });
/** Thermal receipt paper, in millimetres. */
const PaperWidth = z.union([z.literal(58), z.literal(80)]);

/** Invoices, charges, payments, credit notes and the branch's billing settings. */
export const billingChannels = defineChannels({
  'billing.settings.get': {
    summary: 'The branch’s billing and dunning settings (defaults when never saved).',
    input: z.strictObject({}),
    output: BillingSettings,
    access: 'billing.view',
    writes: false,
  },
  'billing.settings.update': {
    summary: 'Changes billing and dunning settings; only the fields given change.',
    input: BillingSettings.partial(),
    output: BillingSettings,
    access: 'billing.manage',
    writes: true,
  },
  'billing.run': {
    summary: 'Makes the period’s invoice for every live subscription that has none; a second run makes none.',
    input: z.strictObject({ period: PeriodKey }),
    output: z.strictObject({ created: z.number().int(), skipped: z.number().int(), totalAmount: Rupiah }),
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.list': {
    summary: 'Invoices by status (overdue included), customer, subscription, period or number/name.',
    input: z.strictObject({
      status: InvoiceFilterStatus.optional(),
      customerId: Id.optional(),
      subscriptionId: Id.optional(),
      period: PeriodKey.optional(),
      query: z.string().trim().max(80).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({
      invoices: z.array(Invoice),
      total: z.number().int(),
      sums: z.strictObject({ total: Rupiah, balance: Rupiah }),
    }),
    access: 'billing.view',
    writes: false,
  },
  'billing.invoices.get': {
    summary: 'One invoice with its lines, payments, credit notes and balance.',
    input: z.strictObject({ id: Id }),
    output: InvoiceDetail,
    access: 'billing.view',
    writes: false,
  },
  'billing.invoices.create': {
    summary:
      'A one-off invoice for a customer (not tied to a period); a draft when asked, or by the branch’s issue mode.',
    input: z.strictObject({
      customerId: Id,
      items: z
        .array(
          z.strictObject({
            description: z.string().trim().min(1).max(200),
            amount: z.number().int().min(-100_000_000).max(100_000_000),
            taxMode: TaxModeSchema.default('included'),
            kind: z.enum(['installation', 'device', 'other', 'discount']).default('other'),
          }),
        )
        .min(1)
        .max(50),
      notes: z.string().trim().max(500).default(''),
      /** True: a draft to review and issue later; false: issued now; absent: the branch's issue mode. */
      draft: z.boolean().optional(),
    }),
    output: InvoiceDetail,
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.issue': {
    summary:
      'Issues drafts (the ids given, or every draft of a period): dated today or their planned day if later, due after due_days, the customer notified.',
    input: z
      .strictObject({
        ids: z.array(Id).min(1).max(500).optional(),
        period: PeriodKey.optional(),
      })
      .refine((input) => (input.ids === undefined) !== (input.period === undefined), {
        message: 'give either the invoice ids or a period',
        path: ['ids'],
      }),
    output: z.strictObject({ issued: z.number().int(), totalAmount: Rupiah }),
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.resend': {
    summary:
      'Sends the “invoice issued” message of an open invoice again (WhatsApp/email); answers how many went in the queue.',
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ queued: z.number().int() }),
    access: 'billing.collect',
    writes: true,
  },
  'billing.invoices.lines.add': {
    summary: 'Adds a line to a draft invoice (a discount is given positive, billed negative); totals follow.',
    input: z.strictObject({
      invoiceId: Id,
      kind: z.enum(['installation', 'device', 'other', 'discount']).default('other'),
      description: z.string().trim().min(1).max(200),
      amount: z.number().int().min(1).max(100_000_000),
      taxMode: TaxModeSchema.default('included'),
    }),
    output: InvoiceDetail,
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.lines.remove': {
    summary: 'Removes a line from a draft invoice; a one-off charge on it waits for the next invoice again.',
    input: z.strictObject({ invoiceId: Id, lineId: Id }),
    output: InvoiceDetail,
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.void': {
    summary: 'Voids an invoice that has no payments; its one-off charges wait for the next invoice again.',
    input: z.strictObject({ id: Id, reason: z.string().trim().min(3).max(300) }),
    output: InvoiceDetail,
    access: 'billing.manage',
    writes: true,
  },
  'billing.invoices.pdf': {
    summary: 'The invoice as a PDF (with a dynamic QRIS for the balance when the branch has QRIS).',
    input: z.strictObject({ id: Id }),
    output: Pdf,
    access: 'billing.view',
    writes: false,
  },
  'billing.charges.list': {
    summary: 'One-off charges: waiting for the next invoice, billed, or all.',
    input: z.strictObject({
      customerId: Id.optional(),
      state: z.enum(['waiting', 'billed', 'all']).default('waiting'),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(100),
    }),
    output: z.strictObject({ charges: z.array(Charge), total: z.number().int() }),
    access: 'billing.view',
    writes: false,
  },
  'billing.charges.add': {
    summary:
      'A one-off item for the customer’s next invoice (a discount is given positive, billed negative).',
    input: z.strictObject({
      customerId: Id,
      subscriptionId: Id.nullable().default(null),
      kind: z.enum(['installation', 'device', 'other', 'discount']),
      description: z.string().trim().min(1).max(200),
      amount: z.number().int().min(1).max(100_000_000),
      taxMode: TaxModeSchema.default('included'),
      effectiveOn: LocalDay.optional(),
    }),
    output: Charge,
    access: 'billing.manage',
    writes: true,
  },
  'billing.charges.remove': {
    summary: 'Removes a charge still waiting for an invoice.',
    input: z.strictObject({ id: Id }),
    output: z.strictObject({ ok: z.literal(true) }),
    access: 'billing.manage',
    writes: true,
  },
  'billing.creditNotes.create': {
    summary: 'A credit note on an invoice (at most its balance); lowers what is owed.',
    input: z.strictObject({
      invoiceId: Id,
      amount: z.number().int().min(1).max(100_000_000),
      reason: z.string().trim().min(3).max(300),
    }),
    output: InvoiceDetail,
    access: 'billing.manage',
    writes: true,
  },
  'billing.payments.record': {
    summary:
      'Records a customer’s payment: oldest invoice first, the rest to credit; the client id makes a retry safe.',
    input: z
      .strictObject({
        id: Id,
        customerId: Id,
        amount: z.number().int().min(0).max(1_000_000_000),
        method: BillingPaymentMethod,
        reference: z.string().trim().max(120).default(''),
        invoiceIds: z.array(Id).max(100).optional(),
        useCredit: z.boolean().default(false),
      })
      .refine((input) => input.amount > 0 || input.useCredit, {
        message: 'amount must be positive unless paying from credit',
        path: ['amount'],
      }),
    output: BillingPayment,
    access: 'billing.collect',
    writes: true,
  },
  'billing.payments.list': {
    summary: 'Payments received, by customer and day range.',
    input: z.strictObject({
      customerId: Id.optional(),
      from: LocalDay.optional(),
      to: LocalDay.optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({ payments: z.array(BillingPayment), total: z.number().int(), sum: Rupiah }),
    access: 'billing.view',
    writes: false,
  },
  'billing.payments.receipt': {
    summary: 'A printable receipt of one payment (PDF, 80 mm wide).',
    input: z.strictObject({ id: Id }),
    output: Pdf,
    access: 'billing.collect',
    writes: false,
  },
  'billing.payments.receiptView': {
    summary:
      'A payment’s thermal receipt (the POS receipt layout) as an HTML preview and its plain text, for 58 or 80 mm paper (the branch’s by default).',
    input: z.strictObject({
      id: Id,
      width: PaperWidth.optional(),
      reprint: z.boolean().default(false),
    }),
    output: z.strictObject({ html: z.string(), text: z.string(), width: PaperWidth }),
    access: 'billing.collect',
    writes: false,
  },
  'billing.payments.print': {
    summary:
      'Prints a payment’s receipt (ESC/POS) on the branch’s receipt printer (TCP 9100), or saves it to the receipts folder when asked or when there is no printer; a reprint is marked CETAK ULANG.',
    input: z.strictObject({
      id: Id,
      reprint: z.boolean().default(false),
      toFile: z.boolean().default(false),
    }),
    output: z.strictObject({ destination: z.string(), bytes: z.number().int() }),
    access: 'billing.collect',
    writes: false,
  },
  'billing.customers.balance': {
    summary: 'A customer’s open invoices, what is due and overdue, and their credit.',
    input: z.strictObject({ customerId: Id }),
    output: CustomerBalance,
    access: 'billing.collect',
    writes: false,
  },
});
