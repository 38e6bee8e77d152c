import { create } from 'zustand';
import type { AuditEntry, ChannelInput, ChannelOutput } from '../../../../shared/contract/index';
import { call } from '../../app/errors/call';
import { endOfDayInZone, startOfDayInZone } from '../../app/time';

/** Filters as the form holds them: dates are calendar days (YYYY-MM-DD) in the branch's time zone. */
export type AuditFilters = { userId: string; entity: string; from: string; to: string };
export const NO_FILTERS: AuditFilters = { userId: '', entity: '', from: '', to: '' };

const PAGE_SIZE = 50;

type AuditState = {
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
  loading: boolean;
  filters: AuditFilters;
  timeZone: string;
  verifying: boolean;
  verification: ChannelOutput<'audit.log.verify'> | null;
  load(filters: AuditFilters, timeZone: string): Promise<void>;
  loadMore(): Promise<void>;
  verify(): Promise<void>;
};

function toInput(
  filters: AuditFilters,
  timeZone: string,
  beforeSeq: number | null,
): ChannelInput<'audit.log.list'> {
  return {
    limit: PAGE_SIZE,
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.entity.trim() ? { entity: filters.entity.trim() } : {}),
    ...(filters.from ? { from: startOfDayInZone(filters.from, timeZone) } : {}),
    ...(filters.to ? { to: endOfDayInZone(filters.to, timeZone) } : {}),
    ...(beforeSeq !== null ? { beforeSeq } : {}),
  };
}

export const useAuditStore = create<AuditState>()((set, get) => ({
  entries: [],
  nextBeforeSeq: null,
  loading: false,
  filters: NO_FILTERS,
  timeZone: 'Asia/Jakarta',
  verifying: false,
  verification: null,
  async load(filters, timeZone) {
    set({ loading: true, filters, timeZone });
    const result = await call('audit.log.list', toInput(filters, timeZone, null));
    if (get().filters !== filters) return;
    set({
      loading: false,
      ...(result.ok ? { entries: result.data.entries, nextBeforeSeq: result.data.nextBeforeSeq } : {}),
    });
  },
  async loadMore() {
    const { filters, timeZone, nextBeforeSeq, entries } = get();
    if (nextBeforeSeq === null) return;
    set({ loading: true });
    const result = await call('audit.log.list', toInput(filters, timeZone, nextBeforeSeq));
    if (get().filters !== filters) return;
    set({
      loading: false,
      ...(result.ok
        ? { entries: [...entries, ...result.data.entries], nextBeforeSeq: result.data.nextBeforeSeq }
        : {}),
    });
  },
  async verify() {
    set({ verifying: true, verification: null });
    const result = await call('audit.log.verify', {});
    set({ verifying: false, verification: result.ok ? result.data : null });
  },
}));
