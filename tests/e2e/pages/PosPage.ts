import type { Locator, Page } from 'playwright-core';

export class PosPage {
  constructor(private readonly page: Page) {}

  get search(): Locator {
    return this.page.getByTestId('pos-search');
  }

  /** The till keeps the focus in the search box, where the scanner types. */
  async searchHasFocus(): Promise<boolean> {
    return this.search.evaluate((input) => input === input.ownerDocument.activeElement);
  }

  cartLine(sku: string): Locator {
    return this.page.getByTestId(`cart-line-${sku}`);
  }

  get receiptFrame(): Locator {
    return this.page.getByTestId('receipt-frame');
  }

  /** "Buka shift" with the drawer's opening float; the counter appears with the search focused. */
  async openShift(openingFloat: number): Promise<void> {
    await this.page.getByTestId('pos-open-shift').waitFor();
    await this.page.getByTestId('pos-shift-float').fill(String(openingFloat));
    await this.page.getByTestId('pos-shift-open').click();
    await this.page.getByTestId('pos-counter').waitFor();
    await this.search.waitFor();
  }

  /**
   * A barcode scanner is a keyboard: the digits arrive a few ms apart and end with Enter, into
   * whatever has the focus (the till keeps it on the search box).
   */
  async scan(code: string): Promise<void> {
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** How the last item got into the cart: 'scan' (exact code from a fast burst) or 'search'. */
  async lastAddedVia(): Promise<string | null> {
    return this.page.getByTestId('pos-scan-flash').getAttribute('data-via');
  }

  async quantity(sku: string): Promise<string> {
    return this.page.getByTestId(`cart-line-qty-${sku}`).inputValue();
  }

  /** F9, then a QRIS part of `qris` and cash from a quick-cash button; waits for the QR code. */
  async paySplit(options: { qris: number; quickCash: number }): Promise<void> {
    await this.page.keyboard.press('F9');
    await this.page.getByTestId('pos-pay-dialog').waitFor();
    await this.page.getByTestId('pay-add-qris').click();
    await this.page.getByTestId('pay-amount-qris').fill(String(options.qris));
    await this.page.getByTestId(`pay-quick-${options.quickCash}`).click();
    await this.page.getByTestId('pos-qris-image').waitFor();
  }

  async completePayment(): Promise<void> {
    await this.page.getByTestId('pay-submit').click();
    await this.receiptFrame.waitFor();
  }

  /** What the receipt preview shows (the sandboxed frame's text). */
  async receiptText(): Promise<string> {
    return this.page.frameLocator('[data-testid="receipt-frame"]').locator('body').innerText();
  }

  async newSale(): Promise<void> {
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('pos-receipt-dialog').waitFor({ state: 'detached' });
  }

  /** Shift & cash › Close shift, counting the drawer by denomination (value → pieces). */
  async closeShift(count: Record<number, number>): Promise<void> {
    await this.page.getByTestId('pos-shift-open').click();
    await this.page.getByTestId('shift-open-close').click();
    for (const [value, pieces] of Object.entries(count)) {
      await this.page.getByTestId(`shift-count-${value}`).fill(String(pieces));
    }
    await this.page.getByTestId('shift-close-submit').click();
    await this.page.getByTestId('shift-close-confirm-confirm').click();
    await this.page.getByTestId('shift-closed-summary').waitFor();
  }

  get closedVariance(): Locator {
    return this.page.getByTestId('shift-closed-variance');
  }
}
