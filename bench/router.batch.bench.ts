import { Socket } from 'node:net';
import { RouterOSAPI } from 'node-routeros';
import {
  createRouterPool,
  type RouterClientOptions,
} from '../electron/core/network/routeros/routeros-client';
import {
  encodeSentence,
  parseReply,
  SentenceDecoder,
} from '../electron/core/network/routeros/routeros-codec';
import { startRouterOsSim, type RouterOsSim } from '../tests/sim/routeros/routeros-sim';
import { log, median, nowMicros, timeResult, type Bench, type BenchSize } from './harness';

const NAME = 'router.batch';

/** What the simulator waits before answering each command: a router a few hops away, busy. */
const LATENCY_MS = 2;
const PASSWORD = 'bench-rahasia';

const SIZES: Record<
  BenchSize,
  { secrets: number; window: number; rounds: number; perCommand: number; stock: number }
> = {
  full: { secrets: 1000, window: 32, rounds: 2, perCommand: 200, stock: 100 },
  smoke: { secrets: 20, window: 32, rounds: 1, perCommand: 5, stock: 3 },
};

/** The attributes of one PPPoE customer, as the router jobs will send them. */
function secret(prefix: string, i: number): Record<string, string> {
  return {
    name: `${prefix}-${String(i).padStart(5, '0')}`,
    password: `pw-${(i * 7919) % 100000}`,
    service: 'pppoe',
    profile: 'default',
    comment: `gerai:customer:${i}`,
  };
}

async function withSim<T>(work: (sim: RouterOsSim) => Promise<T>): Promise<T> {
  const sim = await startRouterOsSim({
    version: '7.18',
    latencyMs: LATENCY_MS,
    users: { admin: PASSWORD },
    lifetimeMs: 120_000,
  });
  try {
    return await work(sim);
  } finally {
    await sim.close();
  }
}

/** Adds `count` secrets through the Gerai client (`window` = commands in flight; 1 = awaited one by one); µs. */
async function geraiRun(
  sim: RouterOsSim,
  prefix: string,
  count: number,
  window: number,
  extra: Partial<RouterClientOptions> = {},
): Promise<number> {
  const pool = createRouterPool();
  try {
    const client = pool.client({
      host: '127.0.0.1',
      port: sim.port,
      user: 'admin',
      password: PASSWORD,
      maxInFlight: window,
      timeoutMs: 30_000,
      ...extra,
    });
    await client.print('/system/identity'); // connect and log in before the clock starts
    const before = sim.state().menus['/ppp/secret']!.length;
    const start = nowMicros();
    if (window === 1) {
      for (let i = 0; i < count; i++) await client.add('/ppp/secret', secret(prefix, i));
    } else {
      await Promise.all(
        Array.from({ length: count }, (_, i) => client.add('/ppp/secret', secret(prefix, i))),
      );
    }
    const took = nowMicros() - start;
    if (sim.state().menus['/ppp/secret']!.length !== before + count)
      throw new Error(`${prefix}: not every secret arrived`);
    return took;
  } finally {
    await pool.close();
  }
}

/** The same adds, awaited one by one, through stock node-routeros 1.6.9 (a write per word, no TCP_NODELAY); µs. */
async function stockRun(sim: RouterOsSim, prefix: string, count: number): Promise<number> {
  const api = new RouterOSAPI({
    host: '127.0.0.1',
    port: sim.port,
    user: 'admin',
    password: PASSWORD,
    timeout: 30,
  });
  await api.connect();
  try {
    const start = nowMicros();
    for (let i = 0; i < count; i++) {
      await api.write(
        '/ppp/secret/add',
        Object.entries(secret(prefix, i)).map(([k, v]) => `=${k}=${v}`),
      );
    }
    return nowMicros() - start;
  } finally {
    await api.close();
  }
}

/** The floor: a bare TCP_NODELAY socket sending the same sentences one by one and reading each `!done`; µs. */
async function rawRun(sim: RouterOsSim, prefix: string, count: number): Promise<number> {
  const socket = new Socket();
  socket.setNoDelay(true);
  const decoder = new SentenceDecoder();
  let waiting: ((reply: string) => void) | null = null;
  socket.on('data', (chunk: Buffer) => {
    for (const sentence of decoder.push(chunk)) waiting?.(parseReply(sentence.map(String)).reply);
  });
  const roundTrip = (words: string[]) =>
    new Promise<string>((resolve) => {
      waiting = resolve;
      socket.write(encodeSentence(words, 'utf8'));
    });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.connect(sim.port, '127.0.0.1', resolve);
  });
  try {
    if ((await roundTrip(['/login', '=name=admin', `=password=${PASSWORD}`])) !== '!done')
      throw new Error('raw login failed');
    const start = nowMicros();
    for (let i = 0; i < count; i++) {
      const words = [
        '/ppp/secret/add',
        ...Object.entries(secret(prefix, i)).map(([k, v]) => `=${k}=${v}`),
        `.tag=${i}`,
      ];
      if ((await roundTrip(words)) !== '!done') throw new Error('raw add failed');
    }
    return nowMicros() - start;
  } finally {
    socket.destroy();
  }
}

/**
 * Applying PPPoE secrets to a router with 2 ms of latency per command: the Gerai client with 32
 * tagged commands in flight vs the same client awaiting each; then the per-command time of the
 * awaited path against a bare socket (the floor), stock node-routeros (a write per word, Nagle on:
 * ~40 ms of delayed ACK per command), and the same client with TCP_NODELAY forced off.
 */
export const routerBatchBench: Bench = {
  name: NAME,
  description:
    'apply PPPoE secrets over the RouterOS API (simulator, 2 ms/command): tagged window vs awaited, and per-command cost',
  async run(options = {}) {
    const size = SIZES[options.size ?? 'full'];
    const concurrent: number[] = [];
    const serial: number[] = [];
    for (let round = 0; round < size.rounds; round++) {
      log(`${NAME}: round ${round + 1}/${size.rounds}: ${size.secrets} secrets, window ${size.window} and 1`);
      await withSim(async (sim) => {
        await geraiRun(sim, `warm-${round}`, Math.min(50, size.secrets), size.window);
        // Alternate the order so neither side always runs second.
        if (round % 2 === 0) {
          concurrent.push(await geraiRun(sim, `win-${round}`, size.secrets, size.window));
          serial.push(await geraiRun(sim, `one-${round}`, size.secrets, 1));
        } else {
          serial.push(await geraiRun(sim, `one-${round}`, size.secrets, 1));
          concurrent.push(await geraiRun(sim, `win-${round}`, size.secrets, size.window));
        }
      });
    }

    log(
      `${NAME}: per-command cost, ${size.perCommand} awaited adds each (stock node-routeros: ${size.stock})`,
    );
    const perCommand = await withSim(async (sim) => {
      const ours = (await geraiRun(sim, 'pc-ours', size.perCommand, 1)) / size.perCommand;
      const raw = (await rawRun(sim, 'pc-raw', size.perCommand)) / size.perCommand;
      const nagle =
        (await geraiRun(sim, 'pc-nagle', size.perCommand, 1, { noDelay: false })) / size.perCommand;
      const oursAgain = (await geraiRun(sim, 'pc-ours2', size.perCommand, 1)) / size.perCommand;
      const stock = (await stockRun(sim, 'pc-stock', size.stock)) / size.stock;
      return { ours: Math.min(ours, oursAgain), raw, nagle, stock };
    });

    return [
      timeResult(
        NAME,
        `apply ${size.secrets} PPPoE secrets (router latency ${LATENCY_MS} ms/command): ${size.window} tagged commands in flight vs awaited one at a time, same client`,
        median(concurrent) / 1000,
        median(serial) / 1000,
        'ms',
      ),
      timeResult(
        NAME,
        `one awaited /ppp/secret/add (router latency ${LATENCY_MS} ms): Gerai client vs a bare TCP_NODELAY socket (the round-trip floor)`,
        perCommand.ours,
        perCommand.raw,
        'µs',
      ),
      timeResult(
        NAME,
        `one awaited /ppp/secret/add (router latency ${LATENCY_MS} ms): Gerai client vs stock node-routeros 1.6.9 (a write per word, Nagle on — the unfixed behaviour)`,
        perCommand.ours,
        perCommand.stock,
        'µs',
      ),
      timeResult(
        NAME,
        `one awaited /ppp/secret/add (router latency ${LATENCY_MS} ms): Gerai client vs the same client with setNoDelay(false) forced (one write per sentence already avoids the stall)`,
        perCommand.ours,
        perCommand.nagle,
        'µs',
      ),
    ];
  },
};
