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

/**
 * Exact barcode/SKU first (the scanner's path, one index lookup), then substring matches of every
 * word of three or more characters (FTS5 trigram), else prefix matches for shorter queries.
 */
export async function searchItems(
  db: Db,
  query: string,
  options: { warehouseId?: string; includeArchived: boolean; limit: number },
): Promise<HitRow[]> {
  const exact = await hitQuery(db, options.warehouseId, options.includeArchived)
    .where((eb) => eb.or([eb('items.barcode', '=', query), eb('items.sku', '=', query)]))
    .limit(options.limit)
    .execute();
  const seen = new Set(exact.map((hit) => hit.item_id));
  const words = query.split(/\s+/).filter((word) => word.length >= 3);
  let more: HitRow[];
  if (words.length > 0) {
    const match = words.map(ftsPhrase).join(' AND ');
    more = await hitQuery(db, options.warehouseId, options.includeArchived)
      .innerJoin(
        sql<{ rowid: number; rank: number }>`(SELECT rowid, rank FROM items_fts WHERE items_fts MATCH ${match} ORDER BY rank LIMIT ${options.limit + exact.length})`.as('hits'),
        (join) => join.onRef(sql`items.rowid`, '=', sql`hits.rowid`),
      )
      .orderBy(sql`hits.rank`)
      .limit(options.limit + exact.length)
      .execute();
  } else {
    const prefix = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    more = await hitQuery(db, options.warehouseId, options.includeArchived)
      .where((eb) => eb.or([sql<boolean>`items.name LIKE ${prefix} ESCAPE '\\'`, sql<boolean>`items.sku LIKE ${prefix} ESCAPE '\\'`]))
      .orderBy('items.name')
      .limit(options.limit)
      .execute();
  }
  return [...exact, ...more.filter((hit) => !seen.has(hit.item_id))].slice(0, options.limit);
}
