import { create } from 'zustand';
import type { RouteKey } from './nav-items';

/** Navigation is a value in a store, not a URL: it works the same under file:// in Electron and in the browser. */
type RouteState = { route: RouteKey; navigate(route: RouteKey): void };

export const useRouteStore = create<RouteState>()((set) => ({
  route: 'dashboard',
  navigate(route) {
    set({ route });
  },
}));
