import type { PaymentMethod, Settings } from '../../../../shared/contract/index';
import { roundCash, type CashRounding } from '../../../../shared/domain/money';
import { priceCart, type Discount, type PricedCart } from '../../../../shared/domain/pricing';
import type { CartLine, MemberPrices } from './cart-store';

type CounterSettings = Pick<Settings, 'pkp' | 'ppnRatePercent' | 'cashRounding'>;

/** The core's rule: the list's price with the largest minimum quantity not above the quantity, else retail. */
export function unitPriceFor(line: CartLine, memberPrices: MemberPrices | null): number {
  let best: { minQuantity: number; price: number } | null = null;
  for (const entry of memberPrices?.[line.itemId] ?? []) {
    if (entry.minQuantity <= line.quantity && (!best || entry.minQuantity > best.minQuantity)) best = entry;
  }
  return best?.price ?? line.unitPrice;
}

/**
 * The cart as the core will price it: the same `priceCart`, PPN only for a PKP branch, at the
 * branch's rate, with the customer's price list when it is known. The completed sale is the truth.
 */
export function previewCart(
  lines: readonly CartLine[],
  cartDiscount: Discount | null,
  settings: CounterSettings,
  memberPrices: MemberPrices | null = null,
): PricedCart {
  return priceCart(
    lines.map((line) => ({
      unitPrice: unitPriceFor(line, memberPrices),
      quantity: line.quantity,
      taxMode: settings.pkp ? line.taxMode : 'exempt',
      ...(line.discount ? { discount: line.discount } : {}),
    })),
    cartDiscount ?? undefined,
    { ratePercent: settings.ppnRatePercent, dppNumerator: 11, dppDenominator: 12 },
  );
}

export function roundingStep(settings: CounterSettings): CashRounding {
  return settings.cashRounding === 0 ? 'none' : settings.cashRounding;
}

export type TenderLine = { method: PaymentMethod; amount: number };

export type Settlement = {
  total: number;
  nonCash: number;
  cash: number;
  /** Cash rounding applied to the cash part (positive when the customer pays more). */
  rounding: number;
  amountDue: number;
  paid: number;
  change: number;
  short: number;
  /** Exactly what the customer hands over in cash for the rest ("uang pas"), rounded. */
  exactCash: number;
  /** Non-cash payments above the total: the core refuses those. */
  nonCashOver: boolean;
};

/** The same arithmetic as the core's completeSale: non-cash pays exactly, cash is rounded and gives change. */
export function settle(total: number, tenders: readonly TenderLine[], step: CashRounding): Settlement {
  const cash = tenders.filter((t) => t.method === 'cash').reduce((sum, t) => sum + t.amount, 0);
  const nonCash = tenders.filter((t) => t.method !== 'cash').reduce((sum, t) => sum + t.amount, 0);
  const cashPart = Math.max(0, total - nonCash);
  const exactCash = roundCash(cashPart, step).total;
  const rounding = cash > 0 ? roundCash(cashPart, step).adjustment : 0;
  const amountDue = total + rounding;
  const paid = cash + nonCash;
  return {
    total,
    nonCash,
    cash,
    rounding,
    amountDue,
    paid,
    change: Math.max(0, paid - amountDue),
    short: Math.max(0, amountDue - paid),
    exactCash,
    nonCashOver: nonCash > total,
  };
}

/** Percent of the subtotal the discounts take, as the core checks it against the branch's limit. */
export function discountPercent(priced: PricedCart): number {
  return priced.subtotal > 0 ? (priced.discount * 100) / priced.subtotal : 0;
}
