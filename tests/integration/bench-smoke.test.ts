import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  HIGHER_IS_BETTER,
  LOWER_IS_BETTER,
  LOWER_IS_BETTER_UNITS,
  type BenchResult,
} from '../../bench/harness';
import { benches } from '../../bench/index';
import { removeShopData } from '../../bench/shop-fixture';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

/** The output contract of every result line (DESIGN.md, Tests and benchmarks; bench/README.md). */
function expectWellFormed(result: BenchResult, bench: string) {
  expect(Object.keys(result).sort()).toEqual(['baseline', 'bench', 'metric', 'ratio', 'unit', 'value']);
  expect(result.bench).toBe(bench);
  expect(typeof result.metric).toBe('string');
  expect(typeof result.unit).toBe('string');
  expect(result.unit.length).toBeGreaterThan(0);
  for (const field of ['value', 'baseline', 'ratio'] as const) {
    expect(typeof result[field], field).toBe('number');
    expect(Number.isFinite(result[field]) && result[field] > 0, `${field} = ${result[field]}`).toBe(true);
  }
  // The metric names its direction, and the ratio is always "higher is better".
  const lowerIsBetter = result.metric.endsWith(LOWER_IS_BETTER);
  const higherIsBetter = result.metric.endsWith(HIGHER_IS_BETTER);
  expect(lowerIsBetter !== higherIsBetter, result.metric).toBe(true);
  // Times and sizes are lower-is-better; rates (…/s) are higher-is-better.
  expect((LOWER_IS_BETTER_UNITS as readonly string[]).includes(result.unit)).toBe(lowerIsBetter);
  const expected = lowerIsBetter ? result.baseline / result.value : result.value / result.baseline;
  expect(result.ratio).toBeCloseTo(expected, 3);
}

// The shop-counter benches build a tiny demo shop (scale 0.1, 100 products) once for the file; memory.pos
// starts three short-lived Node processes. Shape only, no timing assertions.
describe('benchmarks (smoke size: shape only, no timing assertions)', () => {
  afterAll(removeShopData);

  it('lists each bench once under a unique name', () => {
    const names = benches.map((b) => b.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'ipc.roundtrip',
        'db.write',
        'inventory.import',
        'catalog.search',
        'pos.complete',
        'memory.pos',
        'billing.run',
        'isp.reads',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  for (const bench of benches) {
    it(`${bench.name} produces well-formed result lines`, async () => {
      const results = await bench.run({ size: 'smoke' });
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) expectWellFormed(result, bench.name);
      expect(new Set(results.map((r) => r.metric)).size).toBe(results.length);
      // Each line survives the trip through JSON unchanged (it is printed as one).
      for (const result of results) expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });
  }

  it('the runner prints one JSON object per line on stdout for the named bench', () => {
    const run = spawnSync(process.execPath, [tsxCli, 'bench/run.ts', 'db.write', '--size', 'smoke'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expectWellFormed(JSON.parse(line) as BenchResult, 'db.write');
    expect(run.stderr).toContain('db.write');
  });

  it('the runner rejects an unknown bench name with exit code 1 and the list of names', () => {
    const run = spawnSync(process.execPath, [tsxCli, 'bench/run.ts', 'no.such.bench'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no.such.bench');
    for (const bench of benches) expect(run.stderr).toContain(bench.name);
  });
});
