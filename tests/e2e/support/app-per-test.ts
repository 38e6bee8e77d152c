import type { Page } from 'playwright-core';
import { afterEach, beforeEach } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { startWebHost, type WebHost } from './web-host';

export type AppUnderTest = { readonly host: WebHost; readonly page: Page };

/**
 * Registers hooks that give every test of the file its own web host (fresh data folder, free port)
 * and its own browser profile, torn down after the test whatever happened.
 */
export function appPerTest(): AppUnderTest {
  let host: WebHost | undefined;
  let browser: TestBrowser | undefined;
  beforeEach(async () => {
    host = await startWebHost();
    browser = await launchBrowser({ baseURL: host.url });
  });
  afterEach(async () => {
    await browser?.close();
    await host?.stop();
    browser = undefined;
    host = undefined;
  });
  return {
    get host() {
      if (!host) throw new Error('the web host is only there inside a test');
      return host;
    },
    get page() {
      if (!browser) throw new Error('the browser is only there inside a test');
      return browser.page;
    },
  };
}
