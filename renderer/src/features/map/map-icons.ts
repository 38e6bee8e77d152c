import L from 'leaflet';
import type { CustomerMapState, MapPointKind, MapRouteKind } from '../../../../shared/contract/map.contract';

/** One colour per customer state, readable on OSM tiles and on the plain background alike. */
export const STATE_COLORS: Record<CustomerMapState, string> = {
  prospect: '#64748b',
  active: '#16a34a',
  overdue: '#f59e0b',
  isolated: '#dc2626',
  terminated: '#1f2937',
};

export const POINT_COLORS: Record<MapPointKind, string> = {
  pop: '#7c3aed',
  odp: '#0284c7',
  ap: '#0d9488',
  router: '#be185d',
};

export const ROUTE_STYLES: Record<MapRouteKind, { color: string; dashArray?: string; weight: number }> = {
  fiber: { color: '#0369a1', weight: 4 },
  drop: { color: '#0ea5e9', weight: 2, dashArray: '4 4' },
  wireless: { color: '#0d9488', weight: 2, dashArray: '8 6' },
  copper: { color: '#b45309', weight: 3 },
};

function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Shapes drawn in SVG, so markers need no image files and show with no tiles and no internet. */
function pointShape(kind: MapPointKind, color: string): string {
  switch (kind) {
    case 'pop':
      return `<rect x="2" y="2" width="18" height="18" rx="3" fill="${color}" stroke="#fff" stroke-width="2"/>`;
    case 'odp':
      return `<polygon points="11,1 21,11 11,21 1,11" fill="${color}" stroke="#fff" stroke-width="2"/>`;
    case 'ap':
      return `<polygon points="11,1 21,20 1,20" fill="${color}" stroke="#fff" stroke-width="2"/>`;
    case 'router':
      return `<polygon points="6,1 16,1 21,11 16,21 6,21 1,11" fill="${color}" stroke="#fff" stroke-width="2"/>`;
    default:
      return kind satisfies never;
  }
}

const customerIcons = new Map<string, L.DivIcon>();

/** A round pin coloured by state; `data-testid="map-customer-<code>"` for tests. */
export function customerIcon(code: string, state: CustomerMapState, selected: boolean): L.DivIcon {
  const key = `${code}|${state}|${selected}`;
  let icon = customerIcons.get(key);
  if (!icon) {
    const size = selected ? 22 : 16;
    icon = L.divIcon({
      className: 'gerai-map-marker',
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
      popupAnchor: [0, -size / 2],
      html:
        `<div data-testid="map-customer-${escapeAttr(code)}" data-state="${state}" title="${escapeAttr(code)}" ` +
        `style="width:${size}px;height:${size}px;border-radius:50%;background:${STATE_COLORS[state]};` +
        `border:2px solid #fff;box-shadow:0 0 0 ${selected ? 3 : 1}px rgba(0,0,0,.55);box-sizing:border-box"></div>`,
    });
    customerIcons.set(key, icon);
  }
  return icon;
}

/** A point's own shape (POP square, ODP diamond, AP triangle, router hexagon); red ring when full. */
export function pointIcon(id: string, kind: MapPointKind, full: boolean): L.DivIcon {
  const ring = full
    ? 'filter:drop-shadow(0 0 2px #dc2626) drop-shadow(0 0 2px #dc2626);'
    : 'filter:drop-shadow(0 1px 1px rgba(0,0,0,.5));';
  return L.divIcon({
    className: 'gerai-map-marker',
    iconSize: [22, 22],
    iconAnchor: [11, 11],
    popupAnchor: [0, -11],
    html: `<div data-testid="map-point-${escapeAttr(id)}" data-kind="${kind}" style="width:22px;height:22px;${ring}"><svg width="22" height="22" viewBox="0 0 22 22">${pointShape(kind, POINT_COLORS[kind])}</svg></div>`,
  });
}

/** A small square for each vertex of a route being drawn. */
export const VERTEX_ICON = L.divIcon({
  className: 'gerai-map-marker',
  iconSize: [10, 10],
  iconAnchor: [5, 5],
  html: '<div data-testid="map-route-vertex" style="width:10px;height:10px;background:#fff;border:2px solid #0369a1;box-sizing:border-box"></div>',
});
