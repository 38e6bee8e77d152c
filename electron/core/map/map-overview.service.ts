import { sql } from 'kysely';
import type { ChannelOutput } from '../../../shared/contract/index';
import {
  CUSTOMER_MAP_STATES,
  type CustomerMapState,
  type CustomerMarker,
} from '../../../shared/contract/map.contract';
import { localDate } from '../../../shared/domain/calendar';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { notFound } from '../platform/errors';
import { branchTimeZone } from '../settings/settings.service';

type OverviewRow = {
  id: string;
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
  state: CustomerMapState;
};

/**
 * Every customer with their map state, in one statement: subscriptions and open overdue invoices are
 * each grouped once per customer and joined (no query per customer; 50k customers stay fast).
 */
function customerStates(ctx: Pick<HandlerContext, 'db'>, today: string) {
  return sql<OverviewRow>`
    SELECT c.id, c.code, c.name, c.latitude, c.longitude,
      CASE
        WHEN c.status = 'terminated' THEN 'terminated'
        WHEN s.isolated = 1 THEN 'isolated'
        WHEN o.customer_id IS NOT NULL THEN 'overdue'
        WHEN s.active = 1 THEN 'active'
        ELSE 'prospect'
      END AS state
    FROM customers c
    LEFT JOIN (
      SELECT customer_id, max(state = 'isolated') AS isolated, max(state = 'active') AS active
      FROM subscriptions
      WHERE deleted_at IS NULL AND state IN ('active', 'isolated')
      GROUP BY customer_id
    ) s ON s.customer_id = c.id
    LEFT JOIN (
      SELECT DISTINCT customer_id
      FROM invoices
      WHERE status IN ('issued', 'partial') AND due_date < ${today} AND deleted_at IS NULL
    ) o ON o.customer_id = c.id
    WHERE c.deleted_at IS NULL
  `.execute(ctx.db);
}

export async function mapOverview(
  ctx: HandlerContext,
  input: ParsedInput<'map.overview'>,
): Promise<ChannelOutput<'map.overview'>> {
  const today = localDate(ctx.clock.now(), await branchTimeZone(ctx.db));
  const { rows } = await customerStates(ctx, today);
  const counts = Object.fromEntries(CUSTOMER_MAP_STATES.map((state) => [state, 0])) as Record<
    CustomerMapState,
    number
  >;
  const states = input.states ? new Set(input.states) : null;
  const query = input.query?.toLowerCase() ?? '';
  let withoutLocation = 0;
  const customers: CustomerMarker[] = [];
  for (const row of rows) {
    counts[row.state] += 1;
    if (row.latitude === null || row.longitude === null) {
      withoutLocation += 1;
      continue;
    }
    if (states && !states.has(row.state)) continue;
    if (query && !row.name.toLowerCase().includes(query) && !row.code.toLowerCase().includes(query)) continue;
    customers.push({
      id: row.id,
      code: row.code,
      name: row.name,
      lat: row.latitude,
      lng: row.longitude,
      state: row.state,
    });
  }
  return { customers, counts, withoutLocation };
}

export async function setCustomerLocation(
  ctx: HandlerContext,
  input: ParsedInput<'map.customers.setLocation'>,
): Promise<ChannelOutput<'map.customers.setLocation'>> {
  const before = await ctx.db
    .selectFrom('customers')
    .select(['id', 'latitude', 'longitude'])
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!before) throw notFound({ id: 'Pelanggan', en: 'Customer' });
  await ctx.writer.update(ctx.db, 'customers', before.id, {
    latitude: input.latitude,
    longitude: input.longitude,
  });
  await ctx.audit({
    entity: 'customer',
    entityId: before.id,
    before: { latitude: before.latitude, longitude: before.longitude },
    after: { latitude: input.latitude, longitude: input.longitude },
  });
  return { customerId: before.id, latitude: input.latitude, longitude: input.longitude };
}
