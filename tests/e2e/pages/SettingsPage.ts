import type { Locator, Page } from 'playwright-core';

export class SettingsPage {
  constructor(private readonly page: Page) {}

  get form(): Locator {
    return this.page.getByTestId('settings-form');
  }

  async waitUntilShown(): Promise<void> {
    await this.form.waitFor();
  }

  /** Turns PKP on and pastes the shop's static QRIS, then saves and waits for the confirmation. */
  async setCounter(options: { pkp: boolean; qrisStatic: string }): Promise<void> {
    await this.waitUntilShown();
    const pkp = this.page.getByTestId('settings-pkp');
    if ((await pkp.isChecked()) !== options.pkp) await pkp.click();
    await this.page.getByTestId('settings-qris').fill(options.qrisStatic);
    await this.page.getByTestId('settings-save').click();
    await this.page.getByTestId('snackbar').filter({ hasText: 'Pengaturan disimpan.' }).waitFor();
  }
}
