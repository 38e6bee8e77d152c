import { assertRupiah } from './money';

/** How a price treats PPN. */
export type TaxMode = 'included' | 'excluded' | 'exempt';

/**
 * The PPN rule in force. Since 2025 (PMK 131/2024) non-luxury goods pay 12% of a DPP of 11/12 of the
 * price, i.e. 11% effective; luxury goods pay 12% of the full price (dppNumerator = dppDenominator).
 */
export type PpnRule = { ratePercent: number; dppNumerator: number; dppDenominator: number };

export const DEFAULT_PPN: PpnRule = { ratePercent: 12, dppNumerator: 11, dppDenominator: 12 };

/** The effective rate as an exact fraction num/den (12% × 11/12 → 132/1200). */
function effective(rule: PpnRule): { num: number; den: number } {
  if (!(rule.ratePercent >= 0 && rule.dppNumerator > 0 && rule.dppDenominator > 0)) throw new RangeError('invalid PPN rule');
  // Rates may have decimals (e.g. 1.1%): scale them to integers.
  const scale = 1000;
  return { num: Math.round(rule.ratePercent * scale) * rule.dppNumerator, den: 100 * scale * rule.dppDenominator };
}

export type TaxBreakdown = {
  /** Dasar Pengenaan Pajak as price (harga jual before PPN). */
  base: number;
  ppn: number;
  /** What the customer pays. */
  gross: number;
};

/**
 * PPN of an amount under a tax mode, in whole rupiah rounded down (as the tax rules say).
 * `included`: `amount` already holds PPN; `excluded`: PPN is added on top; `exempt`: none.
 */
export function computePpn(amount: number, mode: TaxMode, rule: PpnRule = DEFAULT_PPN): TaxBreakdown {
  assertRupiah(amount);
  if (mode === 'exempt') return { base: amount, ppn: 0, gross: amount };
  const { num, den } = effective(rule);
  if (mode === 'excluded') {
    const ppn = Math.floor((amount * num) / den);
    return { base: amount, ppn, gross: amount + ppn };
  }
  const ppn = Math.floor((amount * num) / (den + num));
  return { base: amount - ppn, ppn, gross: amount };
}
