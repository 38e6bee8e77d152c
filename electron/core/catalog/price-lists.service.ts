import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { AppError, notFound } from '../platform/errors';

type Db = Kysely<DB> | Transaction<DB>;

export const DEFAULT_PRICE_LISTS = [
  { key: 'retail', name: 'Eceran' },
  { key: 'member', name: 'Member' },
  { key: 'reseller', name: 'Reseller' },
] as const;

/** The retail list uses each item's own price; member and reseller start empty. Part of first-run setup. */
export async function seedPriceLists(db: Db, ctx: Pick<HandlerContext, 'writer'>): Promise<void> {
  for (const list of DEFAULT_PRICE_LISTS) {
    await ctx.writer.insert(db, 'price_lists', { key: list.key, name: list.name, archived: 0 });
  }
}

function nameTaken(what: string, name: string) {
  return new AppError('CONFLICT', { id: `${what} "${name}" sudah ada.`, en: `"${name}" already exists.` }, { fields: { name: 'taken' } });
}

export async function listCategories(ctx: HandlerContext) {
  const rows = await ctx.db
    .selectFrom('categories')
    .leftJoin('products', (join) => join.onRef('products.category_id', '=', 'categories.id').on('products.deleted_at', 'is', null))
    .select(['categories.id', 'categories.name', 'categories.parent_id', (eb) => eb.fn.count<number>('products.id').as('n')])
    .where('categories.deleted_at', 'is', null)
    .groupBy('categories.id')
    .orderBy('categories.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, productCount: Number(row.n) }));
}

export async function createCategory(ctx: HandlerContext, input: ParsedInput<'catalog.categories.create'>) {
  const clash = await ctx.db
    .selectFrom('categories')
    .select('id')
    .where('deleted_at', 'is', null)
    .where(({ eb, fn }) => eb(fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (clash) throw nameTaken('Kategori', input.name);
  if (input.parentId && !(await ctx.db.selectFrom('categories').select('id').where('id', '=', input.parentId).executeTakeFirst())) {
    throw new AppError('VALIDATION', { id: 'Kategori induk tidak ditemukan.', en: 'Parent category not found.' }, { fields: { parentId: 'unknown' } });
  }
  const row = await ctx.writer.insert(ctx.db, 'categories', { name: input.name, parent_id: input.parentId ?? null });
  const out = { id: row.id, name: row.name, parentId: row.parent_id, productCount: 0 };
  await ctx.audit({ entity: 'category', entityId: row.id, before: null, after: out });
  return out;
}

export async function listPriceLists(ctx: HandlerContext) {
  const rows = await ctx.db
    .selectFrom('price_lists')
    .leftJoin('price_list_prices', (join) =>
      join.onRef('price_list_prices.price_list_id', '=', 'price_lists.id').on('price_list_prices.deleted_at', 'is', null),
    )
    .select(['price_lists.id', 'price_lists.key', 'price_lists.name', (eb) => eb.fn.count<number>('price_list_prices.id').as('n')])
    .where('price_lists.deleted_at', 'is', null)
    .where('price_lists.archived', '=', 0)
    .groupBy('price_lists.id')
    .orderBy('price_lists.created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, key: row.key, name: row.name, priceCount: Number(row.n) }));
}

export async function createPriceList(ctx: HandlerContext, input: ParsedInput<'catalog.priceLists.create'>) {
  const clash = await ctx.db
    .selectFrom('price_lists')
    .select('id')
    .where('deleted_at', 'is', null)
    .where(({ eb, fn }) => eb(fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (clash) throw nameTaken('Daftar harga', input.name);
  const row = await ctx.writer.insert(ctx.db, 'price_lists', { key: null, name: input.name, archived: 0 });
  const out = { id: row.id, key: null, name: row.name, priceCount: 0 };
  await ctx.audit({ entity: 'price_list', entityId: row.id, before: null, after: out });
  return out;
}

async function requirePriceList(ctx: HandlerContext, id: string) {
  const list = await ctx.db.selectFrom('price_lists').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!list) throw notFound({ id: 'Daftar harga', en: 'Price list' });
  return list;
}

export async function priceListPrices(ctx: HandlerContext, input: ParsedInput<'catalog.priceLists.prices'>) {
  await requirePriceList(ctx, input.priceListId);
  const rows = await ctx.db
    .selectFrom('price_list_prices')
    .innerJoin('items', 'items.id', 'price_list_prices.item_id')
    .select([
      'price_list_prices.item_id',
      'items.sku',
      'items.name',
      'price_list_prices.min_quantity',
      'price_list_prices.price',
      'items.price as retail_price',
    ])
    .where('price_list_prices.price_list_id', '=', input.priceListId)
    .where('price_list_prices.deleted_at', 'is', null)
    .orderBy('items.name')
    .orderBy('price_list_prices.min_quantity')
    .execute();
  return rows.map((row) => ({
    itemId: row.item_id,
    sku: row.sku,
    name: row.name,
    minQuantity: row.min_quantity,
    price: row.price,
    retailPrice: row.retail_price,
  }));
}

export async function setPrice(ctx: HandlerContext, input: ParsedInput<'catalog.priceLists.setPrice'>) {
  const list = await requirePriceList(ctx, input.priceListId);
  if (list.key === 'retail') {
    throw new AppError('VALIDATION', {
      id: 'Harga eceran diatur di produk.',
      en: 'Retail prices are set on the product itself.',
    }, { fields: { priceListId: 'retail list' } });
  }
  if (!(await ctx.db.selectFrom('items').select('id').where('id', '=', input.itemId).executeTakeFirst())) {
    throw new AppError('VALIDATION', { id: 'Barang tidak ditemukan.', en: 'Item not found.' }, { fields: { itemId: 'unknown' } });
  }
  const existing = await ctx.db
    .selectFrom('price_list_prices')
    .selectAll()
    .where('price_list_id', '=', input.priceListId)
    .where('item_id', '=', input.itemId)
    .where('min_quantity', '=', input.minQuantity)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (input.price === null) {
    if (existing) await ctx.writer.softDelete(ctx.db, 'price_list_prices', existing.id);
  } else if (existing) {
    await ctx.writer.update(ctx.db, 'price_list_prices', existing.id, { price: input.price });
  } else {
    await ctx.writer.insert(ctx.db, 'price_list_prices', {
      price_list_id: input.priceListId,
      item_id: input.itemId,
      min_quantity: input.minQuantity,
      price: input.price,
    });
  }
  await ctx.audit({
    entity: 'price_list',
    entityId: input.priceListId,
    before: existing ? { itemId: input.itemId, minQuantity: input.minQuantity, price: existing.price } : null,
    after: { itemId: input.itemId, minQuantity: input.minQuantity, price: input.price },
  });
  return priceListPrices(ctx, { priceListId: input.priceListId });
}

export async function listCustomerGroups(ctx: HandlerContext) {
  const rows = await ctx.db
    .selectFrom('customer_groups')
    .leftJoin('price_lists', 'price_lists.id', 'customer_groups.price_list_id')
    .select(['customer_groups.id', 'customer_groups.name', 'customer_groups.price_list_id', 'price_lists.name as price_list_name'])
    .where('customer_groups.deleted_at', 'is', null)
    .orderBy('customer_groups.name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, priceListId: row.price_list_id, priceListName: row.price_list_name }));
}

export async function createCustomerGroup(ctx: HandlerContext, input: ParsedInput<'catalog.customerGroups.create'>) {
  const clash = await ctx.db
    .selectFrom('customer_groups')
    .select('id')
    .where('deleted_at', 'is', null)
    .where(({ eb, fn }) => eb(fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst();
  if (clash) throw nameTaken('Grup', input.name);
  const list = input.priceListId ? await requirePriceList(ctx, input.priceListId) : null;
  const row = await ctx.writer.insert(ctx.db, 'customer_groups', { name: input.name, price_list_id: list?.id ?? null });
  const out = { id: row.id, name: row.name, priceListId: list?.id ?? null, priceListName: list?.name ?? null };
  await ctx.audit({ entity: 'customer_group', entityId: row.id, before: null, after: out });
  return out;
}
