import type { MapRoute } from '../../../shared/contract/map.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { notFound } from '../platform/errors';
import { requirePoint } from './map-points.service';
import type { MapRouteRow } from './map.tables';

type Db = Pick<HandlerContext, 'db'>;
type LatLng = [number, number];

const ROUTE = { id: 'Jalur kabel', en: 'Cable route' };
const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle length along the path (haversine), in metres. */
export function pathLengthMeters(path: readonly LatLng[]): number {
  let total = 0;
  const rad = (deg: number) => (deg * Math.PI) / 180;
  for (let i = 1; i < path.length; i++) {
    const [lat1, lng1] = path[i - 1]!;
    const [lat2, lng2] = path[i]!;
    const h =
      Math.sin(rad(lat2 - lat1) / 2) ** 2 +
      Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
    total += 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
  }
  return Math.round(total);
}

function readPath(text: string): LatLng[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (pair): pair is LatLng =>
      Array.isArray(pair) && pair.length === 2 && pair.every((n) => typeof n === 'number'),
  );
}

function toRoute(row: MapRouteRow): MapRoute {
  const path = readPath(row.path);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    fromPointId: row.from_point_id,
    toPointId: row.to_point_id,
    path,
    lengthMeters: pathLengthMeters(path),
    notes: row.notes,
  };
}

async function requireRoute(ctx: Db, id: string): Promise<MapRouteRow> {
  const row = await ctx.db
    .selectFrom('map_routes')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(ROUTE);
  return row;
}

function routeSummary(
  row: Pick<MapRouteRow, 'name' | 'kind' | 'from_point_id' | 'to_point_id' | 'path' | 'notes'>,
) {
  return {
    name: row.name,
    kind: row.kind,
    fromPointId: row.from_point_id,
    toPointId: row.to_point_id,
    points: readPath(row.path).length,
    notes: row.notes,
  };
}

export async function listRoutes(ctx: HandlerContext): Promise<MapRoute[]> {
  const rows = await ctx.db
    .selectFrom('map_routes')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
  return rows.map(toRoute);
}

export async function createRoute(
  ctx: HandlerContext,
  input: ParsedInput<'map.routes.create'>,
): Promise<MapRoute> {
  if (input.fromPointId) await requirePoint(ctx, input.fromPointId, 'fromPointId');
  if (input.toPointId) await requirePoint(ctx, input.toPointId, 'toPointId');
  const row = await ctx.writer.insert(ctx.db, 'map_routes', {
    name: input.name,
    kind: input.kind,
    from_point_id: input.fromPointId,
    to_point_id: input.toPointId,
    path: JSON.stringify(input.path),
    notes: input.notes,
  });
  await ctx.audit({ entity: 'map_route', entityId: row.id, before: null, after: routeSummary(row) });
  return toRoute(row);
}

export async function updateRoute(
  ctx: HandlerContext,
  input: ParsedInput<'map.routes.update'>,
): Promise<MapRoute> {
  const before = await requireRoute(ctx, input.id);
  const next = {
    name: input.name ?? before.name,
    kind: input.kind ?? before.kind,
    from_point_id: input.fromPointId === undefined ? before.from_point_id : input.fromPointId,
    to_point_id: input.toPointId === undefined ? before.to_point_id : input.toPointId,
    path: input.path ? JSON.stringify(input.path) : before.path,
    notes: input.notes ?? before.notes,
  };
  if (next.from_point_id && next.from_point_id !== before.from_point_id)
    await requirePoint(ctx, next.from_point_id, 'fromPointId');
  if (next.to_point_id && next.to_point_id !== before.to_point_id)
    await requirePoint(ctx, next.to_point_id, 'toPointId');
  await ctx.writer.update(ctx.db, 'map_routes', before.id, next);
  await ctx.audit({
    entity: 'map_route',
    entityId: before.id,
    before: routeSummary(before),
    after: routeSummary(next),
  });
  return toRoute({ ...before, ...next });
}

export async function removeRoute(
  ctx: HandlerContext,
  input: ParsedInput<'map.routes.remove'>,
): Promise<{ ok: true }> {
  const row = await requireRoute(ctx, input.id);
  await ctx.writer.softDelete(ctx.db, 'map_routes', row.id);
  await ctx.audit({ entity: 'map_route', entityId: row.id, before: routeSummary(row), after: null });
  return { ok: true };
}
