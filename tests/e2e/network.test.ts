import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { pdfTextRuns } from '../support/pdf-text';
import { startRouterOsSim, type RouterOsSim } from '../sim/routeros/routeros-sim';
import { NetworkPage } from './pages/NetworkPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { OWNER } from './support/owner';

const app = appPerTest();
let sim: RouterOsSim | undefined;

beforeEach(async () => {
  // The simulator seeds ether1…ether5 and the `default` hotspot user profile; samples every 200 ms.
  sim = await startRouterOsSim({ version: '7.18', users: { admin: 'rahasia' }, monitorIntervalMs: 200 });
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const COMMENT = 'e2e-batch-50';

/** The text drawn in a PDF, one line per text run (enough to find the voucher codes). */
function pdfText(pdf: Buffer): string {
  return pdfTextRuns(pdf).join('\n');
}

test('a router added in the UI tests online, streams ether1 traffic, takes 50 vouchers and prints their cards', async () => {
  const { page } = app;
  if (!sim) throw new Error('the simulator did not start');
  const shell = new ShellPage(page);
  const network = new NetworkPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.navigate('network');

  await network.addRouter({
    name: 'RB-Pusat',
    host: sim.host,
    port: sim.port,
    username: 'admin',
    password: 'rahasia',
  });
  const tested = await network.testRouter('RB-Pusat');
  expect(tested.online, tested.text).toBe(true);
  expect(tested.text).toContain('7.18');
  await expect
    .poll(() => page.getByTestId('router-status-RB-Pusat').getAttribute('data-online'))
    .toBe('true');

  // Dashboard and live traffic: the current rx changes between two readings.
  await network.routerRow('RB-Pusat').click();
  await network.watchInterface('ether1');
  await expect.poll(() => network.currentRx.innerText(), { timeout: 10_000 }).toMatch(/bps$/);
  const first = await network.currentRx.innerText();
  await expect.poll(() => network.currentRx.innerText(), { timeout: 10_000 }).not.toBe(first);
  expect(Number(await page.getByTestId('traffic-chart').getAttribute('data-samples'))).toBeGreaterThan(1);

  // 50 vouchers: the batch job fills the router in the background; each carries `gerai:<batch> <comment>`.
  await network.openTab('hotspot');
  await network.generateVouchers({ count: 50, comment: COMMENT, price: 5000 });
  const simulator = sim;
  const batchUsers = () =>
    (simulator.state().menus['/ip/hotspot/user'] ?? []).filter((user) =>
      user.comment?.endsWith(` ${COMMENT}`),
    );
  await expect.poll(() => batchUsers().length, { timeout: 20_000, interval: 250 }).toBe(50);

  // Print cards: a PDF download of the batch; the core reports 50 cards.
  const [download] = await Promise.all([page.waitForEvent('download'), network.printButton.click()]);
  const path = await download.path();
  const pdf = await readFile(path);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(await network.printedCards.getAttribute('data-cards')).toBe('50');
  // Every one of the 50 codes on the router is printed on a card.
  const text = pdfText(pdf);
  const codes = batchUsers().map((user) => user.name ?? '');
  expect(codes).toHaveLength(50);
  expect(codes.filter((code) => code && text.includes(code))).toHaveLength(50);
});

test('a queue and an isolir address added in the UI reach the router as jobs', async () => {
  const { page } = app;
  if (!sim) throw new Error('the simulator did not start');
  const simulator = sim;
  const shell = new ShellPage(page);
  const network = new NetworkPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.navigate('network');
  await network.addRouter({
    name: 'RB-Isolir',
    host: sim.host,
    port: sim.port,
    username: 'admin',
    password: 'rahasia',
  });

  // Simple queue: the dialog queues a job; the router gets the queue.
  await page.getByTestId('network-tab-queues').click();
  await page.getByTestId('queue-new').click();
  await page.getByTestId('queue-name').fill('pelanggan-10');
  await page.getByTestId('queue-target').fill('192.168.88.10/32');
  await page.getByTestId('queue-max-limit').fill('5M/10M');
  await page.getByTestId('queue-submit').click();
  await page.getByTestId('queue-dialog').waitFor({ state: 'detached' });
  await expect
    .poll(
      () => (simulator.state().menus['/queue/simple'] ?? []).some((queue) => queue.name === 'pelanggan-10'),
      {
        timeout: 20_000,
        interval: 250,
      },
    )
    .toBe(true);

  // Isolir: the entry shows at once (from the database) and reaches the router through a job.
  await page.getByTestId('network-tab-addressList').click();
  await page.getByTestId('address-list-new').click();
  await page.getByTestId('address-list-address').fill('10.10.5.20');
  await page.getByTestId('address-list-note').fill('tunggakan');
  await page.getByTestId('address-list-submit').click();
  await page.getByTestId('address-list-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('address-list-entry-isolir-10.10.5.20').waitFor();
  await expect
    .poll(
      () =>
        (simulator.state().menus['/ip/firewall/address-list'] ?? []).some(
          (entry) => entry.list === 'isolir' && entry.address === '10.10.5.20',
        ),
      { timeout: 20_000, interval: 250 },
    )
    .toBe(true);
});
