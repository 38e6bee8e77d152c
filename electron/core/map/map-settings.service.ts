import { DEFAULT_MAP_SETTINGS, MapSettings } from '../../../shared/contract/map.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';

/** Map settings are this device's (a technician's laptop may use another tile server): kept in `meta`. */
const KEY = 'map.settings';

export async function readMapSettings(ctx: Pick<HandlerContext, 'db'>): Promise<MapSettings> {
  const row = await ctx.db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
  if (!row) return { ...DEFAULT_MAP_SETTINGS };
  try {
    const stored = MapSettings.partial().safeParse(JSON.parse(row.value));
    return { ...DEFAULT_MAP_SETTINGS, ...(stored.success ? stored.data : {}) };
  } catch {
    return { ...DEFAULT_MAP_SETTINGS };
  }
}

export async function updateMapSettings(
  ctx: HandlerContext,
  input: ParsedInput<'map.settings.update'>,
): Promise<MapSettings> {
  const before = await readMapSettings(ctx);
  const after: MapSettings = {
    tileUrl: input.tileUrl ?? before.tileUrl,
    attribution: input.attribution ?? before.attribution,
    centerLat: input.centerLat ?? before.centerLat,
    centerLng: input.centerLng ?? before.centerLng,
    zoom: input.zoom ?? before.zoom,
  };
  const value = JSON.stringify(after);
  await ctx.db
    .insertInto('meta')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  await ctx.audit({ entity: 'map_settings', entityId: null, before, after });
  return after;
}
