/**
 * A managed login's row (a PPP secret, a hotspot user) changed as other modules ask — plan change,
 * isolir, a new address or password: only the fields that differ are written (through the outbox),
 * and a new password is sealed in the secret store. The caller then queues the router sync.
 */
import type { Kysely } from 'kysely';
import type { HandlerContext } from '../context';
import type { DB, SyncColumns } from '../db/schema';
import { storeSecret } from './secret-store';

type LoginTable = 'ppp_secrets' | 'hotspot_users';
type LoginRow = Record<string, unknown> & { id: string; router_id: string };

/** Columns to change (undefined: keep). */
export type LoginChange<T extends LoginTable> = { [K in Exclude<keyof DB[T], keyof SyncColumns>]?: DB[T][K] };

/** Changes the row of this id; resolves with it as it was (its router is where the sync goes). */
export async function changeLoginRow<T extends LoginTable>(
  ctx: Pick<HandlerContext, 'db' | 'writer' | 'secrets' | 'clock'>,
  table: T,
  id: string,
  change: LoginChange<T>,
  password?: { secretName: string; value: string | undefined },
): Promise<LoginRow> {
  // Either table, read the same way (LoginChange<T> has already checked the columns against T's row).
  const db = ctx.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const row = (await db
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()) as LoginRow;
  const patch = Object.fromEntries(
    Object.entries(change).filter(([column, value]) => value !== undefined && value !== row[column]),
  ) as LoginChange<T>;
  if (Object.keys(patch).length > 0) await ctx.writer.update(ctx.db, table, id, patch);
  if (password?.value !== undefined) {
    await storeSecret(ctx.db, ctx.secrets, password.secretName, password.value, ctx.clock.now());
  }
  return row;
}
