import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProbeArgs, ProbeResult } from './memory-probe';
import { benchScale, demoSource, shopCopy } from './shop-fixture';
import { log, timeResult, type Bench, type BenchSize } from './harness';

const NAME = 'memory.pos';
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

const SIZES: Record<BenchSize, { searches: number; sales: number }> = {
  full: { searches: 100, sales: 50 },
  smoke: { searches: 5, sales: 2 },
};

/** Runs one scenario in a fresh Node process (bench/memory-probe.ts) and reads its JSON line. */
function probe(args: ProbeArgs): ProbeResult {
  const run = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, 'memory-probe.ts'), JSON.stringify(args)],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  if (run.status !== 0)
    throw new Error(`memory probe (${args.mode}) failed: ${run.stderr || run.error?.message}`);
  const line = run.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as ProbeResult;
}

/**
 * Resident memory of a process running the core as a till would: the 100k-item shop opened and a POS
 * session (100 searches, 50 five-line cash sales) — and the same session after importing the 100k-row
 * CSV in that process — each against a bare `createCore` on an empty data folder, measured the same
 * way (after a full GC; peaks from the OS's maxRSS). Each scenario runs in its own Node process.
 */
export const memoryPosBench: Bench = {
  name: NAME,
  description:
    'RSS of a process with the 100k-item shop after a POS session (100 searches, 50 sales) vs a bare createCore (MB)',
  async run(options = {}) {
    const sizeName = options.size ?? 'full';
    const size = SIZES[sizeName];
    const scale = benchScale(sizeName);
    const work = mkdtempSync(join(tmpdir(), 'gerai-bench-memory-'));
    const copy = await shopCopy(scale, 'memory');
    try {
      const csvFile = join(work, 'products.csv');
      writeFileSync(csvFile, demoSource(scale).csv);
      log(`${NAME}: bare createCore`);
      const bare = probe({ mode: 'bare', dataDir: join(work, 'bare'), searches: 0, sales: 0 });
      log(`${NAME}: shop store + POS session (${size.searches} searches, ${size.sales} sales)`);
      const store = probe({ mode: 'store', dataDir: copy.dataDir, ...size });
      log(`${NAME}: import the CSV + POS session`);
      const imported = probe({ mode: 'import', dataDir: join(work, 'import'), csvFile, ...size });
      for (const r of [bare, store, imported]) {
        log(
          `${NAME}:   ${r.mode.padEnd(6)} ${r.items.toLocaleString('en').padStart(7)} items: RSS ${r.rssMb.toFixed(1)} MB` +
            ` (peak ${r.peakRssMb.toFixed(1)} MB, heap ${r.heapUsedMb.toFixed(1)} MB)`,
        );
      }
      const items = store.items.toLocaleString('en');
      const session = `${size.searches} searches + ${size.sales} sales`;
      return [
        timeResult(
          NAME,
          `RSS after opening the ${items}-item shop and a POS session (${session}) vs bare createCore`,
          store.rssMb,
          bare.rssMb,
          'MB',
        ),
        timeResult(
          NAME,
          `peak RSS opening the ${items}-item shop and a POS session (${session}) vs bare createCore`,
          store.peakRssMb,
          bare.peakRssMb,
          'MB',
        ),
        timeResult(
          NAME,
          `RSS after importing ${items} products from CSV and a POS session (${session}) vs bare createCore`,
          imported.rssMb,
          bare.rssMb,
          'MB',
        ),
        timeResult(
          NAME,
          `peak RSS importing ${items} products from CSV and a POS session (${session}) vs bare createCore`,
          imported.peakRssMb,
          bare.peakRssMb,
          'MB',
        ),
      ];
    } finally {
      copy.remove();
      rmSync(work, { recursive: true, force: true });
    }
  },
};
