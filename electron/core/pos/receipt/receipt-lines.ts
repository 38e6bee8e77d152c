import type { PaymentMethod, Sale } from '../../../../shared/contract/pos.contract';
import { formatRupiah } from '../../../../shared/domain/money';
import { DEFAULT_PPN } from '../../../../shared/domain/tax';
import { receiptWriter, writeBranchHeader, writeClosing } from './receipt-builder';
import type { ReceiptData } from './receipt-data';
import { formatReceiptTime, toReceiptText, twoColumns, wrapText, type ReceiptBlock } from './receipt-text';

// The text helpers lived here first; sale-receipt code and tests still import them from this module.
export {
  formatNpwp,
  formatReceiptTime,
  RECEIPT_COLUMNS,
  toReceiptText,
  twoColumns,
  wrapText,
  type ReceiptBlock,
} from './receipt-text';

const PAYMENT_LABELS = {
  cash: 'Tunai',
  qris: 'QRIS',
  card: 'Kartu',
  ewallet: 'E-Wallet',
  transfer: 'Transfer',
  store_credit: 'Saldo',
} as const satisfies Record<PaymentMethod, string>;

function formatQuantity(quantity: number): string {
  return Number.isInteger(quantity) ? String(quantity) : String(quantity).replace('.', ',');
}

/** "PPN 12% (DPP 11/12)" under the rule in force; "PPN 12%" when the DPP is the full price. */
function ppnLabel(): string {
  const { ratePercent, dppNumerator, dppDenominator } = DEFAULT_PPN;
  const rate = String(ratePercent).replace('.', ',');
  return dppNumerator === dppDenominator
    ? `PPN ${rate}%`
    : `PPN ${rate}% (DPP ${dppNumerator}/${dppDenominator})`;
}

/**
 * What a receipt says, line by line, for the paper's width: branch header, sale details, items,
 * totals (PPN only for a PKP branch), payments, change, footer, a QR code of the sale number.
 */
export function receiptLayout(data: ReceiptData): ReceiptBlock[] {
  const { sale, branch } = data;
  const w = receiptWriter(data.width);
  const width = w.columns;

  writeBranchHeader(w, branch);
  if (data.reprint || sale.voided || sale.status === 'voided') w.blank();
  if (data.reprint) w.center('*** SALINAN / REPRINT ***', true);
  if (sale.voided || sale.status === 'voided') w.center('*** DIBATALKAN / VOID ***', true);
  w.rule();

  w.field('No.', sale.number);
  w.field('Tanggal', formatReceiptTime(sale.createdAt, branch.timeZone));
  w.field('Kasir', sale.cashier);
  if (sale.customer) w.field('Pelanggan', sale.customer.name);
  if (data.reprint) w.field('Dicetak', formatReceiptTime(data.printedAt, branch.timeZone));
  if (sale.voided) {
    w.field('Batal', `${formatReceiptTime(sale.voided.at, branch.timeZone)} oleh ${sale.voided.by}`);
    w.field('Alasan', sale.voided.reason);
  }
  w.rule();

  for (const line of sale.lines) w.emit(itemLines(line, width));
  w.rule();

  w.amount('Subtotal', sale.subtotal);
  if (sale.discount !== 0) w.amount('Diskon', -sale.discount);
  if (branch.pkp) {
    w.amount('DPP', sale.base);
    w.amount(ppnLabel(), sale.ppn);
  }
  if (sale.rounding !== 0) w.amount('Pembulatan', sale.rounding);
  w.amount('TOTAL', sale.amountDue, true);
  w.rule();
  for (const payment of sale.payments) {
    w.amount(PAYMENT_LABELS[payment.method], payment.amount);
    const reference = toReceiptText(payment.reference);
    if (reference !== '') w.emit(wrapText(`Ref: ${reference}`, width, { indent: 2, hanging: 5 }));
  }
  w.amount('Kembali', sale.change);
  if (sale.refunded !== 0) w.amount('Diretur', -sale.refunded);
  w.rule();

  writeClosing(w, branch, sale.number);
  return w.blocks;
}

function itemLines(line: Sale['lines'][number], width: number): string[] {
  const gross = Math.round(line.unitPrice * line.quantity);
  const lines = wrapText(toReceiptText(line.name) || '-', width);
  lines.push(
    ...twoColumns(
      `${formatQuantity(line.quantity)} x ${formatRupiah(line.unitPrice)}`,
      formatRupiah(gross),
      width,
      2,
    ),
  );
  if (line.lineDiscount !== 0)
    lines.push(...twoColumns('Diskon', formatRupiah(-line.lineDiscount), width, 2));
  if (line.refundedQuantity !== 0)
    lines.push(...wrapText(`Diretur ${formatQuantity(line.refundedQuantity)}`, width, { indent: 2 }));
  return lines;
}
