import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { CircleMarker, Marker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { CustomerMarker } from '../../../../shared/contract/map.contract';
import { customerIcon, STATE_COLORS } from './map-icons';
import type { LatLng } from './map-store';

/** Above this many customers in view, markers are drawn on one canvas (fast, not draggable). */
export const DOM_MARKER_LIMIT = 1500;
const canvas = L.canvas({ padding: 0.5 });

export type PendingMove = { marker: CustomerMarker; to: LatLng };

/**
 * Customer markers in (and a little around) the current view. Few enough: DOM markers that can be
 * dragged and carry `data-testid="map-customer-<code>"`; many: circles on a canvas.
 */
export function CustomerLayer({
  markers,
  selectedId,
  pending,
  draggable,
  onSelect,
  onMoved,
  onTooMany,
}: {
  markers: readonly CustomerMarker[];
  selectedId: string | null;
  pending: PendingMove | null;
  draggable: boolean;
  onSelect(marker: CustomerMarker): void;
  onMoved(marker: CustomerMarker, to: LatLng): void;
  onTooMany(tooMany: boolean): void;
}) {
  const map = useMap();
  const [bounds, setBounds] = useState(() => map.getBounds().pad(0.25));
  useMapEvents({ moveend: () => setBounds(map.getBounds().pad(0.25)) });
  const visible = useMemo(
    () => markers.filter((marker) => bounds.contains([marker.lat, marker.lng])),
    [markers, bounds],
  );
  const tooMany = visible.length > DOM_MARKER_LIMIT;
  useEffect(() => onTooMany(tooMany), [tooMany, onTooMany]);

  if (tooMany) {
    return visible.map((marker) => (
      <CircleMarker
        key={marker.id}
        center={[marker.lat, marker.lng]}
        radius={5}
        pathOptions={{
          renderer: canvas,
          color: '#fff',
          weight: 1,
          fillColor: STATE_COLORS[marker.state],
          fillOpacity: 1,
        }}
        eventHandlers={{ click: () => onSelect(marker) }}
      />
    ));
  }
  return visible.map((marker) => {
    const at: LatLng = pending?.marker.id === marker.id ? pending.to : [marker.lat, marker.lng];
    return (
      <Marker
        key={marker.id}
        position={at}
        icon={customerIcon(marker.code, marker.state, marker.id === selectedId)}
        draggable={draggable}
        title={`${marker.code} · ${marker.name}`}
        alt={marker.name}
        eventHandlers={{
          click: () => onSelect(marker),
          dragend: (event) => {
            const { lat, lng } = (event.target as L.Marker).getLatLng();
            onMoved(marker, [lat, lng]);
          },
        }}
      >
        <Tooltip direction="top" offset={[0, -8]}>
          {marker.code} · {marker.name}
        </Tooltip>
      </Marker>
    );
  });
}
