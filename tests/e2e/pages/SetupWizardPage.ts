import type { Locator, Page } from 'playwright-core';

export type OwnerSetup = { branchName: string; name: string; username: string; password: string };

export class SetupWizardPage {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('setup-wizard');
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor();
  }

  /** Step 1 names the branch, step 2 creates the owner; the app then signs the owner in. */
  async complete(owner: OwnerSetup): Promise<void> {
    await this.waitUntilShown();
    await this.page.getByTestId('setup-branch-name').fill(owner.branchName);
    await this.page.getByTestId('setup-next').click();
    await this.page.getByTestId('setup-owner-name').fill(owner.name);
    await this.page.getByTestId('setup-username').fill(owner.username);
    await this.page.getByTestId('setup-password').fill(owner.password);
    await this.page.getByTestId('setup-password-confirm').fill(owner.password);
    await this.page.getByTestId('setup-submit').click();
  }
}
