import { create } from 'zustand';
import type { RouteKey } from './nav-items';

/**
 * Navigation is a value in a store, not a URL: it works the same under file:// in Electron and in the
 * browser. `focusId` asks the screen to open one record (e.g. a customer from the map); the screen
 * takes it with `takeFocus()` so it opens once.
 */
type RouteState = {
  route: RouteKey;
  focusId: string | null;
  navigate(route: RouteKey, focusId?: string): void;
  takeFocus(): string | null;
};

export const useRouteStore = create<RouteState>()((set, get) => ({
  route: 'dashboard',
  focusId: null,
  navigate(route, focusId) {
    set({ route, focusId: focusId ?? null });
  },
  takeFocus() {
    const { focusId } = get();
    if (focusId) set({ focusId: null });
    return focusId;
  },
}));
