import { describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/contract/pos.contract';
import { formatRupiah, roundCash } from '../../shared/domain/money';
import { priceCart, type PriceLineInput } from '../../shared/domain/pricing';
import type { ReceiptData } from '../../electron/core/pos/receipt/receipt-data';
import { receiptEscPos } from '../../electron/core/pos/receipt/receipt-escpos';
import { receiptHtml } from '../../electron/core/pos/receipt/receipt-html';
import {
  RECEIPT_COLUMNS,
  receiptLayout,
  toReceiptText,
  wrapText,
  type ReceiptBlock,
} from '../../electron/core/pos/receipt/receipt-lines';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Item = PriceLineInput & { name: string };

const ITEMS: Item[] = [
  {
    name: 'Kopi Susu Gula Aren 250ml',
    unitPrice: 18_000,
    quantity: 2,
    taxMode: 'included',
    discount: { kind: 'percent', value: 10 },
  },
  { name: 'Indomie Goreng Spesial 85g', unitPrice: 3_500, quantity: 5, taxMode: 'included' },
  { name: 'Beras Pandan Wangi Premium 5 kg', unitPrice: 78_900, quantity: 1, taxMode: 'included' },
];

/** A completed sale priced by the real pricing function, paid by QRIS and cash with cash rounding. */
function makeSale(items: Item[] = ITEMS, cashStep: 'none' | 500 = 500): Sale {
  const cart = priceCart(items, { kind: 'amount', value: 2_000 });
  const rounded = roundCash(cart.total, cashStep);
  const qris = Math.min(50_000, rounded.total);
  const cash = Math.ceil((rounded.total - qris + 1) / 50_000) * 50_000;
  return {
    id: uuid(1),
    number: 'PJ/T1/2505/0001',
    status: 'completed',
    // 03:07 UTC = 10:07 WIB = 11:07 WITA
    createdAt: Date.UTC(2025, 4, 5, 3, 7),
    cashier: 'Siti Rahma',
    customer: { id: uuid(2), code: 'C-0012', name: 'Budi Santoso' },
    warehouseId: uuid(3),
    shiftId: uuid(4),
    lines: cart.lines.map((line, i) => ({
      id: uuid(10 + i),
      lineNo: i + 1,
      itemId: uuid(20 + i),
      name: items[i]!.name,
      sku: `SKU-${i + 1}`,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      lineDiscount: line.lineDiscount,
      cartDiscount: line.cartDiscount,
      base: line.base,
      ppn: line.ppn,
      total: line.total,
      taxMode: line.taxMode,
      refundedQuantity: 0,
    })),
    subtotal: cart.subtotal,
    discount: cart.discount,
    base: cart.base,
    ppn: cart.ppn,
    total: cart.total,
    rounding: rounded.adjustment,
    amountDue: rounded.total,
    payments: [
      { method: 'qris', amount: qris, reference: 'QR-88213' },
      { method: 'cash', amount: cash, reference: '' },
    ],
    paid: qris + cash,
    change: qris + cash - rounded.total,
    refunded: 0,
    voided: null,
  };
}

function makeData(over: Partial<ReceiptData> = {}, sale: Sale = makeSale()): ReceiptData {
  return {
    sale,
    branch: {
      name: 'Toko Sumber Rejeki',
      address: 'Jl. Merdeka No. 12, Kel. Sukamaju\nKota Bandung 40115',
      phone: '022-7654321',
      npwp: '012345678901000',
      pkp: true,
      footer: 'Barang yang sudah dibeli tidak dapat ditukar.',
      timeZone: 'Asia/Jakarta',
    },
    width: 58,
    reprint: false,
    printedAt: Date.UTC(2025, 4, 6, 1, 0),
    ...over,
  };
}

const texts = (blocks: ReceiptBlock[]) => blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
/** The amount printed at the right end of the line that starts with `label`. */
function amountOf(lines: string[], label: string): string | undefined {
  const line = lines.find((l) => l.startsWith(label));
  return line?.slice(line.lastIndexOf('Rp') - (line[line.lastIndexOf('Rp') - 1] === '-' ? 1 : 0)).trim();
}

describe.each([58, 80] as const)('receipt layout at %i mm', (width) => {
  const columns = RECEIPT_COLUMNS[width];

  it(`keeps every line within ${columns} columns and shows the sale`, () => {
    const blocks = receiptLayout(makeData({ width }));
    const lines = texts(blocks);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    expect(lines.some((l) => l.includes('PJ/T1/2505/0001'))).toBe(true);
    expect(lines).toContain(`Tanggal  : 05/05/2025 10:07 WIB`);
    expect(lines).toContain('Kasir    : Siti Rahma');
    expect(lines).toContain('Pelanggan: Budi Santoso');
    // The shop's name: bold, centered.
    const header = blocks[0]!;
    expect(header).toMatchObject({ kind: 'text', bold: true });
    const name = header.kind === 'text' ? header.text : '';
    expect(name.trim()).toBe('Toko Sumber Rejeki');
    expect(Math.abs(name.length - name.trim().length - (columns - name.length))).toBeLessThanOrEqual(1);
    expect(blocks.filter((b) => b.kind === 'qr')).toEqual([{ kind: 'qr', value: 'PJ/T1/2505/0001' }]);
    expect(lines.at(-1)?.trim()).toBe('Terima kasih');
  });

  it('never overflows with a 100-character name and billion-rupiah amounts', () => {
    const longName = `${'Kemeja Batik Tulis Solo Premium Lengan Panjang '.repeat(1)}${'X'.repeat(53)}`;
    expect(longName).toHaveLength(100);
    const sale = makeSale(
      [
        { name: longName, unitPrice: 1_234_567_890, quantity: 3, taxMode: 'included' },
        { name: 'Gula 1 kg', unitPrice: 17_500, quantity: 1, taxMode: 'included' },
      ],
      'none',
    );
    const lines = texts(receiptLayout(makeData({ width }, sale)));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(columns);
    // Nothing of the name is lost to wrapping.
    const start = lines.findIndex((l) => l.startsWith('Kemeja'));
    expect(
      lines
        .slice(start, start + 4)
        .join('')
        .replace(/ /g, ''),
    ).toContain(longName.replace(/ /g, ''));
    for (const money of [
      formatRupiah(1_234_567_890),
      formatRupiah(3 * 1_234_567_890),
      formatRupiah(sale.amountDue),
    ]) {
      expect(lines.some((l) => l.includes(money))).toBe(true);
    }
    expect(amountOf(lines, 'TOTAL')).toBe(formatRupiah(sale.amountDue));
  });

  it('prints totals equal to the sale, rounding and change', () => {
    const sale = makeSale();
    expect(sale.rounding).not.toBe(0);
    const lines = texts(receiptLayout(makeData({ width }, sale)));
    expect(amountOf(lines, 'Subtotal')).toBe(formatRupiah(sale.subtotal));
    expect(amountOf(lines, 'Diskon ')).toBe(formatRupiah(-sale.discount));
    expect(amountOf(lines, 'Pembulatan')).toBe(formatRupiah(sale.rounding));
    expect(amountOf(lines, 'TOTAL')).toBe(formatRupiah(sale.amountDue));
    expect(amountOf(lines, 'QRIS')).toBe(formatRupiah(sale.payments[0]!.amount));
    expect(amountOf(lines, 'Tunai')).toBe(formatRupiah(sale.payments[1]!.amount));
    expect(amountOf(lines, 'Kembali')).toBe(formatRupiah(sale.change));
    expect(sale.change).toBeGreaterThan(0);
    // Line: qty × price, line total, then its discount on a line of its own.
    const kopi = lines.findIndex((l) => l.startsWith('Kopi Susu'));
    expect(lines[kopi + 1]).toMatch(/^ {2}2 x Rp 18\.000 +Rp 36\.000$/);
    expect(lines[kopi + 2]).toMatch(/^ {2}Diskon +-Rp 3\.600$/);
  });

  it('leaves out rounding when there is none', () => {
    const sale = makeSale(ITEMS, 'none');
    expect(sale.rounding).toBe(0);
    const lines = texts(receiptLayout(makeData({ width }, sale)));
    expect(lines.some((l) => l.startsWith('Pembulatan'))).toBe(false);
    expect(amountOf(lines, 'TOTAL')).toBe(formatRupiah(sale.total));
  });
});

describe('receipt layout: tax, markers, time', () => {
  it('shows NPWP, DPP and the PPN summary only for a PKP branch', () => {
    const sale = makeSale();
    const pkp = texts(receiptLayout(makeData({}, sale)));
    expect(pkp.some((l) => l.trim() === 'NPWP: 01.234.567.8-901.000')).toBe(true);
    expect(amountOf(pkp, 'DPP')).toBe(formatRupiah(sale.base));
    expect(amountOf(pkp, 'PPN 12% (DPP 11/12)')).toBe(formatRupiah(sale.ppn));
    expect(sale.base + sale.ppn).toBe(sale.total);

    const data = makeData({}, sale);
    data.branch.pkp = false;
    const plain = texts(receiptLayout(data));
    expect(plain.filter((l) => /PPN|DPP|NPWP/.test(l))).toEqual([]);
  });

  it('marks reprints and voided sales', () => {
    const normal = texts(receiptLayout(makeData()));
    expect(normal.some((l) => /REPRINT|VOID/.test(l))).toBe(false);

    const reprint = texts(receiptLayout(makeData({ reprint: true })));
    expect(reprint.some((l) => l.trim() === '*** SALINAN / REPRINT ***')).toBe(true);
    expect(reprint).toContain('Dicetak  : 06/05/2025 08:00 WIB');

    const sale = makeSale();
    sale.status = 'voided';
    sale.voided = { at: sale.createdAt + 600_000, by: 'Andi', reason: 'Salah input' };
    const voided = texts(receiptLayout(makeData({}, sale)));
    expect(voided.some((l) => l.trim() === '*** DIBATALKAN / VOID ***')).toBe(true);
    expect(voided).toContain('Alasan   : Salah input');
  });

  it('writes the time in the branch time zone', () => {
    const data = makeData();
    data.branch.timeZone = 'Asia/Makassar';
    expect(texts(receiptLayout(data))).toContain('Tanggal  : 05/05/2025 11:07 WITA');
  });

  it('folds names to printable ASCII and wraps at word boundaries', () => {
    expect(toReceiptText('Kopi “Spesial” – Café 😀 ½ kg')).toBe('Kopi "Spesial" - Cafe 1/2 kg');
    expect(toReceiptText('Teh\x1b@\x1dV\x00 Manis')).toBe('Teh@V Manis');
    expect(toReceiptText('茶')).toBe('?');
    expect(wrapText('aaa bbb ccc', 7)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('receipt HTML', () => {
  it.each([58, 80] as const)('is a standalone %i mm document holding every line and the QR code', (width) => {
    const data = makeData({ width });
    const html = receiptHtml(data);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`width: ${width}mm`);
    expect(html).toContain(`width: ${RECEIPT_COLUMNS[width]}ch`);
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 \d+ \d+"[^>]*>.*<path fill="#000" d="M/s);
    for (const line of texts(receiptLayout(data))) expect(html).toContain(line.replace(/&/g, '&amp;'));
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('escapes markup in product names', () => {
    const sale = makeSale([
      { name: '<script>alert("x")</script> & Co', unitPrice: 1_000, quantity: 1, taxMode: 'included' },
    ]);
    const html = receiptHtml(makeData({}, sale));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });
});

describe('receipt ESC/POS', () => {
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
  const indexOf = (bytes: Uint8Array, needle: number[]) => Buffer.from(bytes).indexOf(Buffer.from(needle));

  it.each([58, 80] as const)(
    'initializes, prints the sale and QR code, and ends with a cut (%i mm)',
    (width) => {
      const bytes = receiptEscPos(makeData({ width }));
      expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
      expect([...bytes.subarray(-3)]).toEqual([0x1d, 0x56, 0x01]);
      expect(indexOf(bytes, ascii('PJ/T1/2505/0001'))).toBeGreaterThan(0);
      // GS ( k … 1 P 0 <data>: the QR code stores the sale number.
      expect(
        indexOf(bytes, [0x1d, 0x28, 0x6b, 3 + 15, 0x00, 0x31, 0x50, 0x30, ...ascii('PJ/T1/2505/0001')]),
      ).toBeGreaterThan(0);
      // Bold TOTAL line, padded to the paper's columns.
      const columns = RECEIPT_COLUMNS[width];
      const total = `TOTAL${formatRupiah(makeSale().amountDue).padStart(columns - 5)}`;
      expect(indexOf(bytes, [0x1b, 0x45, 0x01, ...ascii(total), 0x1b, 0x45, 0x00])).toBeGreaterThan(0);
    },
  );

  it('keeps control characters in names away from the printer', () => {
    const sale = makeSale([
      { name: 'Teh\x1d\x56\x00Manis', unitPrice: 5_000, quantity: 1, taxMode: 'included' },
    ]);
    const bytes = receiptEscPos(makeData({}, sale));
    expect(indexOf(bytes, ascii('TehVManis'))).toBeGreaterThan(0);
    // The only cut is the one at the end.
    expect(indexOf(bytes, [0x1d, 0x56])).toBe(bytes.length - 3);
  });
});
