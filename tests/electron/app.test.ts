import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeraiBridge } from '../../shared/contract/bridge';

const root = resolve(import.meta.dirname, '../..');

/**
 * The page's globals as the tests see them (this project's types have no DOM). Functions passed to
 * `page.evaluate` run in the page, so each casts `globalThis` itself.
 */
type PageGlobals = {
  gerai?: GeraiBridge;
  require?: unknown;
  process?: unknown;
  location: { href: string };
  open(url: string): unknown;
};

let app: ElectronApplication;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  const executablePath = process.env.GERAI_ELECTRON_BINARY;
  if (!executablePath)
    throw new Error('Run these through `npm run test:electron`, which finds the Electron binary.');
  dataDir = mkdtempSync(join(tmpdir(), 'gerai-electron-'));
  // The built app, never a dev server or an update feed from the caller's environment.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        !['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE', 'GERAI_UPDATE_URL'].includes(entry[0]),
    ),
  );
  // Chromium's own OS sandbox cannot start as root (CI containers); the page sandbox is still on.
  const rootOnly = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath,
    args: [root, `--data-dir=${dataDir}`, ...rootOnly],
    env,
    cwd: root,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

afterAll(async () => {
  await app?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('Gerai in Electron', () => {
  it('opens the first-run wizard on a fresh data folder', async () => {
    expect(await page.title()).toBe('Gerai');
    await page.getByTestId('setup-wizard').waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('runs the page isolated and sandboxed, with only the bridge exposed', async () => {
    // contextBridge refuses to expose anything without contextIsolation, so a working `gerai` proves it.
    const globals = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return {
        require: typeof g.require,
        process: typeof g.process,
        invoke: typeof g.gerai?.invoke,
        on: typeof g.gerai?.on,
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      invoke: 'function',
      on: 'function',
    });

    // app.enableSandbox() sandboxes every renderer, whatever a window's own options say.
    expect(
      await app.evaluate(({ app: electronApp }) => electronApp.commandLine.hasSwitch('enable-sandbox')),
    ).toBe(true);
  });

  it('answers channel calls over IPC with the result envelope', async () => {
    const result = await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).gerai?.invoke({
        channel: 'setup.status',
        input: {},
        token: null,
        locale: 'id',
      }),
    );
    expect(result).toEqual({ ok: true, data: { needsOwner: true } });
  });

  it('enforces the CSP: no eval in the page', async () => {
    const outcome = await page.evaluate(() => {
      try {
        // Indirect eval so the bundler leaves it alone; the CSP must refuse it.
        (0, eval)('1');
        return 'ran';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
  });

  it('refuses pop-ups and navigation away from the app', async () => {
    const before = page.url();
    expect(before.startsWith('gerai://app/')).toBe(true);
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/') === null),
    ).toBe(true);
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(app.windows()).toHaveLength(1);
  });
});
