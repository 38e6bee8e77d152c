import { formatRupiah } from '../../../../shared/domain/money';
import type { PaperWidth, ReceiptBranch } from './receipt-data';
import {
  centered,
  formatNpwp,
  RECEIPT_COLUMNS,
  toReceiptText,
  twoColumns,
  wrapText,
  type ReceiptBlock,
} from './receipt-text';

const LABEL_WIDTH = 9; // "Pelanggan"

/**
 * Builds a receipt's blocks line by line for one paper width, the same way for every kind of
 * receipt: every text is folded to ASCII and wrapped to the paper's columns before it is kept.
 */
export type ReceiptWriter = {
  /** Characters per line on this paper. */
  readonly columns: number;
  readonly blocks: ReceiptBlock[];
  /** Lines already wrapped and aligned (trailing spaces dropped). */
  emit(lines: string[], bold?: boolean): void;
  center(text: string, bold?: boolean): void;
  /** "Label    : value", the value wrapping under itself. */
  field(label: string, value: string): void;
  /** A label with an amount in rupiah flush right. */
  amount(label: string, value: number, bold?: boolean): void;
  rule(ch?: string): void;
  blank(): void;
  qr(value: string): void;
  /** Multi-line settings text (address, footer) as folded lines, empty ones dropped. */
  paragraphs(text: string): string[];
};

export function receiptWriter(width: PaperWidth): ReceiptWriter {
  const columns = RECEIPT_COLUMNS[width];
  const blocks: ReceiptBlock[] = [];
  const emit = (lines: string[], bold = false) => {
    for (const line of lines) blocks.push({ kind: 'text', text: line.trimEnd(), bold });
  };
  return {
    columns,
    blocks,
    emit,
    center: (text, bold = false) => emit(centered(toReceiptText(text), columns), bold),
    field: (label, value) => {
      // The value wraps under itself; the label takes the room the indent left on the first line.
      const lines = wrapText(toReceiptText(value), columns, { indent: LABEL_WIDTH + 2 });
      lines[0] = `${label.padEnd(LABEL_WIDTH)}: ${(lines[0] ?? '').trimStart()}`;
      emit(lines);
    },
    amount: (label, value, bold = false) => emit(twoColumns(label, formatRupiah(value), columns), bold),
    rule: (ch = '-') => emit([ch.repeat(columns)]),
    blank: () => emit(['']),
    qr: (value) => blocks.push({ kind: 'qr', value }),
    paragraphs: (text) =>
      text
        .split(/\r?\n/)
        .map(toReceiptText)
        .filter((line) => line !== ''),
  };
}

/** The branch's name, address, phone and (for a PKP) NPWP, centred. */
export function writeBranchHeader(w: ReceiptWriter, branch: ReceiptBranch): void {
  w.center(branch.name, true);
  for (const line of w.paragraphs(branch.address)) w.center(line);
  if (branch.phone.trim() !== '') w.center(`Telp. ${branch.phone}`);
  if (branch.pkp) w.center(`NPWP: ${branch.npwp.trim() === '' ? '-' : formatNpwp(branch.npwp.trim())}`);
}

/** The branch's footer text, a QR code of the document number and "Terima kasih". */
export function writeClosing(w: ReceiptWriter, branch: ReceiptBranch, qrValue: string): void {
  const footer = w.paragraphs(branch.footer);
  for (const line of footer) w.center(line);
  if (footer.length > 0) w.blank();
  w.qr(qrValue);
  w.blank();
  w.center('Terima kasih', true);
}
