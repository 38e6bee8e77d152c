import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const READY = /Gerai is ready at (http:\/\/\S+)/;
const START_TIMEOUT_MS = 90_000;

export type WebHost = {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  dataDir: string;
  /** Everything the host printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();
// A crashed or interrupted test run must not leave hosts listening.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts the real web host (`electron/host/cli.ts`) on a free port with a fresh data folder, and
 * waits until it answers /healthz. It serves the renderer build in out/renderer (built first if missing).
 */
export async function startWebHost(): Promise<WebHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gerai-e2e-'));
  // The same Node that runs the tests (22, from the `node` devDependency); tsx loads the TypeScript.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/host/cli.ts', '--data-dir', dataDir, '--port', '0'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the web host did not start in ${START_TIMEOUT_MS} ms`)),
        START_TIMEOUT_MS,
      );
      const onData = () => {
        const match = READY.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolveUrl(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the web host exited with code ${code}`));
      });
    });
    await waitForHealth(url);
    return { url, dataDir, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- web host output ---\n${output}`,
      {
        cause: error,
      },
    );
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url}/healthz did not answer`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}
