/**
 * A dead or odd router must never take the app down. Each case runs in a child process — stock
 * node-routeros 1.6.9 first (it dies: the bug), then Gerai's client (it survives and reports a typed
 * error) — against the same simulator.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RouterOsSim } from '../../sim/routeros/routeros-sim';
import { PASSWORD, sim } from './routeros-support';

const here = dirname(fileURLToPath(import.meta.url));
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs a fixture client against `router`; when it prints "sent", `onSent` runs (e.g. cut the router off). */
function runClient(
  kind: 'upstream' | 'gerai',
  router: RouterOsSim,
  scenario: string,
  onSent?: () => void,
): Promise<Run> {
  const args =
    kind === 'upstream'
      ? [join(here, 'fixtures', 'upstream-client.mjs')]
      : [tsxCli, join(here, 'fixtures', 'gerai-client.ts')];
  const child = spawn(process.execPath, [...args, String(router.port), PASSWORD, scenario], {
    stdio: 'pipe',
  });
  let stdout = '';
  let stderr = '';
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('connected\n') && !stdout.includes('sent') && scenario === 'dropped')
      router.setFault({ hang: true });
    if (stdout.includes('sent\n') && onSent) {
      const run = onSent;
      onSent = undefined;
      run();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('process survival', () => {
  it('!empty (RouterOS 7.18) kills a process on stock node-routeros; Gerai’s client returns []', async () => {
    const router = await sim({ version: '7.18' });
    const upstream = await runClient('upstream', router, 'empty-print');
    expect(upstream.code).not.toBe(0);
    expect(upstream.stdout).not.toContain('survived');
    expect(upstream.stderr).toContain('unknown reply: !empty');

    const ours = await runClient('gerai', router, 'empty-print');
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe('connected\nrows 0\nsurvived\n');
    expect(ours.code).toBe(0);
  });

  it('a connection reset mid-command kills a process on stock node-routeros; Gerai’s client rejects the call', async () => {
    // The router stops answering exactly when the print arrives (waiting to read "connected" from the
    // child raced it: under load the print could be answered first).
    const holder: { router: RouterOsSim | null } = { router: null };
    const router = await sim({
      version: '6.49',
      onCommand: ({ path }) => {
        if (path === '/ppp/secret/print') holder.router?.setFault({ hang: true });
      },
    });
    holder.router = router;
    const upstream = await runClient('upstream', router, 'dropped', () => router.dropConnections());
    expect(upstream.code).not.toBe(0);
    expect(upstream.stdout).not.toContain('survived');
    expect(upstream.stderr).toContain("Unhandled 'error' event");

    router.clearFaults();
    const ours = await runClient('gerai', router, 'dropped', () => router.dropConnections());
    expect(ours.stdout).toBe('connected\nsent\nrejected RouterUnreachableError ECONNRESET\nsurvived\n');
    expect(ours.code).toBe(0);
  });
});
