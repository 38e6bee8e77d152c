import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { CoreDeps, HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { AppError } from '../platform/errors';
import type { MovementKind, StockMovementRow } from './inventory.tables';

type Db = Kysely<DB> | Transaction<DB>;

export type MovementInput = {
  itemId: string;
  warehouseId: string;
  /** Signed: positive in, negative out. */
  quantity: number;
  kind: MovementKind;
  refType?: string;
  refId?: string;
  unitCost?: number;
  reason?: string;
  userId: string | null;
  /**
   * How an outgoing movement treats a shortfall: `policy` follows the item's negative-stock policy
   * (block → INSUFFICIENT_STOCK, allow → post and flag for review); `force` posts and flags whatever
   * the policy (used when the goods have physically gone, e.g. a count or a write-off).
   */
  shortfall?: 'policy' | 'force';
  /** Units that must stay for others (reserved by orders) when checking availability. */
  respectReserved?: boolean;
};

export function insufficientStock(name: string, available: number, wanted: number): AppError {
  return new AppError(
    'INSUFFICIENT_STOCK',
    {
      id: `Stok ${name} tidak cukup: tersedia ${available}, diminta ${wanted}.`,
      en: `Not enough stock of ${name}: ${available} available, ${wanted} wanted.`,
    },
    { fields: { quantity: `${available} available` } },
  );
}

/**
 * The one way stock changes: appends a movement to the ledger and updates the balance in the same
 * transaction (the caller's). Every service that moves stock calls this; nothing edits balances.
 */
export async function postMovement(
  db: Db,
  deps: Pick<CoreDeps, 'writer' | 'events'> & Pick<HandlerContext, 'afterCommit'>,
  input: MovementInput,
): Promise<StockMovementRow> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity === 0) throw new RangeError('movement quantity must be a non-zero integer');
  // The item, its policy and its low-stock threshold here (the warehouse's own, else the item's).
  const item = await db
    .selectFrom('items')
    .leftJoin('stock_thresholds as t', (join) =>
      join.onRef('t.item_id', '=', 'items.id').on('t.warehouse_id', '=', input.warehouseId).on('t.deleted_at', 'is', null),
    )
    .select(['items.id', 'items.name', 'items.negative_policy', sql<number>`coalesce(t.low_stock_threshold, items.low_stock_threshold)`.as('threshold')])
    .where('items.id', '=', input.itemId)
    .executeTakeFirst();
  if (!item) {
    throw new AppError('NOT_FOUND', { id: 'Barang tidak ditemukan.', en: 'Item not found.' }, { fields: { itemId: 'unknown item' } });
  }
  // The balance moves first (one statement); a refused shortfall throws, and the caller's transaction
  // rolls the change back with everything else.
  const balance = await db
    .insertInto('stock_balances')
    .values({ item_id: input.itemId, warehouse_id: input.warehouseId, on_hand: input.quantity, reserved: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'warehouse_id']).doUpdateSet({ on_hand: sql`on_hand + ${input.quantity}` }))
    .returning(['on_hand', 'reserved'])
    .executeTakeFirstOrThrow();
  const after = balance.on_hand;
  const before = after - input.quantity;
  let flagged = 0;
  if (input.quantity < 0) {
    const available = before - (input.respectReserved ? balance.reserved : 0);
    if (available + input.quantity < 0) {
      const allowed = input.shortfall === 'force' || item.negative_policy === 'allow';
      if (!allowed) throw insufficientStock(item.name, Math.max(0, available), -input.quantity);
      if (after < 0) flagged = 1;
    }
  }

  const movement = await deps.writer.insert(db, 'stock_movements', {
    item_id: input.itemId,
    warehouse_id: input.warehouseId,
    quantity: input.quantity,
    kind: input.kind,
    ref_type: input.refType ?? null,
    ref_id: input.refId ?? null,
    unit_cost: input.unitCost ?? 0,
    reason: input.reason ?? '',
    user_id: input.userId,
    balance_after: after,
    flagged,
  });
  // Stock going out that leaves the item at or under its threshold tells the UI once committed.
  const available = after - balance.reserved;
  if (input.quantity < 0 && item.threshold > 0 && available <= item.threshold) {
    const alert = { itemId: item.id, name: item.name, warehouseId: input.warehouseId, available, threshold: item.threshold };
    deps.afterCommit(() => deps.events.emit('stock.low', alert));
  }
  return movement;
}

/** Changes the reserved quantity (orders reserve on create, release on cancel or ship). */
export async function changeReserved(db: Db, itemId: string, warehouseId: string, delta: number): Promise<void> {
  await db
    .insertInto('stock_balances')
    .values({ item_id: itemId, warehouse_id: warehouseId, on_hand: 0, reserved: Math.max(0, delta) })
    .onConflict((oc) => oc.columns(['item_id', 'warehouse_id']).doUpdateSet({ reserved: sql`max(0, reserved + ${delta})` }))
    .execute();
}
