import { expect, test } from 'vitest';
import { LoginPage } from './pages/LoginPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { callFromPage, watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';

const app = appPerTest();

test('a session ended elsewhere sends the next screen back to the login', async () => {
  const { page } = app;
  const bearer = watchBearerToken(page);
  const shell = new ShellPage(page);
  const login = new LoginPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.branchName.filter({ hasText: OWNER.branchName }).waitFor();

  // Sign this very session out behind the UI's back.
  const logout = await callFromPage(page, 'auth.session.logout', {}, bearer());
  expect(logout).toMatchObject({ status: 200, body: { ok: true } });

  // The next thing the person does calls the core, which answers UNAUTHENTICATED: back to login.
  await shell.navigate('users');
  await login.waitUntilShown();
  expect(await login.notice.innerText()).toBe('Sesi tidak berlaku. Silakan masuk lagi.');
  expect(await shell.root.count()).toBe(0);

  await login.signIn(OWNER.username, OWNER.password);
  await shell.waitUntilShown();
  await page.getByTestId('dashboard').waitFor();
});

test('English is one switch away, and the core answers in English too', async () => {
  const { page } = app;
  const shell = new ShellPage(page);
  const login = new LoginPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  expect(await shell.navItem('users').innerText()).toBe('Pengguna & Peran');

  await shell.switchLanguage('en');
  expect(await shell.navItem('users').innerText()).toBe('Users & Roles');
  expect(await shell.syncChip.innerText()).toBe('Local only');

  // The choice survives a reload (and so does the session, within this window).
  await page.reload();
  await shell.waitUntilShown();
  expect(await shell.navItem('pos').innerText()).toBe('POS');

  await shell.signOut();
  await login.signIn(OWNER.username, 'not-the-password');
  // The message is the core's, in English because the renderer sends the chosen language.
  await shell.snackbar.filter({ hasText: 'Wrong username or password.' }).waitFor();
  await login.waitUntilShown();
});
