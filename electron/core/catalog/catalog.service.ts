import type { Item, Product, SearchHit } from '../../../shared/contract/catalog.contract';
import { isValidGtin } from '../../../shared/domain/barcode';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import type { ItemRow } from './catalog.tables';
import { findProduct, itemsByCodes, itemsOfProducts, searchItems, type ProductWithCategoryRow } from './catalog.repository';

const PRODUCT = { id: 'Produk', en: 'Product' };


type ItemInput = ParsedInput<'catalog.products.create'>['items'][number];

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    productId: row.product_id,
    sku: row.sku,
    barcode: row.barcode,
    name: row.name,
    attributes: parseJson<Record<string, string>>(row.variant, {}),
    price: row.price,
    cost: row.cost,
    negativePolicy: row.negative_policy,
    lowStockThreshold: row.low_stock_threshold,
    archived: row.archived === 1,
  };
}

function toProduct(row: ProductWithCategoryRow, items: ItemRow[]): Product {
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    categoryName: row.category_name,
    unit: row.unit,
    taxMode: row.tax_mode,
    tags: parseJson<string[]>(row.tags, []),
    description: row.description,
    archived: row.archived === 1,
    items: items.map(toItem),
  };
}

/** "Kaos Polos" + {ukuran: M, warna: Merah} → "Kaos Polos M / Merah". */
export function itemName(productName: string, attributes: Record<string, string>): string {
  const values = Object.values(attributes);
  return values.length ? `${productName} ${values.join(' / ')}` : productName;
}

function keywordsOf(tags: readonly string[], categoryName: string | null): string {
  return [...tags, categoryName ?? ''].filter(Boolean).join(' ');
}

export async function productOut(ctx: HandlerContext, id: string): Promise<Product> {
  const row = await findProduct(ctx.db, id);
  if (!row) throw notFound(PRODUCT);
  return toProduct(row, await itemsOfProducts(ctx.db, [id]));
}

async function categoryName(ctx: HandlerContext, categoryId: string | null | undefined): Promise<string | null> {
  if (!categoryId) return null;
  const category = await ctx.db.selectFrom('categories').select('name').where('id', '=', categoryId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!category) {
    throw new AppError('VALIDATION', { id: 'Kategori tidak ditemukan.', en: 'Category not found.' }, { fields: { categoryId: 'unknown category' } });
  }
  return category.name;
}

/** Checks barcodes and the uniqueness of SKUs and barcodes, inside the input and against the store. */
async function assertItemCodes(ctx: HandlerContext, items: readonly ItemInput[]) {
  const fields: Record<string, string> = {};
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  items.forEach((item, i) => {
    const sku = item.sku.toUpperCase();
    if (skus.has(sku)) fields[`items.${i}.sku`] = 'duplicate SKU in this product';
    skus.set(sku, i);
    if (item.barcode) {
      if (/^\d+$/.test(item.barcode) && [8, 12, 13, 14].includes(item.barcode.length) && !isValidGtin(item.barcode)) {
        fields[`items.${i}.barcode`] = 'check digit is wrong';
      }
      if (barcodes.has(item.barcode)) fields[`items.${i}.barcode`] = 'duplicate barcode in this product';
      barcodes.set(item.barcode, i);
    }
  });
  const taken = await itemsByCodes(ctx.db, [...skus.keys()], [...barcodes.keys()]);
  for (const other of taken) {
    const bySku = skus.get(other.sku.toUpperCase());
    if (bySku !== undefined && items[bySku]!.id !== other.id) fields[`items.${bySku}.sku`] = `SKU ${other.sku} is taken`;
    const byBarcode = other.barcode ? barcodes.get(other.barcode) : undefined;
    if (byBarcode !== undefined && items[byBarcode]!.id !== other.id) fields[`items.${byBarcode}.barcode`] = `barcode ${other.barcode} is taken`;
  }
  if (Object.keys(fields).length) {
    const conflict = Object.values(fields).some((message) => message.includes('taken'));
    throw new AppError(
      conflict ? 'CONFLICT' : 'VALIDATION',
      { id: 'SKU atau barcode tidak valid atau sudah dipakai.', en: 'A SKU or barcode is invalid or already in use.' },
      { fields },
    );
  }
}

function itemValues(productName: string, keywords: string, input: ItemInput, productId: string) {
  return {
    product_id: productId,
    sku: input.sku.toUpperCase(),
    barcode: input.barcode ?? null,
    name: itemName(productName, input.attributes),
    variant: JSON.stringify(input.attributes),
    keywords,
    price: input.price,
    cost: input.cost ?? 0,
    negative_policy: input.negativePolicy,
    low_stock_threshold: input.lowStockThreshold,
    archived: input.archived ? 1 : 0,
  };
}

export async function createProduct(ctx: HandlerContext, input: ParsedInput<'catalog.products.create'>): Promise<Product> {
  const category = await categoryName(ctx, input.categoryId);
  if (input.items.some((item) => item.id)) {
    throw new AppError('VALIDATION', { id: 'Barang baru tidak boleh punya id.', en: 'New items must not have an id.' }, { fields: { items: 'id not allowed' } });
  }
  await assertItemCodes(ctx, input.items);
  const product = await ctx.writer.insert(ctx.db, 'products', {
    name: input.name,
    category_id: input.categoryId ?? null,
    unit: input.unit,
    tax_mode: input.taxMode,
    tags: JSON.stringify(input.tags),
    description: input.description,
    archived: 0,
  });
  const keywords = keywordsOf(input.tags, category);
  for (const item of input.items) await ctx.writer.insert(ctx.db, 'items', itemValues(input.name, keywords, item, product.id));
  const out = await productOut(ctx, product.id);
  await ctx.audit({ entity: 'product', entityId: product.id, before: null, after: out });
  return out;
}

export async function updateProduct(ctx: HandlerContext, input: ParsedInput<'catalog.products.update'>): Promise<Product> {
  const before = await productOut(ctx, input.id);
  const name = input.name ?? before.name;
  const categoryId = input.categoryId === undefined ? before.categoryId : input.categoryId;
  const category = await categoryName(ctx, categoryId);
  const tags = input.tags ?? before.tags;
  await ctx.writer.update(ctx.db, 'products', input.id, {
    name,
    category_id: categoryId,
    unit: input.unit ?? before.unit,
    tax_mode: input.taxMode ?? before.taxMode,
    tags: JSON.stringify(tags),
    description: input.description ?? before.description,
  });
  const keywords = keywordsOf(tags, category);
  const incoming = input.items ?? [];
  const known = new Map(before.items.map((item) => [item.id, item]));
  for (const item of incoming) {
    if (item.id && !known.has(item.id)) {
      throw new AppError('VALIDATION', { id: 'Barang bukan milik produk ini.', en: 'That item does not belong to this product.' }, { fields: { items: 'unknown item id' } });
    }
  }
  await assertItemCodes(ctx, incoming);
  for (const item of incoming) {
    const values = itemValues(name, keywords, item, input.id);
    if (item.id) {
      const { product_id: _productId, ...patch } = values;
      await ctx.writer.update(ctx.db, 'items', item.id, { ...patch, cost: item.cost ?? known.get(item.id)!.cost });
    } else {
      await ctx.writer.insert(ctx.db, 'items', values);
    }
  }
  // Items not named keep their data but follow the product's new name and keywords.
  for (const item of before.items.filter((i) => !incoming.some((n) => n.id === i.id))) {
    await ctx.writer.update(ctx.db, 'items', item.id, { name: itemName(name, item.attributes), keywords });
  }
  const after = await productOut(ctx, input.id);
  await ctx.audit({ entity: 'product', entityId: input.id, before, after });
  return after;
}

export async function archiveProduct(ctx: HandlerContext, input: ParsedInput<'catalog.products.archive'>): Promise<Product> {
  const before = await productOut(ctx, input.id);
  const flag = input.archived ? 1 : 0;
  await ctx.writer.update(ctx.db, 'products', input.id, { archived: flag });
  for (const item of before.items) await ctx.writer.update(ctx.db, 'items', item.id, { archived: flag });
  const after = await productOut(ctx, input.id);
  await ctx.audit({ entity: 'product', entityId: input.id, before: { archived: before.archived }, after: { archived: after.archived } });
  return after;
}

export async function listProducts(ctx: HandlerContext, input: ParsedInput<'catalog.products.list'>) {
  let query = ctx.db
    .selectFrom('products')
    .leftJoin('categories', 'categories.id', 'products.category_id')
    .where('products.deleted_at', 'is', null)
    .where('products.archived', '=', input.archived ? 1 : 0);
  if (input.categoryId) query = query.where('products.category_id', '=', input.categoryId);
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('products')
    .select('categories.name as category_name')
    .orderBy('products.name')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  const items = await itemsOfProducts(ctx.db, rows.map((row) => row.id));
  const byProduct = Map.groupBy(items, (item) => item.product_id);
  return { products: rows.map((row) => toProduct(row, byProduct.get(row.id) ?? [])), total: Number(total.n) };
}

export async function searchCatalog(ctx: HandlerContext, input: ParsedInput<'catalog.products.search'>): Promise<SearchHit[]> {
  const rows = await searchItems(ctx.db, input.query, {
    warehouseId: input.warehouseId,
    includeArchived: input.includeArchived,
    limit: input.limit,
  });
  return rows.map((row) => ({
    itemId: row.item_id,
    productId: row.product_id,
    name: row.name,
    sku: row.sku,
    barcode: row.barcode,
    price: row.price,
    taxMode: row.tax_mode,
    unit: row.unit,
    onHand: input.warehouseId ? (row.on_hand ?? 0) : null,
  }));
}
