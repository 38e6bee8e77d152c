import { afterEach, beforeEach, expect, test } from 'vitest';
import { createRouterPool, type RouterPool } from '../../electron/core/network/routeros/routeros-client';
import { startRouterOsSim, type RouterOsSim } from '../sim/routeros/routeros-sim';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { callFromPage, watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';

const app = appPerTest();
let sim: RouterOsSim | undefined;
let pool: RouterPool | undefined;

beforeEach(async () => {
  sim = await startRouterOsSim({ version: '7.18', users: { admin: 'rahasia' } });
  pool = createRouterPool();
});
afterEach(async () => {
  await pool?.close();
  await sim?.close();
  sim = undefined;
  pool = undefined;
});

test('an ISP moving to Gerai adopts the PPPoE secrets already on its router as customers and subscriptions, then edits one', async () => {
  const { page } = app;
  if (!sim || !pool) throw new Error('the simulator did not start');
  const router = sim;
  // The router as the ISP set it up by hand, before Gerai.
  const byHand = pool.client({ host: '127.0.0.1', port: router.port, user: 'admin', password: 'rahasia' });
  await byHand.add('/ppp/profile', { name: 'rumah-10m' });
  await byHand.add('/ppp/secret', {
    name: 'budi.lama',
    password: 'Sandi-Lama-01',
    profile: 'rumah-10m',
    comment: 'Budi Lama',
  });
  await byHand.add('/ppp/secret', { name: 'sri.lama', password: 'Sandi-Lama-02', profile: 'rumah-10m' });
  router.dialIn('budi.lama');
  const secret = (name: string) =>
    (router.state().menus['/ppp/secret'] ?? []).find((row) => row.name === name);
  const sessionBefore = (router.state().menus['/ppp/active'] ?? []).find((row) => row.name === 'budi.lama');

  const shell = new ShellPage(page);
  const token = watchBearerToken(page);
  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.navigate('subscriptions');
  const api = async (channel: string, input: unknown) => {
    const answer = await callFromPage(page, channel, input, token());
    expect(answer.body.ok, `${channel}: ${JSON.stringify(answer.body.error)}`).toBe(true);
    return (answer.body as unknown as { data: Record<string, unknown> }).data;
  };
  const routerRow = await api('network.routers.create', {
    name: 'RB-Lama',
    host: '127.0.0.1',
    port: router.port,
    username: 'admin',
    password: 'rahasia',
  });
  await api('plans.create', {
    name: 'Rumah 10 Mbps',
    downloadKbps: 10_000,
    uploadKbps: 5_000,
    price: 166_500,
    routerProfile: 'rumah-10m',
    isolirProfile: 'isolir',
  });

  await page.getByTestId('subscription-adopt').click();
  await page.getByTestId('adopt-router').selectOption(String(routerRow.id));
  await expect.poll(() => page.getByTestId('adopt-row').count(), { timeout: 10_000 }).toBe(2);
  await page.getByTestId('adopt-select-suggested').click();
  await page.getByTestId('adopt-submit').click();
  await page.getByTestId('adopt-result').waitFor();
  await page.getByTestId('adopt-close').click();

  // Two new subscriptions, active; the customers exist; the router's secrets are only tagged.
  await expect.poll(() => page.getByTestId('subscription-row').count()).toBe(2);
  expect(await page.getByTestId('subscription-state-active').count()).toBe(2);
  await expect.poll(() => secret('budi.lama')?.comment ?? '', { timeout: 20_000 }).toMatch(/^gerai:/);
  expect(secret('budi.lama')).toMatchObject({
    password: 'Sandi-Lama-01',
    profile: 'rumah-10m',
    disabled: 'false',
  });
  expect(secret('sri.lama')?.password).toBe('Sandi-Lama-02');
  const sessionAfter = (router.state().menus['/ppp/active'] ?? []).find((row) => row.name === 'budi.lama');
  expect(sessionAfter?.['.id']).toBe(sessionBefore?.['.id']);

  // Later the technician gives Budi a static IP in the edit dialog: it reaches the router.
  await page
    .getByTestId('subscription-row')
    .filter({ hasText: 'budi.lama' })
    .getByTestId('subscription-edit')
    .click();
  await page.getByTestId('subscription-edit-remote-address').fill('10.20.0.15');
  await page.getByTestId('subscription-edit-kick').waitFor();
  await page.getByTestId('subscription-edit-reason').fill('IP tetap untuk CCTV');
  await page.getByTestId('subscription-edit-save').click();
  await page.getByTestId('subscription-edit-dialog').waitFor({ state: 'detached' });
  await expect.poll(() => secret('budi.lama')?.['remote-address'], { timeout: 20_000 }).toBe('10.20.0.15');
  expect(secret('budi.lama')?.password).toBe('Sandi-Lama-01');

  await shell.navigate('customers');
  await expect.poll(() => page.getByTestId('customer-row').count()).toBe(2);
  expect(await page.getByTestId('customer-row').filter({ hasText: 'Budi Lama' }).count()).toBe(1);
});
