import type { Locator, Page } from 'playwright-core';

export type InventoryTab =
  'products' | 'stock' | 'transfers' | 'counts' | 'reviews' | 'prices' | 'warehouses' | 'io';
export type NewProduct = { name: string; sku: string; barcode: string; price: number };

export class InventoryPage {
  constructor(private readonly page: Page) {}

  async openTab(tab: InventoryTab): Promise<void> {
    await this.page.getByTestId(`inventory-tab-${tab}`).click();
    await this.page.getByTestId(`inventory-panel-${tab}`).waitFor();
  }

  /** Products › New product: one variant with SKU, barcode and price. */
  async createProduct(product: NewProduct): Promise<void> {
    await this.openTab('products');
    await this.page.getByTestId('product-add').click();
    const dialog = this.page.getByTestId('product-dialog');
    await dialog.waitFor();
    await this.page.getByTestId('product-name').fill(product.name);
    await this.page.getByTestId('variant-0-sku').fill(product.sku);
    await this.page.getByTestId('variant-0-barcode').fill(product.barcode);
    await this.page.getByTestId('variant-0-price').fill(String(product.price));
    await this.page.getByTestId('product-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByTestId(`product-row-${product.sku}`).waitFor();
  }

  stockRow(sku: string, warehouseCode: string): Locator {
    return this.page.getByTestId(`stock-row-${sku}-${warehouseCode}`);
  }

  async onHand(sku: string, warehouseCode: string): Promise<string> {
    return this.stockRow(sku, warehouseCode).getByTestId('stock-on-hand').innerText();
  }

  async inTransit(sku: string, warehouseCode: string): Promise<string> {
    return this.stockRow(sku, warehouseCode).getByTestId('stock-in-transit').innerText();
  }

  /** Stock tab filtered by a search, so the rows asked for are on the first page. */
  async showStock(query: string): Promise<void> {
    await this.openTab('stock');
    await this.page.getByTestId('stock-search').fill(query);
  }

  /**
   * Transfers › Send: warehouses by their label ("WH-01 — Toko"), the item by SKU (Enter, as a
   * scanner would), then the quantity.
   */
  async sendTransfer(options: { from: string; to: string; sku: string; quantity: number }): Promise<void> {
    await this.openTab('transfers');
    await this.page.getByTestId('transfer-new').click();
    const dialog = this.page.getByTestId('transfer-send-dialog');
    await dialog.waitFor();
    await this.page.getByTestId('transfer-from').selectOption({ label: options.from });
    await this.page.getByTestId('transfer-to').selectOption({ label: options.to });
    await this.page.getByTestId('transfer-item').fill(options.sku);
    await this.page.getByTestId('transfer-item').press('Enter');
    const quantity = this.page.getByTestId(`transfer-lines-${options.sku}-qty`);
    await quantity.fill(String(options.quantity));
    await this.page.getByTestId('transfer-send-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }

  transferRow(number: string): Locator {
    return this.page.getByTestId(`transfer-row-${number}`);
  }

  /** The newest transfer's number, as the list shows it. */
  async latestTransferNumber(): Promise<string> {
    const row = this.page.getByTestId('transfers-table').locator('[data-testid^="transfer-row-"]').first();
    await row.waitFor();
    const id = (await row.getAttribute('data-testid')) ?? '';
    return id.replace(/^transfer-row-/, '');
  }

  /** Receives everything still in transit (the dialog proposes it). */
  async receiveTransfer(number: string): Promise<void> {
    await this.page.getByTestId(`transfer-receive-${number}`).click();
    const dialog = this.page.getByTestId('transfer-receive-dialog');
    await dialog.waitFor();
    await this.page.getByTestId('transfer-receive-submit').click();
    await dialog.waitFor({ state: 'detached' });
  }
}
