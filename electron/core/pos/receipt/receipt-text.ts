// Text for receipt printers, shared by every receipt layout (sales, bill payments): folding to
// ASCII, wrapping and aligning to the paper's columns, dates in the branch's zone, NPWP.
import type { PaperWidth } from './receipt-data';

/**
 * One printed line (already wrapped, aligned with spaces and never longer than the paper's
 * columns) or the QR code. Both renderers print these as they are, so the HTML preview and the
 * paper cannot disagree about what the receipt says or where a line breaks.
 */
export type ReceiptBlock = { kind: 'text'; text: string; bold: boolean } | { kind: 'qr'; value: string };

/** Characters per line in Font A (12×24 dots): 384 dots on 58 mm paper, 576 dots on 80 mm. */
export const RECEIPT_COLUMNS = { 58: 32, 80: 48 } as const satisfies Record<PaperWidth, number>;

/** WIB/WITA/WIT, so a receipt read in another zone is not misread. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

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

/** Each wrapped line of `text` centred in `width` columns. */
export function centered(text: string, width: number): string[] {
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

/** The receipt's text lines as plain text (the QR code left out), for search, copy and tests. */
export function receiptPlainText(blocks: ReceiptBlock[]): string {
  return blocks.flatMap((block) => (block.kind === 'text' ? [block.text] : [])).join('\n');
}
