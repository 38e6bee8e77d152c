import { sql } from 'kysely';
import type { MapPoint } from '../../../shared/contract/map.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import type { MapPointRow } from './map.tables';

type Db = Pick<HandlerContext, 'db'>;

const POINT = { id: 'Titik jaringan', en: 'Network point' };
const KIND_NAMES: Record<MapPointRow['kind'], { id: string; en: string }> = {
  pop: { id: 'POP', en: 'POP' },
  odp: { id: 'ODP', en: 'ODP' },
  ap: { id: 'access point', en: 'access point' },
  router: { id: 'router', en: 'router' },
};

function selectPoints(ctx: Db) {
  return ctx.db
    .selectFrom('map_points as p')
    .leftJoin('routers as r', 'r.id', 'p.router_id')
    .leftJoin('map_points as parent', 'parent.id', 'p.parent_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('subscriptions')
          .select(['odp_id', sql<number>`count(*)`.as('used')])
          .where('deleted_at', 'is', null)
          .where('state', '!=', 'terminated')
          .where('odp_id', 'is not', null)
          .groupBy('odp_id')
          .as('u'),
      (join) => join.onRef('u.odp_id', '=', 'p.id'),
    )
    .selectAll('p')
    .select([
      'r.name as router_name',
      'parent.name as parent_name',
      sql<number>`coalesce(u.used, 0)`.as('ports_used'),
    ])
    .where('p.deleted_at', 'is', null);
}

type PointRowWithExtras = Awaited<ReturnType<ReturnType<typeof selectPoints>['executeTakeFirstOrThrow']>>;

function toPoint(row: PointRowWithExtras): MapPoint {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    portsTotal: row.ports_total,
    portsUsed: Number(row.ports_used),
    routerId: row.router_id,
    routerName: row.router_name,
    parentId: row.parent_id,
    parentName: row.parent_name,
    notes: row.notes,
  };
}

export async function pointOut(ctx: Db, id: string): Promise<MapPoint> {
  const row = await selectPoints(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(POINT);
  return toPoint(row);
}

export async function requirePoint(ctx: Db, id: string, field: string): Promise<MapPointRow> {
  const row = await ctx.db
    .selectFrom('map_points')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      'VALIDATION',
      { id: 'Titik jaringan tidak ditemukan.', en: 'Network point not found.' },
      { fields: { [field]: 'unknown point' } },
    );
  }
  return row;
}

async function assertRouter(ctx: Db, routerId: string | null) {
  if (!routerId) return;
  const row = await ctx.db
    .selectFrom('routers')
    .select('id')
    .where('id', '=', routerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new AppError(
      'VALIDATION',
      { id: 'Router tidak ditemukan.', en: 'Router not found.' },
      { fields: { routerId: 'unknown router' } },
    );
}

/** The parent must exist and must not be the point itself or one of its descendants (no loops). */
async function assertParent(ctx: Db, pointId: string | null, parentId: string | null) {
  if (!parentId) return;
  let current: string | null = parentId;
  for (let depth = 0; current && depth < 100; depth++) {
    if (current === pointId) {
      throw new AppError(
        'VALIDATION',
        {
          id: 'Titik induk tidak boleh titik ini sendiri atau turunannya.',
          en: 'The parent cannot be this point or one below it.',
        },
        { fields: { parentId: 'would make a loop' } },
      );
    }
    const row: MapPointRow = await requirePoint(ctx, current, 'parentId');
    current = row.parent_id;
  }
}

async function assertNameFree(ctx: Db, kind: MapPointRow['kind'], name: string, exceptId: string | null) {
  let query = ctx.db
    .selectFrom('map_points')
    .select('id')
    .where('kind', '=', kind)
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    const kindName = KIND_NAMES[kind];
    const message = {
      id: `Sudah ada ${kindName.id} bernama ${name}`,
      en: `There is already a ${kindName.en} named ${name}`,
    };
    throw new AppError('CONFLICT', message, { fields: { name: message.en } });
  }
}

function pointSummary(
  row: Pick<
    MapPointRow,
    'kind' | 'name' | 'latitude' | 'longitude' | 'ports_total' | 'router_id' | 'parent_id' | 'notes'
  >,
) {
  return {
    kind: row.kind,
    name: row.name,
    latitude: row.latitude,
    longitude: row.longitude,
    portsTotal: row.ports_total,
    routerId: row.router_id,
    parentId: row.parent_id,
    notes: row.notes,
  };
}

export async function listPoints(
  ctx: HandlerContext,
  input: ParsedInput<'map.points.list'>,
): Promise<MapPoint[]> {
  let query = selectPoints(ctx);
  if (input.kinds) {
    if (input.kinds.length === 0) return [];
    query = query.where('p.kind', 'in', input.kinds);
  }
  const rows = await query.orderBy('p.kind').orderBy('p.name').execute();
  return rows.map(toPoint);
}

export async function createPoint(
  ctx: HandlerContext,
  input: ParsedInput<'map.points.create'>,
): Promise<MapPoint> {
  await assertRouter(ctx, input.routerId);
  await assertParent(ctx, null, input.parentId);
  await assertNameFree(ctx, input.kind, input.name, null);
  const row = await ctx.writer.insert(ctx.db, 'map_points', {
    kind: input.kind,
    name: input.name,
    latitude: input.latitude,
    longitude: input.longitude,
    ports_total: input.portsTotal,
    router_id: input.routerId,
    parent_id: input.parentId,
    notes: input.notes,
  });
  await ctx.audit({ entity: 'map_point', entityId: row.id, before: null, after: pointSummary(row) });
  return pointOut(ctx, row.id);
}

export async function updatePoint(
  ctx: HandlerContext,
  input: ParsedInput<'map.points.update'>,
): Promise<MapPoint> {
  const before = await ctx.db
    .selectFrom('map_points')
    .selectAll()
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!before) throw notFound(POINT);
  const next = {
    kind: input.kind ?? before.kind,
    name: input.name ?? before.name,
    latitude: input.latitude ?? before.latitude,
    longitude: input.longitude ?? before.longitude,
    ports_total: input.portsTotal ?? before.ports_total,
    router_id: input.routerId === undefined ? before.router_id : input.routerId,
    parent_id: input.parentId === undefined ? before.parent_id : input.parentId,
    notes: input.notes ?? before.notes,
  };
  if (next.router_id !== before.router_id) await assertRouter(ctx, next.router_id);
  if (next.parent_id !== before.parent_id) await assertParent(ctx, before.id, next.parent_id);
  if (next.kind !== before.kind || next.name.toLowerCase() !== before.name.toLowerCase())
    await assertNameFree(ctx, next.kind, next.name, before.id);
  const { portsUsed } = await pointOut(ctx, before.id);
  if (next.ports_total < portsUsed) {
    const message = {
      id: `Jumlah port tidak boleh di bawah port terpakai (${portsUsed}).`,
      en: `Ports total cannot be below the ports in use (${portsUsed}).`,
    };
    throw new AppError('VALIDATION', message, { fields: { portsTotal: message.en } });
  }
  await ctx.writer.update(ctx.db, 'map_points', before.id, next);
  await ctx.audit({
    entity: 'map_point',
    entityId: before.id,
    before: pointSummary(before),
    after: pointSummary(next),
  });
  return pointOut(ctx, before.id);
}

export async function removePoint(
  ctx: HandlerContext,
  input: ParsedInput<'map.points.remove'>,
): Promise<{ ok: true }> {
  const point = await pointOut(ctx, input.id);
  const children = await ctx.db
    .selectFrom('map_points')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', point.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (point.portsUsed > 0 || Number(children.n) > 0) {
    const parts = {
      id: [
        point.portsUsed > 0 ? `${point.portsUsed} langganan` : '',
        Number(children.n) > 0 ? `${children.n} titik di bawahnya` : '',
      ]
        .filter(Boolean)
        .join(' dan '),
      en: [
        point.portsUsed > 0 ? `${point.portsUsed} subscription(s)` : '',
        Number(children.n) > 0 ? `${children.n} point(s) below it` : '',
      ]
        .filter(Boolean)
        .join(' and '),
    };
    throw new AppError('CONFLICT', {
      id: `${point.name} tidak bisa dihapus: masih ada ${parts.id}. Pindahkan dulu.`,
      en: `${point.name} cannot be removed: it still has ${parts.en}. Move them first.`,
    });
  }
  // Cables to the point stay on the map, no longer tied to it.
  const routes = await ctx.db
    .selectFrom('map_routes')
    .select(['id', 'from_point_id', 'to_point_id'])
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('from_point_id', '=', point.id), eb('to_point_id', '=', point.id)]))
    .execute();
  for (const route of routes) {
    await ctx.writer.update(ctx.db, 'map_routes', route.id, {
      from_point_id: route.from_point_id === point.id ? null : route.from_point_id,
      to_point_id: route.to_point_id === point.id ? null : route.to_point_id,
    });
  }
  await ctx.writer.softDelete(ctx.db, 'map_points', point.id);
  await ctx.audit({ entity: 'map_point', entityId: point.id, before: { ...point }, after: null });
  return { ok: true };
}
