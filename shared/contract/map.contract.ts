import { z } from 'zod';
import { defineChannels } from './channel';
import { Id, Ok } from './common.schema';

export const MAP_POINT_KINDS = ['pop', 'odp', 'ap', 'router'] as const;
export const MapPointKind = z.enum(MAP_POINT_KINDS);
export type MapPointKind = z.infer<typeof MapPointKind>;

export const MAP_ROUTE_KINDS = ['fiber', 'drop', 'wireless', 'copper'] as const;
export const MapRouteKind = z.enum(MAP_ROUTE_KINDS);
export type MapRouteKind = z.infer<typeof MapRouteKind>;

/** A customer's state on the map, strongest first: terminated > isolated > overdue > active > prospect. */
export const CUSTOMER_MAP_STATES = ['prospect', 'active', 'overdue', 'isolated', 'terminated'] as const;
export const CustomerMapState = z.enum(CUSTOMER_MAP_STATES);
export type CustomerMapState = z.infer<typeof CustomerMapState>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const LatLng = z.tuple([Latitude, Longitude]);

export const MapPoint = z.strictObject({
  id: Id,
  kind: MapPointKind,
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  portsTotal: z.number().int(),
  /** Live (not terminated) subscriptions hanging off this point. */
  portsUsed: z.number().int(),
  routerId: Id.nullable(),
  routerName: z.string().nullable(),
  parentId: Id.nullable(),
  parentName: z.string().nullable(),
  notes: z.string(),
});
export type MapPoint = z.infer<typeof MapPoint>;

export const MapRoute = z.strictObject({
  id: Id,
  name: z.string(),
  kind: MapRouteKind,
  fromPointId: Id.nullable(),
  toPointId: Id.nullable(),
  path: z.array(z.tuple([z.number(), z.number()])),
  /** Along the path, in metres (great-circle). */
  lengthMeters: z.number().int(),
  notes: z.string(),
});
export type MapRoute = z.infer<typeof MapRoute>;

export const CustomerMarker = z.strictObject({
  id: Id,
  code: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  state: CustomerMapState,
});
export type CustomerMarker = z.infer<typeof CustomerMarker>;

export const MapSettings = z.strictObject({
  /** A {z}/{x}/{y} tile template over https; empty = no tiles (markers still show). */
  tileUrl: z.string(),
  attribution: z.string(),
  centerLat: z.number(),
  centerLng: z.number(),
  zoom: z.number().int(),
});
export type MapSettings = z.infer<typeof MapSettings>;

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_MAP_SETTINGS: MapSettings = {
  tileUrl: DEFAULT_TILE_URL,
  attribution: '© OpenStreetMap contributors',
  // Kecamatan Depok, Sleman.
  centerLat: -7.7601,
  centerLng: 110.4017,
  zoom: 14,
};

const TileUrl = z
  .string()
  .trim()
  .max(300)
  .refine(
    (url) => url === '' || /^https:\/\/[^\s/]+\/\S*$/.test(url),
    'an https:// address (or empty for no tiles)',
  )
  .refine(
    (url) => url === '' || ['{z}', '{x}', '{y}'].every((part) => url.includes(part)),
    'must contain {z}, {x} and {y}',
  );

const PointName = z.string().trim().min(1).max(80);
const PointFields = {
  kind: MapPointKind,
  name: PointName,
  latitude: Latitude,
  longitude: Longitude,
  portsTotal: z.number().int().min(0).max(10_000).default(0),
  routerId: Id.nullable().default(null),
  parentId: Id.nullable().default(null),
  notes: z.string().trim().max(1000).default(''),
};

const RoutePath = z.array(LatLng).min(2, 'a route needs at least two points').max(2000);
const RouteFields = {
  name: z.string().trim().min(1).max(80),
  kind: MapRouteKind.default('fiber'),
  fromPointId: Id.nullable().default(null),
  toPointId: Id.nullable().default(null),
  path: RoutePath,
  notes: z.string().trim().max(1000).default(''),
};

export const mapChannels = defineChannels({
  'map.points.list': {
    summary: 'Network points (POP, ODP, access point, router) with ports used/total.',
    input: z.strictObject({ kinds: z.array(MapPointKind).optional() }),
    output: z.array(MapPoint),
    access: 'network.view',
    writes: false,
  },
  'map.points.create': {
    summary: 'Places a network point on the map.',
    input: z.strictObject(PointFields),
    output: MapPoint,
    access: 'network.manage',
    writes: true,
  },
  'map.points.update': {
    summary: 'Moves or changes a network point; ports total cannot go below the ports in use.',
    input: z.strictObject({
      id: Id,
      kind: MapPointKind.optional(),
      name: PointName.optional(),
      latitude: Latitude.optional(),
      longitude: Longitude.optional(),
      portsTotal: z.number().int().min(0).max(10_000).optional(),
      routerId: Id.nullable().optional(),
      parentId: Id.nullable().optional(),
      notes: z.string().trim().max(1000).optional(),
    }),
    output: MapPoint,
    access: 'network.manage',
    writes: true,
  },
  'map.points.remove': {
    summary:
      'Removes a network point; refused while subscriptions or child points hang off it. Cables to it stay, detached.',
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: 'network.manage',
    writes: true,
  },
  'map.routes.list': {
    summary: 'Cable routes as polylines.',
    input: z.strictObject({}),
    output: z.array(MapRoute),
    access: 'network.view',
    writes: false,
  },
  'map.routes.create': {
    summary: 'Draws a cable route (two or more [lat, lng] points), optionally between two network points.',
    input: z.strictObject(RouteFields),
    output: MapRoute,
    access: 'network.manage',
    writes: true,
  },
  'map.routes.update': {
    summary: 'Changes a cable route’s path or details.',
    input: z.strictObject({
      id: Id,
      name: RouteFields.name.optional(),
      kind: MapRouteKind.optional(),
      fromPointId: Id.nullable().optional(),
      toPointId: Id.nullable().optional(),
      path: RoutePath.optional(),
      notes: z.string().trim().max(1000).optional(),
    }),
    output: MapRoute,
    access: 'network.manage',
    writes: true,
  },
  'map.routes.remove': {
    summary: 'Removes a cable route.',
    input: z.strictObject({ id: Id }),
    output: Ok,
    access: 'network.manage',
    writes: true,
  },
  'map.overview': {
    summary:
      'Customer markers with their state (terminated > isolated > overdue > active > prospect), counts per state and how many have no location.',
    input: z.strictObject({
      states: z.array(CustomerMapState).optional(),
      query: z.string().trim().max(80).optional(),
    }),
    output: z.strictObject({
      customers: z.array(CustomerMarker),
      /** Every customer (located or not) per state, whatever the filters. */
      counts: z.strictObject({
        prospect: z.number().int(),
        active: z.number().int(),
        overdue: z.number().int(),
        isolated: z.number().int(),
        terminated: z.number().int(),
      }),
      withoutLocation: z.number().int(),
    }),
    access: 'customers.view',
    writes: false,
  },
  'map.customers.setLocation': {
    summary: 'Sets (or clears, with nulls) where a customer is on the map.',
    input: z
      .strictObject({ customerId: Id, latitude: Latitude.nullable(), longitude: Longitude.nullable() })
      .refine((input) => (input.latitude === null) === (input.longitude === null), {
        message: 'latitude and longitude are both set or both empty',
        path: ['longitude'],
      }),
    output: z.strictObject({
      customerId: Id,
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
    }),
    access: 'customers.manage',
    writes: true,
  },
  'map.settings.get': {
    summary: 'This device’s map settings: tile address, attribution, start centre and zoom.',
    input: z.strictObject({}),
    output: MapSettings,
    access: 'authenticated',
    writes: false,
  },
  'map.settings.update': {
    summary: 'Changes this device’s map settings (an empty tile address shows markers on a blank map).',
    input: z.strictObject({
      tileUrl: TileUrl.optional(),
      attribution: z.string().trim().max(200).optional(),
      centerLat: Latitude.optional(),
      centerLng: Longitude.optional(),
      zoom: z.number().int().min(1).max(19).optional(),
    }),
    output: MapSettings,
    access: 'settings.manage',
    writes: true,
  },
});
