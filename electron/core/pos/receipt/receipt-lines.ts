import type { PaymentMethod, Sale } from '../../../../shared/contract/pos.contract';
import { formatRupiah } from '../../../../shared/domain/money';
import { DEFAULT_PPN } from '../../../../shared/domain/tax';
import type { PaperWidth, ReceiptData } from './receipt-data';

/**
 * One printed line (already wrapped, aligned with spaces and never longer than the paper's
 * columns) or the QR code. Both renderers print these as they are, so the HTML preview and the
 * paper cannot disagree about what the receipt says or where a line breaks.
 */
export type ReceiptBlock = { kind: 'text'; text: string; bold: boolean } | { kind: 'qr'; value: string };

/** Characters per line in Font A (12×24 dots): 384 dots on 58 mm paper, 576 dots on 80 mm. */
export const RECEIPT_COLUMNS = { 58: 32, 80: 48 } as const satisfies Record<PaperWidth, number>;

const PAYMENT_LABELS = {
  cash: 'Tunai',
  qris: 'QRIS',
  card: 'Kartu',
  ewallet: 'E-Wallet',
  transfer: 'Transfer',
  store_credit: 'Saldo',
} as const satisfies Record<PaymentMethod, string>;

/** WIB/WITA/WIT, so a receipt read in another zone is not misread. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const LABEL_WIDTH = 9; // "Pelanggan"

/** Receipt-printer-safe replacements for characters Indonesian product names often carry. */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u00d7': 'x',
  '\u2022': '*',
  '\u00b7': '.',
  '\u00bd': '1/2',
  '\u00bc': '1/4',
  '\u00be': '3/4',
  '\u00b0': 'o',
  '\u00df': 'ss',
  '\u00c6': 'AE',
  '\u00e6': 'ae',
  '\u00d8': 'O',
  '\u00f8': 'o',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u20ac': 'EUR',
  '\u00a9': '(c)',
  '\u00ae': '(R)',
};

/**
 * Folds text to printable ASCII: accents dropped (é → e), typographic punctuation replaced, emoji
 * and control characters removed, anything else '?'. Receipt printers have no font for most of
 * Unicode, and a control byte in a product name would otherwise reach the printer as a command.
 */
export function toReceiptText(value: string): string {
  let out = '';
  for (const original of value) {
    const replaced = REPLACEMENTS[original] ?? original;
    for (const ch of replaced.normalize('NFKD')) {
      const code = ch.codePointAt(0) ?? 0;
      if (code >= 0x20 && code < 0x7f) out += ch;
      else if (ch === '\t' || ch === '\n' || ch === '\r' || /\s/u.test(ch)) out += ' ';
      else if (/[\p{M}\p{Cf}\p{Cc}\p{Extended_Pictographic}\u{FE0F}]/u.test(ch)) continue;
      else out += '?';
    }
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

type WrapOptions = { indent?: number; hanging?: number };

/**
 * Word-wraps to `width` columns; a word longer than a line is cut. The first line starts after
 * `indent` spaces, the following ones after `indent + hanging`.
 */
export function wrapText(
  text: string,
  width: number,
  { indent = 0, hanging = 0 }: WrapOptions = {},
): string[] {
  const lines: string[] = [];
  const prefix = () => ' '.repeat(lines.length === 0 ? indent : indent + hanging);
  const room = () => width - prefix().length;
  let current = '';
  for (const whole of text.split(' ').filter((w) => w !== '')) {
    let word = whole;
    while (word !== '') {
      if (current === '') {
        const take = word.slice(0, room());
        word = word.slice(take.length);
        if (word === '') current = take;
        else lines.push(prefix() + take);
      } else if (current.length + 1 + word.length <= room()) {
        current += ` ${word}`;
        word = '';
      } else {
        lines.push(prefix() + current);
        current = '';
      }
    }
  }
  if (current !== '' || lines.length === 0) lines.push(prefix() + current);
  return lines;
}

/**
 * `left` and `right` on one line with `right` flush right; when they do not fit together, `left`
 * wraps and `right` goes flush right on the last line or a line of its own.
 */
export function twoColumns(left: string, right: string, width: number, indent = 0): string[] {
  const lines = wrapText(left, width, { indent, hanging: 2 });
  const last = lines[lines.length - 1] ?? '';
  if (last.length + 1 + right.length <= width) {
    lines[lines.length - 1] = last + right.padStart(width - last.length);
    return lines;
  }
  return [...lines, ...wrapText(right, width).map((line) => line.padStart(width))];
}

function centered(text: string, width: number): string[] {
  return wrapText(text, width).map((line) => ' '.repeat(Math.floor((width - line.length) / 2)) + line);
}

/** dd/MM/yyyy HH:mm in the branch's time zone, with WIB/WITA/WIT when known. */
export function formatReceiptTime(ms: number, timeZone: string): string {
  let format: Intl.DateTimeFormat;
  let zone = timeZone;
  try {
    format = dateFormat(timeZone);
  } catch {
    // A bad zone in settings must not stop a receipt; Jakarta is where most branches are.
    zone = 'Asia/Jakarta';
    format = dateFormat(zone);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const label = ZONE_NAMES[zone];
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}${label ? ` ${label}` : ''}`;
}

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** 15-digit NPWP as 99.999.999.9-999.999; the 16-digit (NIK) form is printed as it is. */
export function formatNpwp(npwp: string): string {
  const m = /^(\d{2})(\d{3})(\d{3})(\d)(\d{3})(\d{3})$/.exec(npwp);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}-${m[5]}.${m[6]}` : npwp;
}

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
  const width = RECEIPT_COLUMNS[data.width];
  const blocks: ReceiptBlock[] = [];
  const emit = (lines: string[], bold = false) => {
    for (const line of lines) blocks.push({ kind: 'text', text: line.trimEnd(), bold });
  };
  const paragraphs = (text: string) =>
    text
      .split(/\r?\n/)
      .map(toReceiptText)
      .filter((line) => line !== '');
  const center = (text: string, bold = false) => emit(centered(toReceiptText(text), width), bold);
  const field = (label: string, value: string) => {
    // The value wraps under itself; the label takes the room the indent left on the first line.
    const lines = wrapText(toReceiptText(value), width, { indent: LABEL_WIDTH + 2 });
    lines[0] = `${label.padEnd(LABEL_WIDTH)}: ${(lines[0] ?? '').trimStart()}`;
    emit(lines);
  };
  const amount = (label: string, value: number, bold = false) =>
    emit(twoColumns(label, formatRupiah(value), width), bold);
  const rule = (ch = '-') => emit([ch.repeat(width)]);
  const blank = () => emit(['']);

  center(branch.name, true);
  for (const line of paragraphs(branch.address)) center(line);
  if (branch.phone.trim() !== '') center(`Telp. ${branch.phone}`);
  if (branch.pkp) center(`NPWP: ${branch.npwp.trim() === '' ? '-' : formatNpwp(branch.npwp.trim())}`);
  if (data.reprint || sale.voided || sale.status === 'voided') blank();
  if (data.reprint) center('*** SALINAN / REPRINT ***', true);
  if (sale.voided || sale.status === 'voided') center('*** DIBATALKAN / VOID ***', true);
  rule();

  field('No.', sale.number);
  field('Tanggal', formatReceiptTime(sale.createdAt, branch.timeZone));
  field('Kasir', sale.cashier);
  if (sale.customer) field('Pelanggan', sale.customer.name);
  if (data.reprint) field('Dicetak', formatReceiptTime(data.printedAt, branch.timeZone));
  if (sale.voided) {
    field('Batal', `${formatReceiptTime(sale.voided.at, branch.timeZone)} oleh ${sale.voided.by}`);
    field('Alasan', sale.voided.reason);
  }
  rule();

  for (const line of sale.lines) emit(itemLines(line, width));
  rule();

  amount('Subtotal', sale.subtotal);
  if (sale.discount !== 0) amount('Diskon', -sale.discount);
  if (branch.pkp) {
    amount('DPP', sale.base);
    amount(ppnLabel(), sale.ppn);
  }
  if (sale.rounding !== 0) amount('Pembulatan', sale.rounding);
  amount('TOTAL', sale.amountDue, true);
  rule();
  for (const payment of sale.payments) {
    amount(PAYMENT_LABELS[payment.method], payment.amount);
    const reference = toReceiptText(payment.reference);
    if (reference !== '') emit(wrapText(`Ref: ${reference}`, width, { indent: 2, hanging: 5 }));
  }
  amount('Kembali', sale.change);
  if (sale.refunded !== 0) amount('Diretur', -sale.refunded);
  rule();

  const footer = paragraphs(branch.footer);
  for (const line of footer) center(line);
  if (footer.length > 0) blank();
  blocks.push({ kind: 'qr', value: sale.number });
  blank();
  center('Terima kasih', true);
  return blocks;
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
