import type { Locator, Page } from 'playwright-core';

export type RouterForm = { name: string; host: string; port: number; username: string; password: string };

export class NetworkPage {
  constructor(private readonly page: Page) {}

  async openTab(tab: 'routers' | 'ppp' | 'hotspot' | 'jobs' | 'drift'): Promise<void> {
    await this.page.getByTestId(`network-tab-${tab}`).click();
    await this.page.getByTestId(`network-panel-${tab}`).waitFor();
  }

  async addRouter(router: RouterForm): Promise<void> {
    await this.page.getByTestId('router-new').click();
    await this.page.getByTestId('router-dialog').waitFor();
    await this.page.getByTestId('router-name').fill(router.name);
    await this.page.getByTestId('router-host').fill(router.host);
    await this.page.getByTestId('router-port').fill(String(router.port));
    await this.page.getByTestId('router-username').fill(router.username);
    await this.page.getByTestId('router-password').fill(router.password);
    await this.page.getByTestId('router-submit').click();
    await this.page.getByTestId('router-dialog').waitFor({ state: 'detached' });
    await this.routerRow(router.name).waitFor();
  }

  routerRow(name: string): Locator {
    return this.page.getByTestId(`router-row-${name}`);
  }

  /** Tests the connection and answers the result line's text and whether it says online. */
  async testRouter(name: string): Promise<{ online: boolean; text: string }> {
    await this.page.getByTestId(`router-test-${name}`).click();
    const result = this.page.getByTestId('router-test-result');
    await result.waitFor();
    return { online: (await result.getAttribute('data-online')) === 'true', text: await result.innerText() };
  }

  async watchInterface(name: string): Promise<void> {
    await this.page.getByTestId('router-dashboard').waitFor();
    await this.page.getByTestId(`dash-interface-${name}`).click();
    await this.page.getByTestId('traffic-chart').waitFor();
  }

  get currentRx(): Locator {
    return this.page.getByTestId('traffic-rx');
  }

  async generateVouchers(options: { count: number; comment: string; price: number }): Promise<void> {
    await this.page.getByTestId('voucher-new').click();
    await this.page.getByTestId('voucher-dialog').waitFor();
    await this.page.getByTestId('voucher-count').fill(String(options.count));
    await this.page.getByTestId('voucher-price').fill(String(options.price));
    await this.page.getByTestId('voucher-comment').fill(options.comment);
    await this.page.getByTestId('voucher-submit').click();
    await this.page.getByTestId('voucher-batch').waitFor();
  }

  get printButton(): Locator {
    return this.page.getByTestId('voucher-print');
  }

  get printedCards(): Locator {
    return this.page.getByTestId('voucher-cards');
  }
}
