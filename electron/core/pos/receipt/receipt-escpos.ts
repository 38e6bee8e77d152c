import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PaperWidth, ReceiptData } from './receipt-data';
import { receiptLayout } from './receipt-lines';
import { RECEIPT_COLUMNS, type ReceiptBlock } from './receipt-text';

/**
 * Lines fed before the cut so the last printed line clears the cutter (the head-to-cutter
 * distance is 3–4 lines on common 58/80 mm printers), without wasting paper.
 */
const FEED_BEFORE_CUT = 4;
/** QR module size in dots (1–8). 6 dots = 0.75 mm: large enough for phone cameras, small enough for 58 mm. */
const QR_MODULE_DOTS = 6;

const LF = 0x0a;

/**
 * The receipt as ESC/POS bytes for a generic Epson-compatible printer. The encoder runs in Node
 * without a canvas (canvas is needed only for images, which receipts here do not use). The bytes
 * it writes, for whoever reads a hex dump:
 * - `ESC @` (1B 40) initialize; `FS .` (1C 2E) Kanji mode off; `ESC M 0` Font A; `ESC t 0` code page 437.
 *   The layout has already folded text to ASCII, so the code page only has to agree on 0x20–0x7E.
 * - `ESC E n` (1B 45 n) bold on/off; text is aligned with spaces by the layout, not by the printer.
 * - `ESC a n` (1B 61 n) centers the QR code, then back to left.
 * - `GS ( k` (1D 28 6B …) QR code: model 2, module size, error level M, store data, print.
 * - `LF` × FEED_BEFORE_CUT, then `GS V 1` (1D 56 01) partial cut.
 */
export function receiptEscPos(data: ReceiptData): Uint8Array {
  return blocksEscPos(receiptLayout(data), data.width);
}

/** Any receipt's blocks (a sale's, a bill payment's) as ESC/POS bytes; see receiptEscPos. */
export function blocksEscPos(blocks: ReceiptBlock[], width: PaperWidth): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns: RECEIPT_COLUMNS[width],
    newline: '\n',
    feedBeforeCut: 0,
  });
  encoder.initialize().codepage('cp437');
  for (const block of blocks) {
    if (block.kind === 'qr') {
      encoder
        .align('center')
        .qrcode(block.value, { model: 2, size: QR_MODULE_DOTS, errorlevel: 'm' })
        .align('left');
    } else if (block.bold) {
      encoder.bold(true).line(block.text).bold(false);
    } else {
      encoder.line(block.text);
    }
  }
  encoder.newline(FEED_BEFORE_CUT).cut('partial');
  const bytes = encoder.encode();
  // The encoder ends the cut with a line feed, which would only feed blank paper onto the next
  // receipt: drop it so the job ends with the cut.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === LF) end--;
  return bytes.slice(0, end);
}
