import type { mapChannels } from '../../../shared/contract/map.contract';
import type { HandlerSlice } from '../api-types';
import { mapOverview, setCustomerLocation } from './map-overview.service';
import { createPoint, listPoints, removePoint, updatePoint } from './map-points.service';
import { createRoute, listRoutes, removeRoute, updateRoute } from './map-routes.service';
import { readMapSettings, updateMapSettings } from './map-settings.service';

export const mapApi = {
  'map.points.list': listPoints,
  'map.points.create': createPoint,
  'map.points.update': updatePoint,
  'map.points.remove': removePoint,
  'map.routes.list': listRoutes,
  'map.routes.create': createRoute,
  'map.routes.update': updateRoute,
  'map.routes.remove': removeRoute,
  'map.overview': mapOverview,
  'map.customers.setLocation': setCustomerLocation,
  'map.settings.get': readMapSettings,
  'map.settings.update': updateMapSettings,
} satisfies HandlerSlice<keyof typeof mapChannels>;
