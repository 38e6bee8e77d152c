import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type TestBrowser = { context: BrowserContext; page: Page; close(): Promise<void> };

/** Headless Debian Chromium with a fresh profile, so no test sees another's storage. */
export async function launchBrowser(options: {
  baseURL: string;
  colorScheme?: 'light' | 'dark';
}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The e2e tests drive Chromium at ${CHROMIUM}, which is not installed. Install it with: apt-get install -y chromium`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'gerai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL: options.baseURL,
    viewport: { width: 1366, height: 820 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    colorScheme: options.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
