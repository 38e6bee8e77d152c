/**
 * Shared pieces of the benchmarks: the result line every bench prints, the ratio convention and a few
 * statistics helpers. See bench/README.md.
 */

/** One line of `npm run bench` output. */
export type BenchResult = {
  bench: string;
  /** What was measured, ending with which direction is better and how the ratio was formed. */
  metric: string;
  /** Our implementation's number. */
  value: number;
  unit: string;
  /** The baseline's number, measured in the same run on the same machine. */
  baseline: number;
  /** Always "higher is better": 1 = as good as the baseline (see `timeResult` and `rateResult`). */
  ratio: number;
};

/** `smoke` runs a handful of iterations so tests can check the output shape in a second or two. */
export type BenchSize = 'full' | 'smoke';
export type BenchOptions = { size?: BenchSize };

export type Bench = {
  name: string;
  /** One line for `npm run bench -- --list` and the README. */
  description: string;
  run(options?: BenchOptions): Promise<BenchResult[]>;
};

/** Units whose numbers are times (lower is better). */
export const TIME_UNITS = ['µs', 'ms', 's'] as const;
/** Units of memory (lower is better). */
export const MEMORY_UNITS = ['MB'] as const;
/** Every lower-is-better unit; everything else is a rate (higher is better). */
export const LOWER_IS_BETTER_UNITS = [...TIME_UNITS, ...MEMORY_UNITS] as const;
export type LowerIsBetterUnit = (typeof LOWER_IS_BETTER_UNITS)[number];
export const LOWER_IS_BETTER = '[lower is better; ratio = baseline/value]';
export const HIGHER_IS_BETTER = '[higher is better; ratio = value/baseline]';

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Decimals kept per unit: seconds need more than microseconds for a small run to stay above zero. */
const DECIMALS: Record<LowerIsBetterUnit, number> = { µs: 1, ms: 2, s: 3, MB: 1 };

/**
 * A time or a size (lower is better): ratio = baseline / value, so 0.5 means "takes twice as long (or
 * as much memory) as the baseline".
 */
export function timeResult(
  bench: string,
  metric: string,
  value: number,
  baseline: number,
  unit: LowerIsBetterUnit,
): BenchResult {
  const v = round(value, DECIMALS[unit]);
  const b = round(baseline, DECIMALS[unit]);
  return {
    bench,
    metric: `${metric} ${LOWER_IS_BETTER}`,
    value: v,
    unit,
    baseline: b,
    ratio: round(b / v, 4),
  };
}

/** A rate (higher is better): ratio = value / baseline, so 0.5 means "half the baseline's throughput". */
export function rateResult(
  bench: string,
  metric: string,
  value: number,
  baseline: number,
  unit: string,
): BenchResult {
  const v = Math.round(value);
  const b = Math.round(baseline);
  return {
    bench,
    metric: `${metric} ${HIGHER_IS_BETTER}`,
    value: v,
    unit,
    baseline: b,
    ratio: round(v / b, 4),
  };
}

/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Monotonic time in microseconds. */
export function nowMicros(): number {
  return Number(process.hrtime.bigint()) / 1000;
}

/** Progress and debug output: stderr only, so stdout stays one JSON object per line. */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
