import type { RouterJob, RouterStatus } from './network.contract';
import type { SyncStatus } from './system.contract';

/** Events the core pushes to the renderer (Electron webContents.send or the web host's /events socket). */
export type CoreEvents = {
  'sync.status': SyncStatus;
  'job.progress': { jobId: string; label: string; done: number; total: number };
  'stock.low': { itemId: string; name: string; warehouseId: string; available: number; threshold: number };
  'session.ended': { reason: 'logout' | 'expired' | 'disabled' | 'password'; userId: string };
  /** One `/interface/monitor-traffic` sample of a watched interface (bits per second). */
  'network.traffic': { routerId: string; interface: string; rxBps: number; txBps: number; at: number };
  /** A router's status after a test, a dashboard or the background refresh. */
  'network.router.status': { routerId: string; status: RouterStatus };
  /** A router job changed state (queued, running, done, waiting to retry, failed, cancelled). */
  'network.job': RouterJob;
  /** The notification outbox changed: messages queued (`id` null) or one message's state moved. */
  'notify.outbox': { id: string | null };
};
export type CoreEventName = keyof CoreEvents;
export const CORE_EVENT_NAMES: readonly CoreEventName[] = [
  'sync.status',
  'job.progress',
  'stock.low',
  'session.ended',
  'network.traffic',
  'network.router.status',
  'network.job',
  'notify.outbox',
];
