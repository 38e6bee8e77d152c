import { formatRupiah } from '../../../shared/domain/money';
import { receiptWriter, writeBranchHeader, writeClosing } from '../pos/receipt/receipt-builder';
import { formatReceiptTime, twoColumns, wrapText, type ReceiptBlock } from '../pos/receipt/receipt-text';
import { METHOD_NAMES, periodName } from './billing-words';
import type { PaymentReceiptData } from './payment-receipt-data';

/** The title printed under the branch header. */
export const PAYMENT_RECEIPT_TITLE = 'BUKTI PEMBAYARAN TAGIHAN';
/** Printed under the header of every copy after the first. */
export const PAYMENT_REPRINT_MARKER = '*** CETAK ULANG / REPRINT ***';

/**
 * A bill payment's receipt, line by line, in the POS receipt layout (same header, fields, rules,
 * footer and QR code): payment details, each invoice paid with its period and the amount put on
 * it, what went to credit, the total with its method and reference, and what the customer still
 * owes and has in credit.
 */
export function paymentReceiptLayout(data: PaymentReceiptData): ReceiptBlock[] {
  const { payment, branch } = data;
  const w = receiptWriter(data.width);

  writeBranchHeader(w, branch);
  if (data.reprint) {
    w.blank();
    w.center(PAYMENT_REPRINT_MARKER, true);
  }
  w.rule();
  w.center(PAYMENT_RECEIPT_TITLE, true);
  w.rule();

  w.field('No.', payment.number);
  w.field('Tanggal', formatReceiptTime(payment.createdAt, branch.timeZone));
  w.field('Kasir', payment.receivedBy ?? '-');
  w.field('ID Pel.', payment.customerCode);
  w.field('Nama', payment.customerName);
  if (data.reprint) w.field('Dicetak', formatReceiptTime(data.printedAt, branch.timeZone));
  w.rule();

  if (data.invoices.length > 0) {
    w.emit(['Tagihan dibayar:']);
    for (const invoice of data.invoices) {
      w.emit(wrapText(invoice.number, w.columns));
      const label = invoice.period ? periodName(invoice.period) : 'Tagihan lain';
      w.emit(twoColumns(label, formatRupiah(invoice.amount), w.columns, 2));
    }
  } else {
    w.emit(wrapText('Tidak ada tagihan terbuka.', w.columns));
  }
  if (payment.toCredit !== 0) w.amount('Masuk ke saldo', payment.toCredit);
  w.rule();

  if (data.fromCredit !== 0) w.amount('Dari saldo', data.fromCredit);
  w.amount('TOTAL BAYAR', payment.amount, true);
  w.field('Metode', METHOD_NAMES[payment.method] ?? payment.method);
  if (payment.reference.trim() !== '') w.field('Ref.', payment.reference);
  w.rule();

  w.amount('Sisa tagihan', data.after.due);
  w.amount('Saldo pelanggan', data.after.credit);
  w.rule();

  writeClosing(w, branch, payment.number);
  return w.blocks;
}
