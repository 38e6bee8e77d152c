import type { Locator, Page } from 'playwright-core';

export type NewUser = { username: string; name: string; password: string; roleLabel: string };

export class UsersPage {
  constructor(private readonly page: Page) {}

  get table(): Locator {
    return this.page.getByTestId('users-table');
  }

  row(username: string): Locator {
    return this.page.getByTestId(`user-row-${username}`);
  }

  async waitUntilShown(): Promise<void> {
    await this.table.waitFor();
  }

  /** Adds a user through the "Add user" dialog and waits for the row to appear. */
  async createUser(user: NewUser): Promise<void> {
    await this.page.getByTestId('users-add').click();
    const dialog = this.page.getByTestId('user-create-dialog');
    await dialog.waitFor();
    await this.page.getByTestId('user-create-username').fill(user.username);
    await this.page.getByTestId('user-create-name').fill(user.name);
    await this.page.getByTestId('user-create-password').fill(user.password);
    await this.page.getByTestId('user-create-role').selectOption({ label: user.roleLabel });
    await this.page.getByTestId('user-create-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await this.row(user.username).waitFor();
  }
}
