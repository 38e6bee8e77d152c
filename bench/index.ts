import { dbWriteBench } from './db.write.bench';
import type { Bench } from './harness';
import { ipcRoundtripBench } from './ipc.roundtrip.bench';

/** Every benchmark, listed by hand (like migrations): `npm run bench -- <name>` picks from these. */
export const benches: readonly Bench[] = [ipcRoundtripBench, dbWriteBench];
