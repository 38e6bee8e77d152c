import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../electron/core/core';
import { silentLogger } from '../electron/core/platform/logger';
import { startHost, type RunningHost } from '../electron/host/server';
import {
  log,
  nowMicros,
  percentile,
  rateResult,
  timeResult,
  type Bench,
  type BenchResult,
  type BenchSize,
} from './harness';

const NAME = 'ipc.roundtrip';

/** Iteration counts per size. Full finishes in well under 30 s on a 2-core machine. */
const SIZES: Record<
  BenchSize,
  { warmup: number; rounds: number; perRound: number; concurrency: number; concurrentTotal: number }
> = {
  full: { warmup: 500, rounds: 4, perRound: 750, concurrency: 8, concurrentTotal: 3000 },
  smoke: { warmup: 10, rounds: 2, perRound: 15, concurrency: 4, concurrentTotal: 40 },
};

type Target = { path: string; label: string };

/**
 * A keep-alive HTTP client that sends one fixed body and only reads the status and drains the
 * response: the client's own cost is the same for both targets.
 */
function client(host: RunningHost, token: string, body: string, concurrency: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    authorization: `Bearer ${token}`,
  };
  const post = (path: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path, method: 'POST', agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}

async function sequential(
  post: (path: string) => Promise<{ status: number }>,
  target: Target,
  count: number,
  into: number[],
) {
  for (let i = 0; i < count; i++) {
    const start = nowMicros();
    const { status } = await post(target.path);
    into.push(nowMicros() - start);
    if (status !== 200) throw new Error(`${target.label}: HTTP ${status}`);
  }
}

/** `total` requests with `concurrency` in flight; returns requests per second and every latency. */
async function concurrent(
  post: (path: string) => Promise<{ status: number }>,
  target: Target,
  total: number,
  concurrency: number,
) {
  const latencies: number[] = [];
  let issued = 0;
  const started = nowMicros();
  const worker = async () => {
    while (issued < total) {
      issued++;
      const start = nowMicros();
      const { status } = await post(target.path);
      latencies.push(nowMicros() - start);
      if (status !== 200) throw new Error(`${target.label}: HTTP ${status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (nowMicros() - started) / 1e6;
  return { perSecond: total / seconds, latencies };
}

/**
 * The web host's full request path for a cheap authenticated channel (`auth.session.me`: bearer →
 * session lookup → permission check → handler → output check → envelope) against the same server
 * echoing the same body (`POST /__bench/echo`): the difference is what the dispatcher and the store add
 * to a round trip.
 */
export const ipcRoundtripBench: Bench = {
  name: NAME,
  description:
    'POST /ipc/auth.session.me through the real web host vs POST /__bench/echo on the same server (latency, throughput)',
  async run(options = {}) {
    const size = SIZES[options.size ?? 'full'];
    const dataDir = mkdtempSync(join(tmpdir(), 'gerai-bench-ipc-'));
    let core: Core | null = null;
    let host: RunningHost | null = null;
    try {
      core = await createCore({ dataDir, appVersion: 'bench', logger: silentLogger });
      const password = 'bench-password-1';
      const owner = await core.dispatch('setup.owner.create', {
        name: 'Bench Owner',
        username: 'bench',
        password,
        branchName: 'Bench',
      });
      if (!owner.ok) throw new Error(`setup failed: ${owner.error.message}`);
      const login = await core.dispatch('auth.session.login', { username: 'bench', password });
      if (!login.ok) throw new Error(`login failed: ${login.error.message}`);
      const token = (login.data as { token: string }).token;
      const running = await startHost({
        core: () => core!,
        rendererDir: join(dataDir, 'no-renderer'),
        port: 0,
        benchEcho: true,
      });
      host = running;

      // auth.session.me takes an empty object; the echo gets exactly the same bytes and headers.
      const body = '{}';
      const ipc: Target = { path: '/ipc/auth.session.me', label: 'ipc' };
      const echo: Target = { path: '/__bench/echo', label: 'echo' };
      const http = client(running, token, body, size.concurrency);
      try {
        const first = await http.post(ipc.path);
        if (first.status !== 200 || !(JSON.parse(first.text) as { ok?: boolean }).ok) {
          throw new Error(`auth.session.me did not answer ok: ${first.status} ${first.text}`);
        }
        const echoed = await http.post(echo.path);
        if (echoed.status !== 200 || echoed.text !== body)
          throw new Error(`/__bench/echo did not echo: ${echoed.status} ${echoed.text}`);

        log(`${NAME}: warming up (${size.warmup} requests each)`);
        const discard: number[] = [];
        await sequential(http.post, ipc, size.warmup, discard);
        await sequential(http.post, echo, size.warmup, discard);

        // Alternate which target goes first in each round so drift (GC, CPU boost) hits both alike.
        const ipcSeq: number[] = [];
        const echoSeq: number[] = [];
        for (let round = 0; round < size.rounds; round++) {
          log(`${NAME}: sequential round ${round + 1}/${size.rounds} (${size.perRound} requests each)`);
          const order: [Target, number[]][] =
            round % 2 === 0
              ? [
                  [ipc, ipcSeq],
                  [echo, echoSeq],
                ]
              : [
                  [echo, echoSeq],
                  [ipc, ipcSeq],
                ];
          for (const [target, into] of order) await sequential(http.post, target, size.perRound, into);
        }

        log(`${NAME}: concurrent, ${size.concurrency} in flight, ${size.concurrentTotal} requests each`);
        const echoConc = await concurrent(http.post, echo, size.concurrentTotal, size.concurrency);
        const ipcConc = await concurrent(http.post, ipc, size.concurrentTotal, size.concurrency);

        const results: BenchResult[] = [
          timeResult(
            NAME,
            'sequential p50 latency, auth.session.me vs echo',
            percentile(ipcSeq, 50),
            percentile(echoSeq, 50),
            'µs',
          ),
          timeResult(
            NAME,
            'sequential p95 latency, auth.session.me vs echo',
            percentile(ipcSeq, 95),
            percentile(echoSeq, 95),
            'µs',
          ),
          timeResult(
            NAME,
            `concurrent(${size.concurrency}) p95 latency, auth.session.me vs echo`,
            percentile(ipcConc.latencies, 95),
            percentile(echoConc.latencies, 95),
            'µs',
          ),
          rateResult(
            NAME,
            `concurrent(${size.concurrency}) throughput, auth.session.me vs echo`,
            ipcConc.perSecond,
            echoConc.perSecond,
            'req/s',
          ),
        ];
        return results;
      } finally {
        http.close();
      }
    } finally {
      await host?.close();
      await core?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
