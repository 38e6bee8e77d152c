import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** A customer's store credit: the sum of their credit ledger. */
export async function customerCredit(db: Kysely<DB> | Transaction<DB>, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('customer_credit_movements')
    .select((eb) => eb.fn.sum<number>('amount').as('n'))
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
