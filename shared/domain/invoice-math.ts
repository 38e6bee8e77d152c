import { assertRupiah } from './money';
import { computePpn, type PpnRule, type TaxMode } from './tax';

/** One invoice line as priced: a signed amount (credits and discounts negative) and its tax mode. */
export type InvoiceLineInput = { amount: number; taxMode: TaxMode };

export type PricedInvoiceLine = {
  amount: number;
  taxMode: TaxMode;
  /** DPP as price: the line before PPN. */
  base: number;
  ppn: number;
  /** What the line adds to the total. */
  gross: number;
};

export type InvoiceTotals = {
  lines: PricedInvoiceLine[];
  /** Sum of the positive line amounts as written. */
  subtotal: number;
  /** Sum of the negative line amounts, as a positive number. */
  discount: number;
  /** Sum of the lines' bases (DPP as price). */
  base: number;
  /** PPN of every line (inside the amount when included, added on top when excluded). */
  ppn: number;
  total: number;
};

/**
 * PPN of one invoice line, rounded down per line. A negative line (discount, proration credit) takes
 * back the PPN its positive twin would carry, so a credit and its charge cancel exactly. A branch
 * that is not PKP collects no PPN: every line is priced as exempt.
 */
export function priceInvoiceLine(line: InvoiceLineInput, rule: PpnRule, pkp: boolean): PricedInvoiceLine {
  assertRupiah(line.amount, 'line amount');
  const mode: TaxMode = pkp ? line.taxMode : 'exempt';
  const sign = line.amount < 0 ? -1 : 1;
  const tax = computePpn(Math.abs(line.amount), mode, rule);
  return {
    amount: line.amount,
    taxMode: mode,
    base: sign * tax.base,
    ppn: sign * tax.ppn,
    gross: sign * tax.gross,
  };
}

/** An invoice's lines and totals under the branch's PPN rule. */
export function invoiceTotals(
  lines: readonly InvoiceLineInput[],
  rule: PpnRule,
  pkp: boolean,
): InvoiceTotals {
  const priced = lines.map((line) => priceInvoiceLine(line, rule, pkp));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    lines: priced,
    subtotal: sum(priced.filter((l) => l.amount > 0).map((l) => l.amount)),
    discount: 0 - sum(priced.filter((l) => l.amount < 0).map((l) => l.amount)),
    base: sum(priced.map((l) => l.base)),
    ppn: sum(priced.map((l) => l.ppn)),
    total: sum(priced.map((l) => l.gross)),
  };
}

export type StoredInvoiceStatus = 'draft' | 'issued' | 'partial' | 'paid' | 'void';

/** What is still owed on an invoice (never below zero). */
export function invoiceBalance(invoice: {
  total: number;
  paid: number;
  credited: number;
  status: string;
}): number {
  if (invoice.status === 'void' || invoice.status === 'draft') return 0;
  return Math.max(0, invoice.total - invoice.paid - invoice.credited);
}

/** The status an issued invoice has after its totals, payments or credit notes change. */
export function settledStatus(invoice: {
  total: number;
  paid: number;
  credited: number;
  status: StoredInvoiceStatus;
}): StoredInvoiceStatus {
  if (invoice.status === 'void' || invoice.status === 'draft') return invoice.status;
  if (invoice.total - invoice.paid - invoice.credited <= 0) return 'paid';
  return invoice.paid + invoice.credited > 0 ? 'partial' : 'issued';
}

/** Overdue is derived: still open (issued or partial) and due before `today`. */
export function isOverdue(invoice: { status: string; dueDate: string }, today: string): boolean {
  return (invoice.status === 'issued' || invoice.status === 'partial') && invoice.dueDate < today;
}

/** A line as stored: its amount, effective tax mode and the PPN fixed when it was added. */
export type StoredInvoiceLine = { amount: number; taxMode: TaxMode; ppn: number };

/** The base and gross of a stored line (PPN inside the amount when included, on top when excluded). */
export function storedLineParts(line: StoredInvoiceLine): { base: number; gross: number } {
  if (line.taxMode === 'excluded') return { base: line.amount, gross: line.amount + line.ppn };
  if (line.taxMode === 'included') return { base: line.amount - line.ppn, gross: line.amount };
  return { base: line.amount, gross: line.amount };
}

/** Totals of stored lines (PPN is not recomputed: a line keeps the rule it was priced under). */
export function sumStoredLines(lines: readonly StoredInvoiceLine[]): Omit<InvoiceTotals, 'lines'> {
  let subtotal = 0;
  let discount = 0;
  let base = 0;
  let ppn = 0;
  let total = 0;
  for (const line of lines) {
    const parts = storedLineParts(line);
    if (line.amount > 0) subtotal += line.amount;
    else discount -= line.amount;
    base += parts.base;
    ppn += line.ppn;
    total += parts.gross;
  }
  return { subtotal, discount, base, ppn, total };
}
