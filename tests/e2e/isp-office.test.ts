import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { addDays, localDate } from '../../shared/domain/calendar';
import { startRouterOsSim, type RouterOsSim } from '../sim/routeros/routeros-sim';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { callFromPage, watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';

const app = appPerTest();
let sim: RouterOsSim | undefined;

beforeEach(async () => {
  sim = await startRouterOsSim({ version: '7.18', users: { admin: 'rahasia' } });
});
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const USER = 'sri.wahyuni';
const PROFILE = 'rumah-10m';

test('a customer placed on the map is provisioned, billed, isolated after due + grace, pays at the counter and is reactivated', async () => {
  const { page } = app;
  if (!sim) throw new Error('the simulator did not start');
  const router = sim;
  const shell = new ShellPage(page);
  const token = watchBearerToken(page);
  const secret = () => (router.state().menus['/ppp/secret'] ?? []).find((row) => row.name === USER);
  const session = () => (router.state().menus['/ppp/active'] ?? []).find((row) => row.name === USER);
  const poll = { timeout: 20_000, interval: 250 };

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();

  // The router and the plan (their own screens have their own tests).
  await shell.navigate('map');
  const api = async (channel: string, input: unknown) => {
    const answer = await callFromPage(page, channel, input, token());
    expect(answer.body.ok, `${channel}: ${JSON.stringify(answer.body.error)}`).toBe(true);
    return (answer.body as unknown as { data: Record<string, unknown> }).data;
  };
  const routerRow = await api('network.routers.create', {
    name: 'RB-Depok',
    host: '127.0.0.1',
    port: router.port,
    username: 'admin',
    password: 'rahasia',
  });
  const plan = await api('plans.create', {
    name: 'Rumah 10 Mbps',
    downloadKbps: 10_000,
    uploadKbps: 5_000,
    price: 166_500,
    routerProfile: PROFILE,
    isolirProfile: 'isolir',
  });

  // 1. A customer created by placing them on the map (no tiles: nothing here needs the internet).
  await page.getByTestId('map-settings-open').click();
  await page.getByTestId('map-settings-no-tiles').click();
  await page.getByTestId('map-settings-submit').click();
  await page.getByTestId('map-settings-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('map-mode-addCustomer').click();
  const box = (await page.getByTestId('map-container').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30);
  await page.getByTestId('map-add-customer-name').fill('Sri Wahyuni');
  await page.getByTestId('map-add-customer-phone').fill('0813-1111-2222');
  await page.getByTestId('map-add-customer-submit').click();
  await page.getByTestId('map-add-customer-dialog').waitFor({ state: 'detached' });
  const marker = page.locator('[data-testid^="map-customer-PLG-"]');
  await marker.first().waitFor();
  expect(await marker.count()).toBe(1);

  // 2. A subscription on the simulator router: the secret appears with the plan's profile.
  await shell.navigate('subscriptions');
  await page.getByTestId('subscription-create').click();
  await page.getByTestId('subscription-customer').fill('Sri');
  await page.getByTestId('subscription-customer-option').first().click();
  await page.getByTestId('subscription-plan').selectOption(String(plan.id));
  await page.getByTestId('subscription-router').selectOption(String(routerRow.id));
  await page.getByTestId('subscription-username').fill(USER);
  await page.getByTestId('subscription-password').fill('pppoe-sri-2026');
  await page.getByTestId('subscription-create-save').click();
  await page.getByTestId('subscription-create-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('subscription-row').first().getByTestId('subscription-activate').click();
  await page.getByTestId('subscription-activate-dialog-reason').fill('pasang baru');
  await page.getByTestId('subscription-activate-dialog-confirm').click();
  await expect.poll(() => secret()?.profile, poll).toBe(PROFILE);
  router.dialIn(USER);
  expect(session()).toBeDefined();

  // 3. The billing run for this month, then the invoice PDF.
  const today = localDate(Date.now(), 'Asia/Jakarta');
  await shell.navigate('billing');
  await page.getByTestId('billing-tab-run').click();
  await page.getByTestId('billing-run-period').fill(today.slice(0, 7));
  await page.getByTestId('billing-run-submit').click();
  await page.getByTestId('billing-run-confirm-confirm').click();
  await expect.poll(() => page.getByTestId('billing-run-result').innerText()).toMatch(/1/);
  await page.getByTestId('billing-tab-invoices').click();
  await page.getByTestId('invoice-row').first().click();
  await expect.poll(() => page.getByTestId('invoice-number').innerText()).toMatch(/^INV\//);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('invoice-pdf').click(),
  ]);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await page.getByTestId('invoice-drawer-close').click();

  // 4. The scheduler runs up to past due + grace + isolir days: isolir on the router, session gone.
  const until = addDays(today, 21);
  await shell.navigate('reports');
  await page.getByTestId('reports-tab-scheduler').click();
  await page.getByTestId('scheduler-until').fill(until);
  await page.getByTestId('scheduler-run-until').click();
  await page.getByTestId('scheduler-confirm-confirm').click();
  await page.getByTestId('scheduler-result').waitFor();
  await expect.poll(() => secret()?.profile, poll).toBe('isolir');
  await expect.poll(() => session(), poll).toBeUndefined();

  // A reminder sits in the outbox (no gateway is set up here: it is held, visible in the log).
  await shell.navigate('notifications');
  await expect
    .poll(() => page.getByTestId('notify-row').filter({ hasText: 'Sri Wahyuni' }).count())
    .toBeGreaterThan(0);
  const outbox = await api('notify.outbox.list', {});
  const entries = outbox.entries as { templateKey: string; customerName: string | null }[];
  expect(
    entries.some((e) => e.templateKey.startsWith('invoice.reminder') && e.customerName === 'Sri Wahyuni'),
  ).toBe(true);

  // AR aging as of that day shows the debt.
  await shell.navigate('reports');
  await page.getByTestId('reports-tab-aging').click();
  await page.getByTestId('aging-as-of').fill(until);
  await expect.poll(() => page.getByTestId('aging-total-total').innerText()).not.toMatch(/^Rp\s?0$/);

  // 5. Paid at the counter: reactivated on the router.
  await shell.navigate('billing');
  await page.getByTestId('billing-tab-pay').click();
  await page.getByTestId('pay-customer-search').fill('Sri');
  await page.getByTestId('pay-customer-option').first().click();
  await page.getByTestId('pay-method-cash').click();
  await page.getByTestId('pay-submit').click();
  await page.getByTestId('pay-result').waitFor();
  await expect.poll(() => secret()?.profile, poll).toBe(PROFILE);

  // 6. AR aging changed: everything owed is paid, the report says nobody owes anything.
  await shell.navigate('reports');
  await page.getByTestId('reports-tab-aging').click();
  await page.getByTestId('aging-as-of').fill(until);
  await page.getByTestId('aging-empty').waitFor();
  expect(await page.getByTestId('aging-total-total').count()).toBe(0);

  // The map opens the customer's account: their subscription is active again and nothing is owed.
  await shell.navigate('map');
  await marker.first().click();
  await page.getByTestId('map-customer-open').click();
  await expect.poll(() => page.getByTestId('customer-drawer-name').innerText()).toBe('Sri Wahyuni');
  await page.getByTestId('customer-subscription').getByTestId('subscription-state-active').waitFor();
  await expect.poll(() => page.getByTestId('customer-account-overdue').innerText()).toMatch(/Rp\s?0$/);
});
