import type { Page } from 'playwright-core';
import { crc16Ccitt, formatTlv } from '../../../shared/domain/qris';
import { callFromPage } from './bearer-token';

/** A static QRIS as a bank prints it on the counter sticker: EMVCo TLV with a valid CRC. */
export function staticQris(merchant = 'TOKO MAJU JAYA', city = 'JAKARTA'): string {
  const body =
    formatTlv([
      { tag: '00', value: '01' },
      { tag: '01', value: '11' },
      {
        tag: '26',
        value: formatTlv([
          { tag: '00', value: 'ID.CO.QRIS.WWW' },
          { tag: '01', value: '936000140000012345' },
          { tag: '02', value: 'ID1025000012345' },
          { tag: '03', value: 'UMI' },
        ]),
      },
      { tag: '52', value: '5411' },
      { tag: '53', value: '360' },
      { tag: '58', value: 'ID' },
      { tag: '59', value: merchant },
      { tag: '60', value: city },
    ]) + '6304';
  return body + crc16Ccitt(body);
}

type Answer<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Calls a channel as the signed-in person (setup only; the flows under test go through the UI). */
export async function ipc<T>(page: Page, token: string, channel: string, input: unknown): Promise<T> {
  const answer = await callFromPage(page, channel, input, token);
  const body = answer.body as Answer<T>;
  if (!body.ok) throw new Error(`${channel} failed: ${body.error.code} ${body.error.message}`);
  return body.data;
}

export type Warehouse = { id: string; code: string; name: string };
export type Product = {
  id: string;
  name: string;
  items: { id: string; sku: string; barcode: string | null; price: number }[];
};
export type StockLevel = { itemId: string; warehouseId: string; onHand: number; inTransit: number };

export function warehouses(page: Page, token: string): Promise<Warehouse[]> {
  return ipc<Warehouse[]>(page, token, 'inventory.warehouses.list', {});
}

export function createProduct(
  page: Page,
  token: string,
  product: {
    name: string;
    sku: string;
    barcode?: string;
    price: number;
    cost?: number;
    taxMode?: 'included' | 'excluded' | 'exempt';
  },
): Promise<Product> {
  return ipc<Product>(page, token, 'catalog.products.create', {
    name: product.name,
    taxMode: product.taxMode ?? 'included',
    items: [
      { sku: product.sku, barcode: product.barcode ?? null, price: product.price, cost: product.cost ?? 0 },
    ],
  });
}

export function receiveStock(
  page: Page,
  token: string,
  warehouseId: string,
  itemId: string,
  quantity: number,
  unitCost = 0,
) {
  return ipc(page, token, 'inventory.stock.receive', {
    warehouseId,
    lines: [{ itemId, quantity, unitCost }],
  });
}

/** On hand of one item in one warehouse, as the core reports it. */
export async function stockOf(
  page: Page,
  token: string,
  itemId: string,
  warehouseId: string,
): Promise<StockLevel> {
  const { levels } = await ipc<{ levels: StockLevel[] }>(page, token, 'inventory.stock.levels', {
    itemId,
    warehouseId,
  });
  const level = levels[0];
  if (!level) throw new Error(`no stock level for ${itemId} in ${warehouseId}`);
  return level;
}
