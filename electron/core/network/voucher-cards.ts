import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import { formatRupiah } from '../../../shared/domain/money';
import { AppError } from '../platform/errors';
import PDFDocument from 'pdfkit';

/**
 * Characters of voucher codes. Cards are read by people and typed on phones, so the letter sets
 * leave out look-alikes (l/1, O/0, I); numeric keeps all ten digits.
 */
export const VOUCHER_CHARSETS = {
  numeric: '0123456789',
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  alnum: 'abcdefghijkmnpqrstuvwxyz23456789',
} as const;
export type VoucherCharset = keyof typeof VOUCHER_CHARSETS;

export type VoucherCodeSpec = { count: number; prefix: string; length: number; charset: VoucherCharset; codeOnly: boolean };
export type VoucherCode = { username: string; password: string };

function randomCode(alphabet: string, length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Tries per code before deciding the code space is too crowded. */
const MAX_TRIES = 100;

/**
 * `count` usernames (prefix + random code from `crypto.randomInt`) none of which `taken` holds or
 * repeats; with `codeOnly` the password is the code itself (one code on the card), else a second
 * random code of the same kind. Refuses a space too small to hold the batch comfortably.
 */
export function makeVoucherCodes(spec: VoucherCodeSpec, taken: (username: string) => boolean): VoucherCode[] {
  const alphabet = VOUCHER_CHARSETS[spec.charset];
  const space = alphabet.length ** spec.length;
  if (spec.count * 4 > space) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Kode ${spec.length} karakter ${spec.charset} terlalu sedikit untuk ${spec.count} voucher. Perpanjang kodenya.`,
        en: `${spec.length}-character ${spec.charset} codes are too few for ${spec.count} vouchers. Make the code longer.`,
      },
      { fields: { length: 'too short for this many vouchers' } },
    );
  }
  const made = new Set<string>();
  const codes: VoucherCode[] = [];
  const fresh = (): string => {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const username = spec.prefix + randomCode(alphabet, spec.length);
      if (!made.has(username) && !taken(username)) return username;
    }
    throw new AppError(
      'CONFLICT',
      { id: 'Terlalu banyak kode yang sudah dipakai. Pakai awalan lain atau kode lebih panjang.', en: 'Too many codes are taken. Use another prefix or a longer code.' },
      { fields: { length: 'codes exhausted' } },
    );
  };
  while (codes.length < spec.count) {
    const username = fresh();
    made.add(username);
    codes.push({ username, password: spec.codeOnly ? username : randomCode(alphabet, spec.length) });
  }
  return codes;
}

export type VoucherCardBatch = {
  branchName: string;
  routerName: string;
  profile: string;
  /** RouterOS duration (`1d`, `3h`), empty when unlimited. */
  limitUptime: string;
  limitBytesTotal: number;
  price: number;
  /** Where the hotspot's login page answers: the hotspot DNS name, else the router's address. */
  loginHost: string;
  vouchers: VoucherCode[];
};

const UNITS: Record<string, string> = { w: 'minggu', d: 'hari', h: 'jam', m: 'menit', s: 'detik' };

/** `1d12h` → `1 hari 12 jam`; empty → `Tanpa batas`. */
export function validityText(limitUptime: string): string {
  const parts = [...limitUptime.matchAll(/(\d+)([wdhms])/g)].map((m) => `${m[1]} ${UNITS[m[2]!]}`);
  return parts.length ? parts.join(' ') : 'Tanpa batas';
}

function quotaText(bytes: number): string {
  if (bytes <= 0) return '';
  const gib = bytes / 1024 ** 3;
  return gib >= 1 ? `${Math.round(gib * 10) / 10} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

export function loginUrl(host: string, voucher: VoucherCode): string {
  return `http://${host}/login?username=${encodeURIComponent(voucher.username)}&password=${encodeURIComponent(voucher.password)}`;
}

/** Draws a QR code as vector squares (sharp at any printer resolution, far smaller than 24 PNGs a page). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 1;
  const cell = size / (modules.size + quiet * 2);
  const dark = (row: number, col: number) => col < modules.size && modules.data[row * modules.size + col] === 1;
  for (let row = 0; row < modules.size; row++) {
    // One rectangle per horizontal run of dark modules.
    for (let col = 0; col < modules.size; col++) {
      if (!dark(row, col)) continue;
      let end = col;
      while (dark(row, end + 1)) end++;
      doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, (end - col + 1) * cell, cell);
      col = end;
    }
  }
  doc.fillColor('black').fill();
}

/** Cards per A4 page: 3 across, 8 down. */
export const CARDS_PER_PAGE = { columns: 3, rows: 8 } as const;

/**
 * Like `renderPdf`, but draws one page per turn of the event loop: a batch of 2,000 cards is 84 pages
 * of QR codes (≈ 1.5 s of drawing), which must not hold the main process in one piece.
 */
function renderPages(options: PDFKit.PDFDocumentOptions, pages: number, drawPage: (doc: PDFKit.PDFDocument, page: number) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ ...options, info: { Producer: 'Gerai', Creator: 'Gerai', ...options.info } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    void (async () => {
      for (let page = 0; page < pages; page++) {
        if (page > 0) doc.addPage();
        drawPage(doc, page);
        await new Promise((next) => setImmediate(next));
      }
      doc.end();
    })().catch((error: unknown) => reject(error instanceof Error ? error : new Error(String(error))));
  });
}

/**
 * The batch's cards on A4 pages, 3 × 8 a page, cut lines between them: branch, profile, validity,
 * price, the code (and the password when it is separate) and a QR of the hotspot's login URL that
 * logs the phone that scans it straight in.
 */
export function voucherCardsPdf(batch: VoucherCardBatch): Promise<Buffer> {
  const margin = 18;
  const { columns, rows } = CARDS_PER_PAGE;
  const perPage = columns * rows;
  const pages = Math.max(1, Math.ceil(batch.vouchers.length / perPage));
  const details = [validityText(batch.limitUptime), quotaText(batch.limitBytesTotal)].filter(Boolean).join(' · ');
  return renderPages({ size: 'A4', margin, info: { Title: `Voucher ${batch.profile} — ${batch.vouchers.length}` } }, pages, (doc, page) => {
    const width = (doc.page.width - margin * 2) / columns;
    const height = (doc.page.height - margin * 2) / rows;
    batch.vouchers.slice(page * perPage, (page + 1) * perPage).forEach((voucher, slot) => {
      const x = margin + (slot % columns) * width;
      const y = margin + Math.floor(slot / columns) * height;
      doc.save().lineWidth(0.5).dash(2, { space: 2 }).strokeColor('#999999').rect(x, y, width, height).stroke().restore();
      const pad = 6;
      const qr = Math.min(height - pad * 2, 72);
      const textWidth = width - qr - pad * 3;
      // Courier is 0.6 em wide: the longest code still fits on one line.
      const codeSize = (text: string, largest: number) => Math.min(largest, textWidth / (0.6 * Math.max(1, text.length)));
      doc.fillColor('black').font('Helvetica-Bold').fontSize(8).text(batch.branchName, x + pad, y + pad, { width: textWidth, lineBreak: false, ellipsis: true });
      doc.font('Helvetica').fontSize(7).text(`${batch.profile} · ${details}`, x + pad, y + pad + 11, { width: textWidth, lineBreak: false, ellipsis: true });
      doc.font('Helvetica-Bold').fontSize(10).text(formatRupiah(batch.price), x + pad, y + pad + 21, { width: textWidth, lineBreak: false });
      const separate = voucher.password !== voucher.username;
      doc.font('Helvetica').fontSize(6).text(separate ? 'USER' : 'KODE VOUCHER', x + pad, y + pad + 37, { width: textWidth, lineBreak: false });
      doc.font('Courier-Bold').fontSize(codeSize(voucher.username, separate ? 11 : 14)).text(voucher.username, x + pad, y + pad + 44, { width: textWidth, lineBreak: false });
      if (separate) {
        doc.font('Helvetica').fontSize(6).text('PASSWORD', x + pad, y + pad + 58, { width: textWidth, lineBreak: false });
        doc.font('Courier-Bold').fontSize(codeSize(voucher.password, 11)).text(voucher.password, x + pad, y + pad + 65, { width: textWidth, lineBreak: false });
      }
      doc.font('Helvetica').fontSize(5.5).text(`Login: http://${batch.loginHost}`, x + pad, y + height - pad - 7, { width: textWidth, lineBreak: false, ellipsis: true });
      drawQr(doc, loginUrl(batch.loginHost, voucher), x + width - pad - qr, y + (height - qr) / 2, qr);
    });
  });
}
