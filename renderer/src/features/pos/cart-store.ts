import { create } from 'zustand';
import { z } from 'zod';
import type { SearchHit } from '../../../../shared/contract/index';
import type { Discount } from '../../../../shared/domain/pricing';
import type { TaxMode } from '../../../../shared/domain/tax';
import { newId } from '../../app/new-id';

export type CartLine = {
  itemId: string;
  name: string;
  sku: string;
  barcode: string | null;
  unit: string;
  /** The retail price: the preview's price; the core applies the customer's price list at payment. */
  unitPrice: number;
  taxMode: TaxMode;
  quantity: number;
  discount: Discount | null;
  onHand: number | null;
};

export type CartCustomer = {
  id: string;
  code: string;
  name: string;
  groupId: string | null;
  groupName: string | null;
  credit: number;
};

/** The customer's price list as quantity breaks per item; null while unknown (retail is shown). */
export type MemberPrices = Record<string, readonly { minQuantity: number; price: number }[]>;

const MAX_QUANTITY = 100_000;

const DiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), value: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('percent'), value: z.number().min(0).max(100) }),
]);

/** What a held cart carries. Checked when recalled: the core stores it as opaque JSON. */
export const HeldCartPayload = z.object({
  version: z.literal(1),
  lines: z.array(
    z.object({
      itemId: z.string(),
      name: z.string(),
      sku: z.string(),
      barcode: z.string().nullable(),
      unit: z.string(),
      unitPrice: z.number().int().nonnegative(),
      taxMode: z.enum(['included', 'excluded', 'exempt']),
      quantity: z.number().int().positive().max(MAX_QUANTITY),
      discount: DiscountSchema.nullable(),
      onHand: z.number().int().nullable(),
    }),
  ),
  cartDiscount: DiscountSchema.nullable(),
  customer: z
    .object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      groupId: z.string().nullable(),
      groupName: z.string().nullable(),
      credit: z.number().int(),
    })
    .nullable(),
});
export type HeldCartPayload = z.infer<typeof HeldCartPayload>;

type CartState = {
  lines: CartLine[];
  cartDiscount: Discount | null;
  customer: CartCustomer | null;
  memberPrices: MemberPrices | null;
  /** The line the keyboard acts on (↑/↓, +/−, Del); -1 when the cart is empty. */
  selected: number;
  /**
   * The id the sale will be completed with. It stays the same until the sale succeeds or the cart is
   * emptied, so paying again after a lost answer can never make a second sale.
   */
  saleId: string;
  /** The item last added or scanned, and when, so its line can flash. */
  flash: { itemId: string; at: number } | null;
  addItem(hit: SearchHit, quantity?: number): void;
  setQuantity(index: number, quantity: number): void;
  changeQuantity(index: number, delta: number): void;
  remove(index: number): void;
  setLineDiscount(index: number, discount: Discount | null): void;
  setCartDiscount(discount: Discount | null): void;
  setCustomer(customer: CartCustomer | null, memberPrices?: MemberPrices | null): void;
  select(index: number): void;
  moveSelection(delta: number): void;
  clear(): void;
  snapshot(): HeldCartPayload;
  restore(payload: HeldCartPayload): void;
};

const clampQuantity = (quantity: number) => Math.max(1, Math.min(MAX_QUANTITY, Math.round(quantity)));

export const useCartStore = create<CartState>()((set, get) => ({
  lines: [],
  cartDiscount: null,
  customer: null,
  memberPrices: null,
  selected: -1,
  saleId: newId(),
  flash: null,
  addItem(hit, quantity = 1) {
    const { lines } = get();
    const at = lines.findIndex((line) => line.itemId === hit.itemId);
    if (at >= 0) {
      const next = lines.map((line, i) =>
        i === at
          ? {
              ...line,
              quantity: clampQuantity(line.quantity + quantity),
              onHand: hit.onHand ?? line.onHand,
            }
          : line,
      );
      set({ lines: next, selected: at, flash: { itemId: hit.itemId, at: Date.now() } });
      return;
    }
    const line: CartLine = {
      itemId: hit.itemId,
      name: hit.name,
      sku: hit.sku,
      barcode: hit.barcode,
      unit: hit.unit,
      unitPrice: hit.price,
      taxMode: hit.taxMode,
      quantity: clampQuantity(quantity),
      discount: null,
      onHand: hit.onHand,
    };
    set({ lines: [...lines, line], selected: lines.length, flash: { itemId: hit.itemId, at: Date.now() } });
  },
  setQuantity(index, quantity) {
    set({
      lines: get().lines.map((line, i) =>
        i === index ? { ...line, quantity: clampQuantity(quantity) } : line,
      ),
    });
  },
  changeQuantity(index, delta) {
    const line = get().lines[index];
    if (!line) return;
    if (line.quantity + delta < 1) return;
    get().setQuantity(index, line.quantity + delta);
  },
  remove(index) {
    const lines = get().lines.filter((_, i) => i !== index);
    set({
      lines,
      selected: lines.length === 0 ? -1 : Math.min(get().selected, lines.length - 1),
      ...(lines.length === 0 ? { cartDiscount: null } : {}),
    });
  },
  setLineDiscount(index, discount) {
    set({ lines: get().lines.map((line, i) => (i === index ? { ...line, discount } : line)) });
  },
  setCartDiscount(discount) {
    set({ cartDiscount: discount });
  },
  setCustomer(customer, memberPrices = null) {
    set({ customer, memberPrices });
  },
  select(index) {
    if (index >= 0 && index < get().lines.length) set({ selected: index });
  },
  moveSelection(delta) {
    const { lines, selected } = get();
    if (lines.length === 0) return;
    const from = selected < 0 ? (delta > 0 ? -1 : lines.length) : selected;
    set({ selected: Math.max(0, Math.min(lines.length - 1, from + delta)) });
  },
  clear() {
    set({
      lines: [],
      cartDiscount: null,
      customer: null,
      memberPrices: null,
      selected: -1,
      saleId: newId(),
      flash: null,
    });
  },
  snapshot() {
    const { lines, cartDiscount, customer } = get();
    return { version: 1, lines, cartDiscount, customer };
  },
  restore(payload) {
    set({
      lines: payload.lines,
      cartDiscount: payload.cartDiscount,
      customer: payload.customer,
      memberPrices: null,
      selected: payload.lines.length - 1,
      saleId: newId(),
      flash: null,
    });
  },
}));
