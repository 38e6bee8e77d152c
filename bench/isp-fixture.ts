/**
 * The ISP office benchmarks' data: a fresh core with the demo's ISP side (seed "bench") loaded by the
 * same code as `npm run demo` (`loadIspData`): 3 routers and 7 plans through their channels, the
 * customers through `customers.import` and their active subscriptions, activated in the current
 * billing period. Scale 100 (`full`) gives 50,000 customers and 50,000 subscriptions (≈ 9 s to build);
 * `GERAI_BENCH_SCALE` shrinks it as for the shop benches; `smoke` is scale 0.1.
 *
 * Unlike the shop data, this is built per bench (each needs its own billing history) in a temporary
 * folder that `close()` removes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract/index';
import { createCore, type Core } from '../electron/core/core';
import { generateDemo, type DemoData } from '../electron/core/demo/generate';
import { loadIspData, type IspLoadResult } from '../electron/core/demo/subscriptions';
import type { Clock } from '../electron/core/platform/clock';
import { silentLogger } from '../electron/core/platform/logger';
import { log, type BenchSize } from './harness';
import { benchScale, BENCH_SEED, BENCH_USER } from './shop-fixture';

export type IspBranch = {
  core: Core;
  /** The owner's session token. */
  token: string;
  data: DemoData;
  loaded: IspLoadResult;
  scale: number;
  /** Closes the core and deletes its data folder. */
  close(): Promise<void>;
};

/** One channel call through the real dispatcher; throws on an error answer. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>,
  token?: string,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input, { token: token ?? null, locale: 'en' });
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} — ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

/** Signs the bench owner in again (after a bench moves its clock past the session's idle timeout). */
export async function loginOwner(core: Core): Promise<string> {
  return (await call(core, 'auth.session.login', BENCH_USER)).token;
}

/**
 * Builds the demo's ISP branch for `bench` (the name prefixes its log lines) at the size's scale.
 * `clock` (default: the system clock) is the core's; a manual one makes the billing dates fixed.
 */
export async function buildIspBranch(
  bench: string,
  size: BenchSize,
  options: { clock?: Clock } = {},
): Promise<IspBranch> {
  const scale = benchScale(size);
  const dir = mkdtempSync(join(tmpdir(), `gerai-bench-${bench.replace(/\W+/g, '-')}-`));
  let core: Core | null = null;
  const close = async () => {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    core = await createCore({
      dataDir: dir,
      appVersion: 'bench',
      logger: silentLogger,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    const data = generateDemo({ seed: BENCH_SEED, scale });
    await call(core, 'setup.owner.create', {
      name: 'Pemilik Bench',
      username: BENCH_USER.username,
      password: BENCH_USER.password,
      branchName: data.branch.name,
    });
    const token = await loginOwner(core);
    const started = Date.now();
    const loaded = await loadIspData({
      core,
      token,
      data,
      onProgress: ({ stage, done, total }) => {
        if (done === total) log(`${bench}: ${stage} ${done}/${total}`);
      },
    });
    log(
      `${bench}: ${loaded.customers} customers, ${loaded.subscriptions} active subscriptions (scale ${scale}) built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return { core, token, data, loaded, scale, close };
  } catch (error) {
    await close();
    throw error;
  }
}
