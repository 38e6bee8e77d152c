/**
 * The shop-counter benchmarks' data: a demo branch (the demo generator, seed "bench") loaded through
 * the real channels exactly as `npm run demo` does — warehouses, the product CSV import, opening stock
 * by goods receipts — into a data folder that is built once per run and copied for each bench that
 * needs it (so one bench's sales never change another's numbers). Member/reseller prices are left out:
 * no bench sells to a customer with a price list, and they add seconds to every run.
 *
 * Size: `full` is scale 100 (100,000 products, ≈ 150,000 stock lines; ≈ 45 s to build on a 2-core
 * machine), or `GERAI_BENCH_SCALE` (e.g. 10 for 10,000 products) to shrink it; `smoke` is scale 0.1.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../electron/core/core';
import { writeProductsCsv } from '../electron/core/demo/files';
import { generateDemo, type DemoData } from '../electron/core/demo/generate';
import { loadShopData } from '../electron/core/demo/load';
import { silentLogger } from '../electron/core/platform/logger';
import { log, type BenchSize } from './harness';

export const BENCH_SEED = 'bench';
export const BENCH_USER = { username: 'pemilik', password: 'bench-password-1' };

/** The demo scale a size runs at: 100 (100,000 products) unless GERAI_BENCH_SCALE says otherwise. */
export function benchScale(size: BenchSize): number {
  if (size === 'smoke') return 0.1;
  const fromEnv = Number(process.env.GERAI_BENCH_SCALE);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 100;
}

/** A demo branch's generated data and its products.csv, without touching a store. */
export type DemoSource = { data: DemoData; csv: string; scale: number };

const sources = new Map<number, DemoSource>();

export function demoSource(scale: number): DemoSource {
  let source = sources.get(scale);
  if (!source) {
    const data = generateDemo({ seed: BENCH_SEED, scale });
    const dir = mkdtempSync(join(tmpdir(), 'gerai-bench-csv-'));
    try {
      writeProductsCsv(join(dir, 'products.csv'), data.products);
      source = { data, csv: readFileSync(join(dir, 'products.csv'), 'utf8'), scale };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    sources.set(scale, source);
  }
  return source;
}

/** Signs up the branch owner in a fresh core and returns a session token. */
export async function setupOwner(core: Core, branchName = 'Bench'): Promise<string> {
  const owner = await core.dispatch('setup.owner.create', {
    name: 'Pemilik Bench',
    username: BENCH_USER.username,
    password: BENCH_USER.password,
    branchName,
  });
  if (!owner.ok) throw new Error(`setup failed: ${owner.error.message}`);
  return login(core);
}

export async function login(core: Core): Promise<string> {
  const result = await core.dispatch('auth.session.login', BENCH_USER);
  if (!result.ok) throw new Error(`login failed: ${result.error.message}`);
  return (result.data as { token: string }).token;
}

type Built = { root: string; template: string; source: DemoSource; seconds: number };
const built = new Map<number, Promise<Built>>();
const roots = new Set<string>();

/** Deletes the run's built shop data (also done on exit; test runners that recycle workers call it). */
export function removeShopData(): void {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots.clear();
  built.clear();
}
process.once('exit', removeShopData);

async function build(scale: number): Promise<Built> {
  const started = Date.now();
  const source = demoSource(scale);
  const root = mkdtempSync(join(tmpdir(), 'gerai-bench-shop-'));
  roots.add(root);
  const template = join(root, 'template');
  const core = await createCore({ dataDir: template, appVersion: 'bench', logger: silentLogger });
  try {
    const token = await setupOwner(core, source.data.branch.name);
    let lastStage = '';
    await loadShopData({
      core,
      token,
      data: source.data,
      productsCsv: source.csv,
      priceLists: false,
      // The shop benches need no customers or subscriptions (billing.run builds its own).
      isp: false,
      onProgress: ({ stage, done, total }) => {
        if (stage !== lastStage || done === total)
          log(`shop data (scale ${scale}): ${stage} ${done}/${total}`);
        lastStage = stage;
      },
    });
    await core.dispatch('auth.session.logout', {}, { token });
  } finally {
    // Closing checkpoints the WAL into gerai.db, so a plain copy of the folder is a consistent store.
    await core.close();
  }
  const seconds = (Date.now() - started) / 1000;
  log(`shop data (scale ${scale}): built in ${seconds.toFixed(1)} s`);
  return { root, template, source, seconds };
}

export type ShopCopy = {
  dataDir: string;
  source: DemoSource;
  /** Removes the copy (the template stays for the other benches of the run). */
  remove(): void;
};

/** A private copy of the run's shop data folder (built on first use). */
export async function shopCopy(scale: number, name: string): Promise<ShopCopy> {
  let pending = built.get(scale);
  if (!pending) {
    pending = build(scale);
    built.set(scale, pending);
    pending.catch(() => built.delete(scale));
  }
  const { root, template, source } = await pending;
  const dataDir = mkdtempSync(join(root, `${name}-`));
  cpSync(template, dataDir, { recursive: true });
  return { dataDir, source, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Opens a copy of the shop with a signed-in owner. */
export async function openShop(scale: number, name: string) {
  const copy = await shopCopy(scale, name);
  const core = await createCore({ dataDir: copy.dataDir, appVersion: 'bench', logger: silentLogger });
  const token = await login(core);
  return {
    core,
    token,
    copy,
    async close() {
      await core.close();
      copy.remove();
    },
  };
}
