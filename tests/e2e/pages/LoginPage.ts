import type { Locator, Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('login-screen');
  }

  /** Why the person is on the login screen (session ended elsewhere, restore, …). */
  get notice(): Locator {
    return this.page.getByTestId('login-notice');
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor();
  }

  /** Fills the form and submits it with Enter, as people do. */
  async signIn(username: string, password: string): Promise<void> {
    await this.waitUntilShown();
    await this.page.getByTestId('login-username').fill(username);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-password').press('Enter');
  }
}
