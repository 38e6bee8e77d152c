import { billingRunBench } from './billing.run.bench';
import { catalogSearchBench } from './catalog.search.bench';
import { dbWriteBench } from './db.write.bench';
import type { Bench } from './harness';
import { inventoryImportBench } from './inventory.import.bench';
import { ipcRoundtripBench } from './ipc.roundtrip.bench';
import { ispReadsBench } from './isp.reads.bench';
import { memoryPosBench } from './memory.pos.bench';
import { posCompleteBench } from './pos.complete.bench';
import { routerBatchBench } from './router.batch.bench';
import { routerReconcileBench } from './router.reconcile.bench';

/** Every benchmark, listed by hand (like migrations): `npm run bench -- <name>` picks from these. */
export const benches: readonly Bench[] = [
  ipcRoundtripBench,
  dbWriteBench,
  inventoryImportBench,
  catalogSearchBench,
  posCompleteBench,
  memoryPosBench,
  routerBatchBench,
  routerReconcileBench,
  billingRunBench,
  ispReadsBench,
];
