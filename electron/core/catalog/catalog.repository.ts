import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export function findProduct(db: Db, id: string) {
  return db
    .selectFrom('products')
    .leftJoin('categories', 'categories.id', 'products.category_id')
    .selectAll('products')
    .select('categories.name as category_name')
    .where('products.id', '=', id)
    .where('products.deleted_at', 'is', null)
    .executeTakeFirst();
}
export type ProductWithCategoryRow = NonNullable<Awaited<ReturnType<typeof findProduct>>>;

export function itemsOfProducts(db: Db, productIds: readonly string[]) {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('items')
    .selectAll()
    .where('product_id', 'in', productIds)
    .where('deleted_at', 'is', null)
    // UUIDv7 ids sort in creation order: variants stay in the order they were entered.
    .orderBy('id')
    .execute();
}

/** Items whose SKU or barcode is one of these, optionally excluding some item ids. */
export async function itemsByCodes(db: Db, skus: readonly string[], barcodes: readonly string[]) {
  // Nothing to look up (a product update that names no items). SQLite cannot bind a boolean `false`.
  if (skus.length === 0 && barcodes.length === 0) return [];
  return db
    .selectFrom('items')
    .select(['id', 'sku', 'barcode'])
    .where((eb) =>
      eb.or([
        ...(skus.length ? [eb('sku', 'in', skus)] : []),
        ...(barcodes.length ? [eb('barcode', 'in', barcodes)] : []),
      ]),
    )
    .execute();
}

const hitColumns = [
  'items.id as item_id',
  'items.product_id',
  'items.name',
  'items.sku',
  'items.barcode',
  'items.price',
  'products.tax_mode',
  'products.unit',
] as const;

function hitQuery(db: Db, warehouseId: string | undefined, includeArchived: boolean) {
  let query = db
    .selectFrom('items')
    .innerJoin('products', 'products.id', 'items.product_id')
    .select(hitColumns)
    .select(
      warehouseId
        ? sql<number | null>`(SELECT on_hand FROM stock_balances sb WHERE sb.item_id = items.id AND sb.warehouse_id = ${warehouseId})`.as('on_hand')
        : sql<number | null>`NULL`.as('on_hand'),
    )
    .where('items.deleted_at', 'is', null);
  if (!includeArchived) query = query.where('items.archived', '=', 0).where('products.archived', '=', 0);
  return query;
}
export type HitRow = Awaited<ReturnType<ReturnType<typeof hitQuery>['execute']>>[number];

/** Quotes a word for an FTS5 MATCH expression. */
function ftsPhrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** How many full-text matches are fetched (unranked) before they are ordered for the till. */
const CANDIDATES = 200;
/** Sorts after every real character, to make "starts with" an index range. */
const HIGHEST = '\u{10FFFF}';

/** Closer matches first: the name starts with the query, then a word of it does, then shorter names. */
function relevance(query: string) {
  const q = query.toLowerCase();
  const first = q.split(/\s+/)[0] ?? q;
  const score = (name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith(q)) return 0;
    if (lower.split(/\s+/).some((word) => word.startsWith(first))) return 1;
    return 2;
  };
  return (a: HitRow, b: HitRow) => score(a.name) - score(b.name) || a.name.length - b.name.length || a.name.localeCompare(b.name);
}

/**
 * The till's search, tuned for 100k items. An exact barcode or SKU answers alone (the scanner's path,
 * one index lookup). Words of three or more characters are substring matches through FTS5 (trigram):
 * up to 200 candidates unranked, ordered here. Shorter queries are name and SKU prefixes, each an
 * index range.
 */
export async function searchItems(
  db: Db,
  query: string,
  options: { warehouseId?: string; includeArchived: boolean; limit: number },
): Promise<HitRow[]> {
  const exact = await hitQuery(db, options.warehouseId, options.includeArchived)
    .where((eb) => eb.or([eb('items.barcode', '=', query), eb('items.sku', '=', query.toUpperCase())]))
    .limit(options.limit)
    .execute();
  if (exact.length > 0 && !/\s/.test(query)) return exact;
  const seen = new Set(exact.map((hit) => hit.item_id));
  const words = query.split(/\s+/).filter((word) => word.length >= 3);
  let more: HitRow[];
  if (words.length > 0) {
    const match = words.map(ftsPhrase).join(' AND ');
    more = await hitQuery(db, options.warehouseId, options.includeArchived)
      .where(sql<boolean>`items.rowid IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ${match} LIMIT ${CANDIDATES})`)
      .execute();
    more.sort(relevance(query));
  } else {
    const upper = query.toUpperCase();
    const byName = await hitQuery(db, options.warehouseId, options.includeArchived)
      .where(sql<boolean>`items.name COLLATE NOCASE >= ${query} AND items.name COLLATE NOCASE < ${query + HIGHEST}`)
      .orderBy(sql`items.name COLLATE NOCASE`)
      .limit(options.limit)
      .execute();
    const bySku = await hitQuery(db, options.warehouseId, options.includeArchived)
      .where(sql<boolean>`items.sku >= ${upper} AND items.sku < ${upper + HIGHEST}`)
      .orderBy('items.sku')
      .limit(options.limit)
      .execute();
    more = [...byName, ...bySku.filter((hit) => !byName.some((n) => n.item_id === hit.item_id))];
  }
  return [...exact, ...more.filter((hit) => !seen.has(hit.item_id))].slice(0, options.limit);
}
