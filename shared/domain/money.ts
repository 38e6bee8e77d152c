/** Money is integer rupiah everywhere. These helpers keep it that way. */

export function assertRupiah(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`${what} must be a whole number of rupiah, got ${amount}`);
}

/** "Rp 12.500", "-Rp 1.000": Indonesian grouping, no decimals. */
export function formatRupiah(amount: number): string {
  const digits = Math.abs(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}

export type CashRounding = 'none' | 100 | 500 | 1000;

/**
 * Rounds a cash total to the nearest step (half up), as Indonesian shops do when small coins are
 * scarce. Returns the rounded total and the adjustment (positive when the customer pays more).
 */
export function roundCash(total: number, step: CashRounding): { total: number; adjustment: number } {
  assertRupiah(total, 'total');
  if (step === 'none') return { total, adjustment: 0 };
  const rounded = Math.floor((total + step / 2) / step) * step;
  return { total: rounded, adjustment: rounded - total };
}

/**
 * Splits `total` into parts proportional to `weights`, in whole rupiah, summing exactly to `total`
 * (largest remainder; ties go to the earlier part). Used to spread a cart discount over lines.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertRupiah(total, 'total');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) {
    const parts = weights.map(() => 0);
    parts[0] = total;
    return parts;
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]! += 1;
  return parts;
}
