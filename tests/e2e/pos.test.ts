import { expect, test } from 'vitest';
import { isValidEan13 } from '../../shared/domain/barcode';
import { formatRupiah } from '../../shared/domain/money';
import { priceCart } from '../../shared/domain/pricing';
import { InventoryPage } from './pages/InventoryPage';
import { PosPage } from './pages/PosPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';
import { ipc, receiveStock, staticQris, stockOf, warehouses } from './support/shop';

const PRODUCT = {
  name: 'Kopi Susu Gula Aren 250ml',
  sku: 'KOPI-AREN-250',
  barcode: '8991002101067',
  price: 12_500,
};
const FLOAT = 200_000;
const QRIS_PART = 10_000;
const CASH_NOTE = 20_000;

const app = appPerTest();

test('a scanned item is sold for cash + QRIS with PPN on the receipt, stock falls, and the drawer count shows its variance', async () => {
  const { page } = app;
  const bearer = watchBearerToken(page);
  const shell = new ShellPage(page);
  const inventory = new InventoryPage(page);
  const pos = new PosPage(page);
  expect(isValidEan13(PRODUCT.barcode)).toBe(true);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.branchName.filter({ hasText: OWNER.branchName }).waitFor();

  // The product through the inventory screen; its stock by a goods receipt over HTTP (setup only).
  await shell.navigate('inventory');
  await inventory.createProduct(PRODUCT);
  const token = bearer();
  const [hit] = await ipc<{ itemId: string }[]>(page, token, 'catalog.products.search', {
    query: PRODUCT.barcode,
  });
  const [shop] = await warehouses(page, token);
  if (!hit || !shop) throw new Error('setup: no item or no warehouse');
  await receiveStock(page, token, shop.id, hit.itemId, 24, 9_000);

  // The branch becomes PKP and takes QRIS: both through Settings.
  await shell.navigate('settings');
  await new SettingsPage(page).setCounter({ pkp: true, qrisStatic: staticQris() });

  await shell.navigate('pos');
  await pos.openShift(FLOAT);
  await expect.poll(() => pos.searchHasFocus()).toBe(true);

  // Two scans of the same barcode: one line, quantity 2.
  await pos.scan(PRODUCT.barcode);
  await pos.cartLine(PRODUCT.sku).waitFor();
  // The keystrokes came as a burst, so the till took them as a scan (exact barcode), not a search.
  expect(await pos.lastAddedVia()).toBe('scan');
  await pos.scan(PRODUCT.barcode);
  await expect.poll(() => pos.quantity(PRODUCT.sku)).toBe('2');

  const priced = priceCart([{ unitPrice: PRODUCT.price, quantity: 2, taxMode: 'included' }], undefined, {
    ratePercent: 12,
    dppNumerator: 11,
    dppDenominator: 12,
  });
  expect(await page.getByTestId('pos-total').innerText()).toBe(formatRupiah(priced.total));
  expect(await page.getByTestId('pos-ppn').innerText()).toBe(formatRupiah(priced.ppn));

  await pos.paySplit({ qris: QRIS_PART, quickCash: CASH_NOTE });
  const cashPart = priced.total - QRIS_PART;
  const change = CASH_NOTE - cashPart;
  expect(await page.getByTestId('pay-change').innerText()).toBe(formatRupiah(change));
  expect(await page.getByTestId('pos-qris-amount').innerText()).toBe(formatRupiah(QRIS_PART));
  await pos.completePayment();

  expect(await page.getByTestId('receipt-change').innerText()).toBe(formatRupiah(change));
  expect(await pos.receiptFrame.getAttribute('sandbox')).toBe('');
  const receipt = await pos.receiptText();
  expect(receipt).toContain(PRODUCT.name);
  expect(receipt).toMatch(new RegExp(`2 x ${formatRupiah(PRODUCT.price)}`));
  expect(receipt).toMatch(new RegExp(`PPN .*${formatRupiah(priced.ppn)}`));
  expect(receipt).toMatch(new RegExp(`TOTAL\\s+${formatRupiah(priced.total)}`));
  expect(receipt).toMatch(new RegExp(`QRIS\\s+${formatRupiah(QRIS_PART)}`));
  expect(receipt).toMatch(new RegExp(`Kembali\\s+${formatRupiah(change)}`));
  await pos.newSale();
  await page.getByTestId('pos-cart-empty').waitFor();

  // The core's ledger agrees: two fewer in the shift's warehouse.
  expect((await stockOf(page, token, hit.itemId, shop.id)).onHand).toBe(22);

  // The drawer should hold the float plus the cash kept; count Rp 1.000 less.
  const expected = FLOAT + cashPart;
  const counted = expected - 1_000;
  const hundreds = Math.floor(counted / 100_000);
  const rest = counted - hundreds * 100_000;
  await pos.closeShift({ 100000: hundreds, 1000: rest / 1_000 });
  expect(await page.getByTestId('shift-closed-expected').innerText()).toBe(formatRupiah(expected));
  expect(await page.getByTestId('shift-closed-counted').innerText()).toBe(formatRupiah(counted));
  expect(await pos.closedVariance.getAttribute('data-variance')).toBe('-1000');
  expect(await pos.closedVariance.innerText()).toBe(`−${formatRupiah(1_000)}`);
  await page.getByTestId('shift-report-Z').waitFor();
});
