import { sql } from 'kysely';
import type { DashboardStock } from '../../../shared/contract/dashboard.contract';
import type { HandlerContext } from '../context';

/**
 * Item × warehouse pairs at or under their low-stock threshold — the rule of the inventory screen's
 * "low only" list: available = on hand − reserved (0 without a balance row), the warehouse's own
 * threshold if it has one, else the item's, and 0 means no threshold.
 *
 * Looking at every pair with two index seeks each is too slow at 100k items, so it is counted the
 * other way round: every pair of an item with a threshold is low (items × active warehouses), less
 * the balance rows above the item's threshold (one seek per item: the balances are clustered by
 * item), then the few pairs with a warehouse threshold of their own are put right by the difference
 * between their own rule and the item's.
 */
export async function stockSection(ctx: Pick<HandlerContext, 'db'>): Promise<DashboardStock> {
  const available = sql`coalesce(b.on_hand, 0) - coalesce(b.reserved, 0)`;
  const result = await sql<{ n: number }>`
    WITH active AS (SELECT id FROM warehouses WHERE deleted_at IS NULL AND archived = 0)
    SELECT
      (SELECT count(*) FROM items WHERE deleted_at IS NULL AND archived = 0 AND low_stock_threshold > 0)
        * (SELECT count(*) FROM active)
      - (SELECT count(*) FROM items i JOIN stock_balances b ON b.item_id = i.id
          WHERE i.deleted_at IS NULL AND i.archived = 0 AND i.low_stock_threshold > 0
            -- The unary + keeps the seek on item_id alone (one per item, not one per warehouse).
            AND +b.warehouse_id IN (SELECT id FROM active)
            AND b.on_hand - b.reserved > i.low_stock_threshold)
      + (SELECT coalesce(sum(
            (t.low_stock_threshold > 0 AND ${available} <= t.low_stock_threshold)
            - (i.low_stock_threshold > 0 AND ${available} <= i.low_stock_threshold)), 0)
          FROM stock_thresholds t
          JOIN items i ON i.id = t.item_id
          LEFT JOIN stock_balances b ON b.item_id = t.item_id AND b.warehouse_id = t.warehouse_id
          WHERE t.deleted_at IS NULL AND i.deleted_at IS NULL AND i.archived = 0
            AND t.warehouse_id IN (SELECT id FROM active)) AS n`.execute(ctx.db);
  return { low: Number(result.rows[0]?.n ?? 0) };
}
