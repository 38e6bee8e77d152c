import { allocate, assertRupiah } from './money';
import { computePpn, DEFAULT_PPN, type PpnRule, type TaxMode } from './tax';

export type Discount = { kind: 'amount'; value: number } | { kind: 'percent'; value: number };

export type PriceLineInput = {
  unitPrice: number;
  quantity: number;
  taxMode: TaxMode;
  discount?: Discount;
};

export type PricedLine = {
  unitPrice: number;
  quantity: number;
  /** unitPrice × quantity */
  subtotal: number;
  lineDiscount: number;
  /** This line's share of the cart discount. */
  cartDiscount: number;
  /** subtotal − discounts: the line's price as written (PPN inside when taxMode is included). */
  net: number;
  base: number;
  ppn: number;
  /** What the customer pays for the line. */
  total: number;
  taxMode: TaxMode;
};

export type PricedCart = {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  base: number;
  ppn: number;
  total: number;
};

function discountAmount(gross: number, discount: Discount | undefined): number {
  if (!discount) return 0;
  const amount = discount.kind === 'amount' ? discount.value : Math.floor((gross * discount.value) / 100);
  if (!(amount >= 0)) throw new RangeError('discount must not be negative');
  return Math.min(gross, Math.floor(amount));
}

/**
 * The one pricing function: line subtotals, line discounts, a cart discount spread over lines in
 * proportion to what is left of them, then PPN per line (rounded down per line), and the totals.
 * Quantities may be fractional (kg, liter); money is whole rupiah, rounded half up per line.
 */
export function priceCart(lines: readonly PriceLineInput[], cartDiscount?: Discount, rule: PpnRule = DEFAULT_PPN): PricedCart {
  const afterLine = lines.map((line) => {
    assertRupiah(line.unitPrice, 'unitPrice');
    if (!(line.quantity > 0)) throw new RangeError('quantity must be positive');
    const subtotal = Math.round(line.unitPrice * line.quantity);
    const lineDiscount = discountAmount(subtotal, line.discount);
    return { line, subtotal, lineDiscount, remaining: subtotal - lineDiscount };
  });
  const remainingTotal = afterLine.reduce((sum, l) => sum + l.remaining, 0);
  const cartAmount = discountAmount(remainingTotal, cartDiscount);
  const shares = allocate(cartAmount, afterLine.map((l) => l.remaining));

  const priced = afterLine.map((l, i): PricedLine => {
    const cart = shares[i] ?? 0;
    const net = l.remaining - cart;
    const tax = computePpn(net, l.line.taxMode, rule);
    return {
      unitPrice: l.line.unitPrice,
      quantity: l.line.quantity,
      subtotal: l.subtotal,
      lineDiscount: l.lineDiscount,
      cartDiscount: cart,
      net,
      base: tax.base,
      ppn: tax.ppn,
      total: tax.gross,
      taxMode: l.line.taxMode,
    };
  });
  const sum = (pick: (line: PricedLine) => number) => priced.reduce((acc, line) => acc + pick(line), 0);
  return {
    lines: priced,
    subtotal: sum((l) => l.subtotal),
    discount: sum((l) => l.lineDiscount + l.cartDiscount),
    base: sum((l) => l.base),
    ppn: sum((l) => l.ppn),
    total: sum((l) => l.total),
  };
}

export { DEFAULT_PPN };
