import type { SearchHit } from '../../../../shared/contract/index';

const LIMIT = 500;
const TTL_MS = 10 * 60_000;

type Entry = { hit: SearchHit; at: number };

/**
 * Recent search hits by barcode and SKU, so a scanned item the till has seen lately goes into the
 * cart without a round trip. Small and short-lived: prices change, and the sale is priced by the core.
 */
const entries = new Map<string, Entry>();

export function rememberHits(hits: readonly SearchHit[]): void {
  const now = Date.now();
  for (const hit of hits) {
    for (const code of [hit.barcode, hit.sku]) {
      if (!code) continue;
      entries.delete(code);
      entries.set(code, { hit, at: now });
    }
  }
  while (entries.size > LIMIT) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

export function cachedHit(code: string): SearchHit | null {
  const entry = entries.get(code) ?? entries.get(code.toUpperCase());
  if (!entry) return null;
  if (Date.now() - entry.at > TTL_MS) {
    entries.delete(code);
    return null;
  }
  return entry.hit;
}

export function forgetHits(): void {
  entries.clear();
}

/** The hit that is exactly this barcode or SKU, if the search found one. */
export function exactHit(hits: readonly SearchHit[], code: string): SearchHit | null {
  const upper = code.toUpperCase();
  return hits.find((hit) => hit.barcode === code || hit.sku === upper) ?? null;
}
