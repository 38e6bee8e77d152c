import { expect, test } from 'vitest';
import { LoginPage } from './pages/LoginPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { UsersPage } from './pages/UsersPage';
import { appPerTest } from './support/app-per-test';
import { callFromPage, watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';

const CASHIER = { username: 'andi', name: 'Andi Pratama', password: 'kasir-rahasia-1', roleLabel: 'Kasir' };

const app = appPerTest();

test('first run: the owner sets up the branch and adds a cashier, who cannot manage users', async () => {
  const { page } = app;
  const bearer = watchBearerToken(page);
  const shell = new ShellPage(page);
  const login = new LoginPage(page);
  const users = new UsersPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);

  // The wizard signs the owner straight in.
  await shell.waitUntilShown();
  await shell.branchName.filter({ hasText: OWNER.branchName }).waitFor();
  expect(await shell.userName.innerText()).toBe(OWNER.name);
  expect(await shell.visibleRoutes()).toEqual([
    'dashboard',
    'pos',
    'inventory',
    'orders',
    'customers',
    'map',
    'subscriptions',
    'billing',
    'network',
    'reports',
    'settings',
    'users',
    'audit',
    'backup',
    'notifications',
  ]);

  await shell.navigate('users');
  await users.waitUntilShown();
  await users.createUser(CASHIER);
  expect(await users.row(CASHIER.username).getByTestId('user-role-cell').innerText()).toBe('Kasir');

  await shell.signOut();
  await login.signIn(CASHIER.username, CASHIER.password);
  await shell.waitUntilShown();
  await shell.branchName.filter({ hasText: OWNER.branchName }).waitFor();
  expect(await shell.userName.innerText()).toBe(CASHIER.name);

  // The cashier's navigation has no administration beyond (read-only) settings.
  const routes = await shell.visibleRoutes();
  expect(routes).toContain('pos');
  expect(routes).toContain('billing');
  expect(routes).not.toContain('users');
  expect(routes).not.toContain('audit');
  expect(routes).not.toContain('backup');
  expect(await shell.navItem('users').count()).toBe(0);

  // Hiding the menu is not the protection: the core refuses the call itself.
  const token = bearer();
  const me = await callFromPage(page, 'auth.session.me', {}, token);
  expect(me.body).toMatchObject({ ok: true, data: { user: { username: CASHIER.username } } });
  const attempt = await callFromPage(
    page,
    'users.create',
    {
      username: 'penyusup',
      name: 'Penyusup',
      password: 'bukan-kasir-1',
      roleId: '01930000-0000-7000-8000-000000000000',
    },
    token,
  );
  expect(attempt.status).toBe(403);
  expect(attempt.body.ok).toBe(false);
  expect(attempt.body.error?.code).toBe('FORBIDDEN');
});

test('a form shows the core’s field errors on the fields themselves', async () => {
  const { page } = app;
  const shell = new ShellPage(page);
  const users = new UsersPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.navigate('users');
  await users.waitUntilShown();

  // The owner's own username is taken: the core answers CONFLICT with a field, shown under the field.
  await page.getByTestId('users-add').click();
  await page.getByTestId('user-create-username').fill(OWNER.username);
  await page.getByTestId('user-create-name').fill('Siti Kedua');
  await page.getByTestId('user-create-password').fill('rahasia-lain-1');
  await page.getByTestId('user-create-password').press('Enter');
  await page
    .getByTestId('user-create-dialog')
    .locator('.Mui-error', { hasText: `Nama pengguna "${OWNER.username}" sudah dipakai.` })
    .first()
    .waitFor();
  expect(await page.getByTestId('user-create-username').getAttribute('aria-invalid')).toBe('true');

  // Escape closes the dialog, and nothing was added.
  await page.keyboard.press('Escape');
  await page.getByTestId('user-create-dialog').waitFor({ state: 'detached' });
  expect(await page.locator('[data-testid^="user-row-"]').count()).toBe(1);
});
