import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemName } from '../../electron/core/catalog/catalog.service';
import { yearMonth } from '../../electron/core/documents/document-number';
import { readProductCsv } from '../../electron/core/inventory/product-import.service';
import { detectDelimiter, formatCsv, parseCsv } from '../../electron/core/platform/csv';
import { refundShare } from '../../electron/core/pos/refunds.service';
import { computePpn } from '../../shared/domain/tax';

describe('refundShare', () => {
  it('splits 10.000 over 3 units so the parts add up exactly, whatever the order', () => {
    expect([
      refundShare(10_000, 3, 0, 1),
      refundShare(10_000, 3, 1, 1),
      refundShare(10_000, 3, 2, 1),
    ]).toEqual([3_333, 3_334, 3_333]);
    expect(refundShare(10_000, 3, 0, 1) + refundShare(10_000, 3, 1, 2)).toBe(10_000);
    expect(refundShare(10_000, 3, 0, 3)).toBe(10_000);
  });

  it('for any line and any sequence of partial refunds, the parts sum to the line total and stay fair', () => {
    const line = fc
      .record({ total: fc.integer({ min: 0, max: 50_000_000 }), quantity: fc.integer({ min: 1, max: 60 }) })
      .chain(({ total, quantity }) =>
        fc
          .array(fc.integer({ min: 1, max: quantity }), { minLength: 1, maxLength: quantity })
          .map((steps) => ({ total, quantity, steps })),
      );
    fc.assert(
      fc.property(line, ({ total, quantity, steps }) => {
        let done = 0;
        let paid = 0;
        for (const step of steps) {
          const take = Math.min(step, quantity - done);
          if (take === 0) break;
          const share = refundShare(total, quantity, done, take);
          // Never more than one rupiah away from the exact proportion.
          expect(Math.abs(share - (total * take) / quantity)).toBeLessThanOrEqual(1);
          paid += share;
          done += take;
        }
        if (done < quantity) paid += refundShare(total, quantity, done, quantity - done);
        expect(paid).toBe(total);
      }),
    );
  });
});

describe('PPN on tax-inclusive prices', () => {
  it('is floor(price × 11/111) under the default rule (12% of a DPP of 11/12)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (amount) => {
        const { ppn, base, gross } = computePpn(amount, 'included');
        expect(ppn).toBe(Number((BigInt(amount) * 11n) / 111n));
        expect(base + ppn).toBe(gross);
        expect(gross).toBe(amount);
      }),
    );
  });
});

describe('document number months', () => {
  it('turns the month at midnight in the branch time zone, not in UTC', () => {
    const lastMinuteJakarta = Date.parse('2030-01-31T16:59:59Z');
    expect(yearMonth(lastMinuteJakarta, 'Asia/Jakarta')).toBe('3001');
    expect(yearMonth(lastMinuteJakarta + 1_000, 'Asia/Jakarta')).toBe('3002');
    expect(yearMonth(Date.parse('2030-01-31T15:00:00Z'), 'Asia/Jayapura')).toBe('3002');
    expect(yearMonth(Date.parse('2030-01-31T15:00:00Z'), 'Asia/Makassar')).toBe('3001');
    expect(yearMonth(Date.parse('2029-12-31T17:00:00Z'), 'Asia/Jakarta')).toBe('3001');
  });
});

describe('item names', () => {
  it('joins the product name and the variant values in the order given', () => {
    expect(itemName('Kaos Polos', {})).toBe('Kaos Polos');
    expect(itemName('Kaos Polos', { ukuran: 'M' })).toBe('Kaos Polos M');
    expect(itemName('Kaos Polos', { ukuran: 'M', warna: 'Merah' })).toBe('Kaos Polos M / Merah');
  });
});

describe('CSV', () => {
  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('nama;sku;harga\n"a,b,c";1;2')).toBe(';');
    expect(detectDelimiter('name,sku,price\nx;y;z;w;v')).toBe(',');
    expect(detectDelimiter('"nama;lengkap",sku\n')).toBe(',');
  });

  it('reads back whatever it writes: delimiters, quotes and line breaks inside fields', () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', '9', ' ', ',', ';', '"', '\n', '\r\n', 'é', '—'),
    });
    const table = fc
      .integer({ min: 1, max: 6 })
      .chain((width) =>
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      )
      // A row of one empty field is written as an empty line, which the reader skips by design.
      .filter((rows) => rows.every((row) => !(row.length === 1 && row[0] === '')));
    fc.assert(
      fc.property(table, fc.constantFrom(',' as const, ';' as const), (rows, delimiter) => {
        expect(parseCsv(formatCsv(rows, delimiter), delimiter)).toEqual(rows);
      }),
    );
  });
});

describe('readProductCsv', () => {
  const none = { skus: new Set<string>(), barcodes: new Set<string>() };

  it('reads rupiah written the Indonesian way and refuses decimals', () => {
    const { rows, errors } = readProductCsv(
      'nama;sku;harga;modal\nA;A-1;12.500;10.000\nB;B-1;Rp 1.250.000;\nC;C-1;750;Rp750\n',
      none,
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.sku, r.price, r.cost])).toEqual([
      ['A-1', 12_500, 10_000],
      ['B-1', 1_250_000, 0],
      ['C-1', 750, 750],
    ]);
    const bad = readProductCsv('nama;sku;harga\nA;A-1;12,50\nB;B-1;12.50\nC;C-1;-500\nD;D-1;\n', none);
    expect(bad.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'price'],
      [3, 'price'],
      [4, 'price'],
      [5, 'price'],
    ]);
  });

  it('counts rows from the header as row 1 and skips blank lines without renumbering', () => {
    const { errors } = readProductCsv('nama,sku,harga\nA,A-1,1000\n,,\nB,A-1,1000\n', none);
    expect(errors).toEqual([{ row: 4, field: 'sku', message: 'SKU A-1 also on row 2' }]);
  });

  it('refuses a file with a header and no products', () => {
    expect(readProductCsv('nama;sku;harga\n', none).errors).toEqual([
      { row: 1, field: 'file', message: 'no product rows' },
    ]);
  });
});
