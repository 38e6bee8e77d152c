import type { SyncColumns } from '../db/schema';

export type MapPointKind = 'pop' | 'odp' | 'ap' | 'router';
export type MapPointRow = SyncColumns & {
  kind: MapPointKind;
  name: string;
  latitude: number;
  longitude: number;
  ports_total: number;
  router_id: string | null;
  parent_id: string | null;
  notes: string;
};
export type MapRouteRow = SyncColumns & {
  name: string;
  kind: 'fiber' | 'drop' | 'wireless' | 'copper';
  from_point_id: string | null;
  to_point_id: string | null;
  /** JSON array of [lat, lng] pairs. */
  path: string;
  notes: string;
};
export type IpPoolRow = SyncColumns & { router_id: string; name: string; ranges: string; notes: string };

export type MapTables = {
  map_points: MapPointRow;
  map_routes: MapRouteRow;
  ip_pools: IpPoolRow;
};
