import type { SyncStatus } from './system.contract';

/** Events the core pushes to the renderer (Electron webContents.send or the web host's /events socket). */
export type CoreEvents = {
  'sync.status': SyncStatus;
  'job.progress': { jobId: string; label: string; done: number; total: number };
  'stock.low': { itemId: string; name: string; warehouseId: string; available: number; threshold: number };
  'session.ended': { reason: 'logout' | 'expired' | 'disabled' | 'password'; userId: string };
};
export type CoreEventName = keyof CoreEvents;
export const CORE_EVENT_NAMES: readonly CoreEventName[] = ['sync.status', 'job.progress', 'stock.low', 'session.ended'];
