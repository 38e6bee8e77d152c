import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** The price list a customer buys at (their group's), or null for retail. */
export async function priceListOfCustomer(db: Db, customerId: string | null | undefined): Promise<string | null> {
  if (!customerId) return null;
  const row = await db
    .selectFrom('customers')
    .leftJoin('customer_groups', 'customer_groups.id', 'customers.group_id')
    .select('customer_groups.price_list_id')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  return row?.price_list_id ?? null;
}

/**
 * The unit price of an item at a quantity on a price list: the list's price with the largest
 * minimum quantity not above `quantity`, else the item's retail price.
 */
export async function unitPriceOf(db: Db, item: { id: string; price: number }, quantity: number, priceListId: string | null): Promise<number> {
  if (!priceListId) return item.price;
  const row = await db
    .selectFrom('price_list_prices')
    .select('price')
    .where('price_list_id', '=', priceListId)
    .where('item_id', '=', item.id)
    .where('min_quantity', '<=', quantity)
    .where('deleted_at', 'is', null)
    .orderBy('min_quantity', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.price ?? item.price;
}
