import { create } from 'zustand';
import type { Router } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';

export type NetworkTab = 'routers' | 'ppp' | 'hotspot' | 'queues' | 'addressList' | 'jobs' | 'drift';

type NetworkState = {
  tab: NetworkTab;
  routers: Router[];
  loaded: boolean;
  /** The router the dashboard and the per-router tabs show. */
  selectedId: string | null;
  setTab(tab: NetworkTab): void;
  select(id: string | null): void;
  loadRouters(): Promise<void>;
};

/** What the network tabs share: the open tab, the routers and which one is selected. */
export const useNetworkStore = create<NetworkState>()((set, get) => ({
  tab: 'routers',
  routers: [],
  loaded: false,
  selectedId: null,
  setTab(tab) {
    set({ tab });
  },
  select(id) {
    set({ selectedId: id });
  },
  async loadRouters() {
    const result = await call('network.routers.list', {}, { quiet: true });
    if (!result.ok) return;
    const selectedId = get().selectedId;
    set({
      routers: result.data,
      loaded: true,
      selectedId: result.data.some((router) => router.id === selectedId)
        ? selectedId
        : (result.data[0]?.id ?? null),
    });
  },
}));

export function useSelectedRouter(): Router | null {
  return useNetworkStore((state) => state.routers.find((router) => router.id === state.selectedId) ?? null);
}

/** Bits per second as people read link speeds: "850 bps", "12,5 kbps", "48,2 Mbps". */
export function formatBps(bps: number, locale: string): string {
  const units = ['bps', 'kbps', 'Mbps', 'Gbps'];
  let value = bps;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
