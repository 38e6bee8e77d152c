/**
 * `npm run bench [-- name ...] [--size smoke]`: runs every benchmark (or the named ones) and prints one
 * JSON object per result line on stdout:
 *   {"bench", "metric", "value", "unit", "baseline", "ratio"}
 * Progress goes to stderr. An unknown name exits 1 with the list of known ones. See bench/README.md.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchSize } from './harness';
import { benches } from './index';

function listing(): string {
  return benches.map((b) => `  ${b.name.padEnd(16)} ${b.description}`).join('\n');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      size: { type: 'string', default: 'full' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.list) {
    process.stderr.write(`npm run bench [-- name ...] [--size full|smoke]\n\nBenchmarks:\n${listing()}\n`);
    return 0;
  }
  if (values.size !== 'full' && values.size !== 'smoke') {
    process.stderr.write(`--size must be "full" or "smoke", not "${values.size}"\n`);
    return 1;
  }
  const size: BenchSize = values.size;
  const unknown = positionals.filter((name) => !benches.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}\nKnown benchmarks:\n${listing()}\n`,
    );
    return 1;
  }
  const selected = positionals.length > 0 ? benches.filter((b) => positionals.includes(b.name)) : benches;
  // Ratios are measured in the same run, but a busy machine still widens tails: say so up front.
  const [load] = loadavg();
  const cpus = availableParallelism();
  process.stderr.write(
    `[bench] load average ${load!.toFixed(2)} on ${cpus} CPUs${load! > cpus ? ' — busy machine, expect noisy tails' : ''}\n`,
  );
  for (const bench of selected) {
    const started = Date.now();
    process.stderr.write(`[bench] ${bench.name}: starting (${size})\n`);
    for (const result of await bench.run({ size })) process.stdout.write(`${JSON.stringify(result)}\n`);
    process.stderr.write(`[bench] ${bench.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
