import QRCode from 'qrcode';
import type { PaperWidth, ReceiptData } from './receipt-data';
import { receiptLayout } from './receipt-lines';
import { RECEIPT_COLUMNS, type ReceiptBlock } from './receipt-text';

/**
 * Sizes follow the printer, so the preview is the paper at 1:1: Font A is 12 dots wide at 8 dots
 * per mm, i.e. 1.5 mm a column (32 columns = 48 mm printable on 58 mm paper, 48 = 72 mm on 80 mm).
 * A monospace column is about 0.6 em, hence 2.5 mm type. The QR code uses the ESC/POS renderer's
 * module size (6 dots = 0.75 mm).
 */
const QR_MODULE_MM = 0.75;
const QR_QUIET_MODULES = 2;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** The receipt as a standalone HTML document (inline CSS and SVG), for the on-screen preview. */
export function receiptHtml(data: ReceiptData): string {
  return blocksHtml(receiptLayout(data), data.width, `Struk ${data.sale.number}`);
}

/** Any receipt's blocks (a sale's, a bill payment's) as the preview document; `title` names it. */
export function blocksHtml(blocks: ReceiptBlock[], width: PaperWidth, title: string): string {
  const columns = RECEIPT_COLUMNS[width];
  const body = blocks
    .map((block) =>
      block.kind === 'qr'
        ? `<div class="qr">${qrSvg(block.value)}</div>`
        : `<div class="${block.bold ? 'l b' : 'l'}">${escapeHtml(block.text)}</div>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  html, body { margin: 0; padding: 0; background: #d9d9d6; }
  body { display: flex; justify-content: center; padding: 6mm 0 10mm; }
  .paper {
    position: relative;
    box-sizing: border-box;
    width: ${width}mm;
    padding: 5mm 0 4mm;
    background: #fff;
    color: #111;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25);
  }
  /* The torn edge left by the cutter. */
  .paper::after {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    bottom: -2mm;
    height: 2mm;
    background: linear-gradient(135deg, #fff 1mm, transparent 0) 0 0 / 2mm 2mm repeat-x,
      linear-gradient(225deg, #fff 1mm, transparent 0) 0 0 / 2mm 2mm repeat-x;
  }
  .print {
    width: ${columns}ch;
    margin: 0 auto;
    font-family: 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, 'Courier New', monospace;
    font-size: 2.5mm;
    line-height: 1.5;
    font-kerning: none;
  }
  .l { white-space: pre; min-height: 1.5em; overflow: hidden; }
  .b { font-weight: 700; }
  .qr { display: flex; justify-content: center; margin: 1.5mm 0 0.5mm; }
  .qr svg { display: block; }
  @media print {
    @page { margin: 0; }
    html, body { background: none; }
    body { display: block; padding: 0; }
    .paper { box-shadow: none; padding-top: 0; }
    .paper::after { display: none; }
  }
</style>
</head>
<body>
<div class="paper" data-width="${width}">
<div class="print">
${body}
</div>
</div>
</body>
</html>
`;
}

/** The QR code as inline SVG: one path, runs of dark modules merged per row. */
function qrSvg(value: string): string {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  let path = '';
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      let run = 1;
      while (col + run < size && modules.get(row, col + run)) run++;
      path += `M${col + QR_QUIET_MODULES} ${row + QR_QUIET_MODULES}h${run}v1h-${run}z`;
      col += run;
    }
  }
  const total = size + 2 * QR_QUIET_MODULES;
  const mm = total * QR_MODULE_MM;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}" width="${mm}mm" height="${mm}mm" ` +
    `shape-rendering="crispEdges" role="img" aria-label="QR ${escapeHtml(value)}">` +
    `<rect width="${total}" height="${total}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
