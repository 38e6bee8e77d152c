import { create } from 'zustand';
import {
  CUSTOMER_MAP_STATES,
  MAP_POINT_KINDS,
  type CustomerMapState,
  type MapPointKind,
} from '../../../../shared/contract/map.contract';

export type MapMode = 'browse' | 'addCustomer' | 'addPoint' | 'drawRoute';
export type LatLng = [number, number];

type MapState = {
  mode: MapMode;
  /** Vertices clicked so far while drawing a route. */
  draft: LatLng[];
  hiddenStates: CustomerMapState[];
  hiddenKinds: MapPointKind[];
  showRoutes: boolean;
  selectedCustomerId: string | null;
  setMode(mode: MapMode): void;
  addVertex(point: LatLng): void;
  undoVertex(): void;
  toggleState(state: CustomerMapState): void;
  toggleKind(kind: MapPointKind): void;
  toggleRoutes(): void;
  selectCustomer(id: string | null): void;
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** What the map screen's parts share: the click mode, the route being drawn, filters, the open customer. */
export const useMapStore = create<MapState>()((set) => ({
  mode: 'browse',
  draft: [],
  hiddenStates: [],
  hiddenKinds: [],
  showRoutes: true,
  selectedCustomerId: null,
  setMode(mode) {
    set({ mode, draft: [] });
  },
  addVertex(point) {
    set((state) => ({ draft: [...state.draft, point] }));
  },
  undoVertex() {
    set((state) => ({ draft: state.draft.slice(0, -1) }));
  },
  toggleState(value) {
    set((state) => ({ hiddenStates: toggle(state.hiddenStates, value) }));
  },
  toggleKind(kind) {
    set((state) => ({ hiddenKinds: toggle(state.hiddenKinds, kind) }));
  },
  toggleRoutes() {
    set((state) => ({ showRoutes: !state.showRoutes }));
  },
  selectCustomer(id) {
    set({ selectedCustomerId: id });
  },
}));

export const ALL_STATES = CUSTOMER_MAP_STATES;
export const ALL_KINDS = MAP_POINT_KINDS;

/** Coordinates as people read them on a form: 6 decimals (about 10 cm). */
export function formatCoordinate(value: number): string {
  return value.toFixed(6);
}
