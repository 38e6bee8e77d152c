import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, formatRupiah, roundCash } from '../../shared/domain/money';
import { priceCart } from '../../shared/domain/pricing';
import { computePpn } from '../../shared/domain/tax';
import { crc16Ccitt, dynamicQris, formatTlv, parseTlv, verifyQris } from '../../shared/domain/qris';
import { gtinCheckDigit, isValidEan13 } from '../../shared/domain/barcode';

describe('money', () => {
  it('formats rupiah the Indonesian way', () => {
    expect(formatRupiah(12500)).toBe('Rp 12.500');
    expect(formatRupiah(1234567)).toBe('Rp 1.234.567');
    expect(formatRupiah(-1000)).toBe('-Rp 1.000');
    expect(formatRupiah(0)).toBe('Rp 0');
  });

  it('rounds cash to Rp 100 / 500 half up and reports the adjustment', () => {
    expect(roundCash(12_449, 100)).toEqual({ total: 12_400, adjustment: -49 });
    expect(roundCash(12_450, 100)).toEqual({ total: 12_500, adjustment: 50 });
    expect(roundCash(12_249, 500)).toEqual({ total: 12_000, adjustment: -249 });
    expect(roundCash(12_250, 500)).toEqual({ total: 12_500, adjustment: 250 });
    expect(roundCash(777, 'none')).toEqual({ total: 777, adjustment: 0 });
  });

  it('allocates exactly, in proportion', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = allocate(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
      }),
    );
  });
});

describe('PPN (12% × DPP 11/12, rounded down)', () => {
  it('adds 11% effective on excluded prices, rounded down', () => {
    expect(computePpn(100_000, 'excluded')).toEqual({ base: 100_000, ppn: 11_000, gross: 111_000 });
    expect(computePpn(9_999, 'excluded')).toEqual({ base: 9_999, ppn: 1_099, gross: 11_098 });
  });

  it('finds the PPN inside included prices', () => {
    expect(computePpn(111_000, 'included')).toEqual({ base: 100_000, ppn: 11_000, gross: 111_000 });
    expect(computePpn(10_000, 'included')).toEqual({ base: 9_010, ppn: 990, gross: 10_000 });
  });

  it('charges luxury goods 12% of the full price', () => {
    expect(computePpn(100_000, 'excluded', { ratePercent: 12, dppNumerator: 1, dppDenominator: 1 }).ppn).toBe(12_000);
  });

  it('charges nothing on exempt goods', () => {
    expect(computePpn(5_000, 'exempt')).toEqual({ base: 5_000, ppn: 0, gross: 5_000 });
  });
});

describe('priceCart', () => {
  it('applies line and cart discounts before PPN and keeps totals consistent', () => {
    const cart = priceCart(
      [
        { unitPrice: 10_000, quantity: 3, taxMode: 'included', discount: { kind: 'percent', value: 10 } },
        { unitPrice: 5_000, quantity: 1, taxMode: 'excluded' },
        { unitPrice: 2_500, quantity: 2, taxMode: 'exempt' },
      ],
      { kind: 'amount', value: 4_000 },
    );
    expect(cart.subtotal).toBe(40_000);
    expect(cart.lines[0]!.lineDiscount).toBe(3_000);
    expect(cart.discount).toBe(7_000);
    expect(cart.lines.reduce((a, l) => a + l.cartDiscount, 0)).toBe(4_000);
    expect(cart.total).toBe(cart.lines.reduce((a, l) => a + l.total, 0));
    expect(cart.base + cart.ppn).toBe(cart.total);
  });
});

describe('QRIS', () => {
  it('computes CRC-16/CCITT-FALSE', () => {
    expect(crc16Ccitt('123456789')).toBe('29B1');
  });

  it('turns a static QRIS into a dynamic one with the amount in tag 54', () => {
    const merchant = formatTlv([
      { tag: '00', value: 'ID.CO.EXAMPLE.WWW' },
      { tag: '01', value: '936000000000000001' },
    ]);
    const body =
      formatTlv([
        { tag: '00', value: '01' },
        { tag: '01', value: '11' },
        { tag: '26', value: merchant },
        { tag: '52', value: '5411' },
        { tag: '53', value: '360' },
        { tag: '58', value: 'ID' },
        { tag: '59', value: 'WARUNG B' },
        { tag: '60', value: 'SLEMAN' },
      ]) + '6304';
    const staticQris = body + crc16Ccitt(body);
    expect(verifyQris(staticQris)).toBe(true);
    const dynamic = dynamicQris(staticQris, 15_000);
    expect(verifyQris(dynamic)).toBe(true);
    const tags = parseTlv(dynamic);
    expect(tags.find((t) => t.tag === '01')!.value).toBe('12');
    expect(tags.find((t) => t.tag === '54')!.value).toBe('15000');
    expect(tags.map((t) => t.tag)).toEqual(['00', '01', '26', '52', '53', '54', '58', '59', '60', '63']);
    expect(() => dynamicQris(staticQris.slice(0, -1) + '0', 1000)).toThrow(/CRC/);
  });
});

describe('barcodes', () => {
  it('checks EAN-13 check digits', () => {
    expect(gtinCheckDigit('899999988888')).toBe(gtinCheckDigit('899999988888'));
    expect(isValidEan13('4006381333931')).toBe(true);
    expect(isValidEan13('4006381333932')).toBe(false);
    expect(isValidEan13('400638133393')).toBe(false);
  });
});
