import type { Locator, Page } from 'playwright-core';

export type NavRoute =
  | 'dashboard'
  | 'pos'
  | 'inventory'
  | 'orders'
  | 'customers'
  | 'map'
  | 'subscriptions'
  | 'billing'
  | 'network'
  | 'reports'
  | 'settings'
  | 'users'
  | 'audit'
  | 'backup'
  | 'notifications';

export class ShellPage {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('app-shell');
  }

  get branchName(): Locator {
    return this.page.getByTestId('brand-subtitle');
  }

  get userName(): Locator {
    return this.page.getByTestId('user-menu-name');
  }

  get syncChip(): Locator {
    return this.page.getByTestId('sync-chip');
  }

  get snackbar(): Locator {
    return this.page.getByTestId('snackbar');
  }

  navItem(route: NavRoute): Locator {
    return this.page.getByTestId(`nav-${route}`);
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor();
  }

  async navigate(route: NavRoute): Promise<void> {
    await this.navItem(route).click();
  }

  /** The routes the left navigation offers, in order. */
  async visibleRoutes(): Promise<string[]> {
    const ids = await this.page
      .getByTestId('side-nav')
      .locator('[data-testid^="nav-"]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-testid') ?? ''));
    return ids.map((id) => id.replace(/^nav-/, ''));
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('user-menu-logout').click();
  }

  async switchLanguage(locale: 'id' | 'en'): Promise<void> {
    await this.page.getByTestId('language-switch').click();
    await this.page.getByTestId(`language-${locale}`).click();
  }
}
