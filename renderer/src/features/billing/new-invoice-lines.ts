import type { Settings } from '../../../../shared/contract/index';
import { invoiceTotals, type InvoiceTotals } from '../../../../shared/domain/invoice-math';

export const ITEM_KINDS = ['device', 'installation', 'other', 'discount'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ITEM_TAX_MODES = ['included', 'excluded', 'exempt'] as const;
export type ItemTaxMode = (typeof ITEM_TAX_MODES)[number];

/** One line of the new-invoice form; a discount is typed positive and lowers the invoice. */
export type ItemDraft = {
  key: number;
  description: string;
  kind: ItemKind;
  amount: number | null;
  taxMode: ItemTaxMode;
};

let nextKey = 1;

export function blankItem(): ItemDraft {
  nextKey += 1;
  return { key: nextKey, description: '', kind: 'other', amount: null, taxMode: 'included' };
}

/**
 * The form's lines priced as the core will price them (the same shared function, the branch's PKP
 * flag and PPN rate): a discount negative, a line without an amount yet left out. `lines[i]` is null
 * for a line left out.
 */
export function previewTotals(
  items: readonly ItemDraft[],
  settings: Pick<Settings, 'pkp' | 'ppnRatePercent'> | null,
): { totals: InvoiceTotals; gross: (number | null)[] } {
  const priced = items.filter((item) => item.amount !== null && item.amount > 0);
  const totals = invoiceTotals(
    priced.map((item) => ({
      amount: item.kind === 'discount' ? -item.amount! : item.amount!,
      taxMode: item.taxMode,
    })),
    { ratePercent: settings?.ppnRatePercent ?? 0, dppNumerator: 11, dppDenominator: 12 },
    settings?.pkp ?? false,
  );
  let at = 0;
  const gross = items.map((item) =>
    item.amount !== null && item.amount > 0 ? (totals.lines[at++]?.gross ?? null) : null,
  );
  return { totals, gross };
}
