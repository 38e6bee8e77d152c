import type { billingChannels } from '../../../shared/contract/billing.contract';
import type { HandlerSlice } from '../api-types';
import { readBillingSettings, updateBillingSettings } from './billing-settings';
import { addCharge, listCharges, removeCharge } from './charges.service';
import { createCreditNote } from './credit-notes.service';
import { addDraftLine, issueInvoices, removeDraftLine } from './invoice-drafts';
import { invoicePdf } from './invoice-pdf';
import { resendInvoice } from './invoice-resend';
import { runBillingPeriod } from './invoice-run';
import { createInvoice, invoiceDetail, listInvoices, voidInvoice } from './invoices.service';
import { paymentReceipt } from './payment-receipt';
import { paymentReceiptView, printPaymentReceipt } from './payment-receipt-print';
import { customerBalance, listPayments, recordPayment } from './payments.service';

export const billingApi = {
  'billing.settings.get': (ctx) => readBillingSettings(ctx),
  'billing.settings.update': updateBillingSettings,
  'billing.run': runBillingPeriod,
  'billing.invoices.list': listInvoices,
  'billing.invoices.get': (ctx, input) => invoiceDetail(ctx, input.id),
  'billing.invoices.create': createInvoice,
  'billing.invoices.issue': issueInvoices,
  'billing.invoices.resend': resendInvoice,
  'billing.invoices.lines.add': addDraftLine,
  'billing.invoices.lines.remove': removeDraftLine,
  'billing.invoices.void': voidInvoice,
  'billing.invoices.pdf': (ctx, input) => invoicePdf(ctx, input.id),
  'billing.charges.list': listCharges,
  'billing.charges.add': addCharge,
  'billing.charges.remove': removeCharge,
  'billing.creditNotes.create': createCreditNote,
  'billing.payments.record': recordPayment,
  'billing.payments.list': listPayments,
  'billing.payments.receipt': (ctx, input) => paymentReceipt(ctx, input.id),
  'billing.payments.receiptView': paymentReceiptView,
  'billing.payments.print': printPaymentReceipt,
  'billing.customers.balance': customerBalance,
} satisfies HandlerSlice<keyof typeof billingChannels>;
