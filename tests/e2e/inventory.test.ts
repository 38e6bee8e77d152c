import { expect, test } from 'vitest';
import { InventoryPage } from './pages/InventoryPage';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { ShellPage } from './pages/ShellPage';
import { appPerTest } from './support/app-per-test';
import { watchBearerToken } from './support/bearer-token';
import { OWNER } from './support/owner';
import { createProduct, ipc, receiveStock, stockOf, warehouses, type Warehouse } from './support/shop';

const PRODUCT = {
  name: 'Beras Pandan Wangi 5kg',
  sku: 'BERAS-PW-5',
  barcode: '8991002101074',
  price: 78_000,
};

const app = appPerTest();

test('a transfer of 10 leaves A at once, shows in transit at B, and lands in B when received; the history has both legs', async () => {
  const { page } = app;
  const bearer = watchBearerToken(page);
  const shell = new ShellPage(page);
  const inventory = new InventoryPage(page);

  await page.goto('/');
  await new SetupWizardPage(page).complete(OWNER);
  await shell.waitUntilShown();
  await shell.branchName.filter({ hasText: OWNER.branchName }).waitFor();

  // Setup over HTTP: a second warehouse, the product, 30 units in A.
  const token = bearer();
  const [a] = await warehouses(page, token);
  const b = await ipc<Warehouse>(page, token, 'inventory.warehouses.create', {
    code: 'WH-GDG',
    name: 'Gudang Belakang',
  });
  if (!a) throw new Error('setup: the shop warehouse is missing');
  const product = await createProduct(page, token, PRODUCT);
  const itemId = product.items[0]!.id;
  await receiveStock(page, token, a.id, itemId, 30, 70_000);

  await shell.navigate('inventory');
  await inventory.sendTransfer({
    from: `${a.code} — ${a.name}`,
    to: `${b.code} — ${b.name}`,
    sku: PRODUCT.sku,
    quantity: 10,
  });
  const number = await inventory.latestTransferNumber();
  expect(await inventory.transferRow(number).getAttribute('data-status')).toBe('in_transit');

  // A fell at send; B has nothing yet but 10 on the way.
  await inventory.showStock(PRODUCT.sku);
  await expect.poll(() => inventory.onHand(PRODUCT.sku, a.code)).toBe('20');
  expect(await inventory.onHand(PRODUCT.sku, b.code)).toBe('0');
  expect(await inventory.inTransit(PRODUCT.sku, b.code)).toBe('10');

  await inventory.openTab('transfers');
  await inventory.receiveTransfer(number);
  await expect.poll(() => inventory.transferRow(number).getAttribute('data-status')).toBe('received');

  await inventory.showStock(PRODUCT.sku);
  await expect.poll(() => inventory.onHand(PRODUCT.sku, b.code)).toBe('10');
  expect(await inventory.inTransit(PRODUCT.sku, b.code)).toBe('–');
  expect(await inventory.onHand(PRODUCT.sku, a.code)).toBe('20');
  expect((await stockOf(page, token, itemId, b.id)).onHand).toBe(10);

  // The item's history across warehouses: out of A, into B.
  await inventory.stockRow(PRODUCT.sku, b.code).click();
  const history = page.getByTestId('stock-history');
  await history.waitFor();
  await page.getByTestId('stock-history-warehouse').selectOption({ value: '' });
  await page.getByTestId('movement-transfer_in').waitFor();
  const out = page.getByTestId('movement-transfer_out');
  const into = page.getByTestId('movement-transfer_in');
  expect(await out.getByTestId('movement-quantity').innerText()).toBe('-10');
  expect(await into.getByTestId('movement-quantity').innerText()).toBe('+10');
  expect(await out.innerText()).toContain(a.code);
  expect(await into.innerText()).toContain(b.code);
});
