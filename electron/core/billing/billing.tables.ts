import type { TaxMode } from '../../../shared/domain/tax';
import type { SyncColumns } from '../db/schema';

export type BillingSettingsRow = SyncColumns & {
  billing_mode: 'fixed' | 'anniversary';
  billing_day: number;
  issue_days_before: number;
  due_days: number;
  /** JSON array of days before the due date. */
  reminder_before_days: string;
  reminder_on_due: number;
  /** JSON array of days after the due date. */
  reminder_after_days: string;
  grace_days: number;
  late_fee_type: 'none' | 'fixed' | 'percent';
  late_fee_value: number;
  isolir_after_days: number;
  auto_isolir: number;
  auto_reactivate: number;
  payment_instructions: string;
  /** 'draft': new period invoices wait as drafts until someone issues them. */
  issue_mode: 'issue' | 'draft';
};
export type ChargeKind =
  'installation' | 'device' | 'other' | 'discount' | 'proration_credit' | 'proration_charge';
export type BillingChargeRow = SyncColumns & {
  customer_id: string;
  subscription_id: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  tax_mode: TaxMode;
  effective_on: string;
  invoice_id: string | null;
  user_id: string | null;
};
export type InvoiceStatus = 'draft' | 'issued' | 'partial' | 'paid' | 'void';
export type InvoiceRow = SyncColumns & {
  number: string;
  customer_id: string;
  subscription_id: string | null;
  period: string | null;
  period_start: string | null;
  period_end: string | null;
  issue_date: string;
  due_date: string;
  status: InvoiceStatus;
  subtotal: number;
  discount: number;
  ppn: number;
  total: number;
  paid: number;
  credited: number;
  notes: string;
  void_reason: string;
  paid_on: string | null;
};
export type InvoiceLineKind = ChargeKind | 'plan' | 'late_fee';
export type InvoiceLineRow = SyncColumns & {
  invoice_id: string;
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  unit_price: number;
  amount: number;
  tax_mode: TaxMode;
  ppn: number;
  charge_id: string | null;
};
export type BillingPaymentRow = SyncColumns & {
  number: string;
  customer_id: string;
  amount: number;
  method: 'cash' | 'transfer' | 'qris' | 'credit';
  reference: string;
  received_by: string | null;
  shift_id: string | null;
  received_on: string;
  voided_at: number | null;
  notes: string;
};
export type PaymentAllocationRow = SyncColumns & { payment_id: string; invoice_id: string; amount: number };
export type CreditNoteRow = SyncColumns & {
  number: string;
  invoice_id: string;
  amount: number;
  reason: string;
  user_id: string | null;
};
export type DunningStepRow = SyncColumns & { invoice_id: string; step: string; taken_on: string };
export type SchedulerDayRow = { task: string; day: string; done_at: number; result: string };

export type BillingTables = {
  billing_settings: BillingSettingsRow;
  billing_charges: BillingChargeRow;
  invoices: InvoiceRow;
  invoice_lines: InvoiceLineRow;
  billing_payments: BillingPaymentRow;
  payment_allocations: PaymentAllocationRow;
  credit_notes: CreditNoteRow;
  dunning_steps: DunningStepRow;
  scheduler_days: SchedulerDayRow;
};
