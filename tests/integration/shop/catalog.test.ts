import { describe, expect, it } from 'vitest';
import { gtinCheckDigit } from '../../../shared/domain/barcode';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { onHandRow, openShop, useLedgerCheck, type Shop } from '../support/shop';

useTestCores();
useLedgerCheck();

/** A valid EAN-13 from its first twelve digits. */
function ean13(first12: string): string {
  return first12 + String(gtinCheckDigit(first12));
}

/** The same code with a check digit that is off by one. */
function wrongCheckDigit(code: string): string {
  return code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
}

async function search(shop: Shop, query: string, extra: { includeArchived?: boolean } = {}) {
  return unwrap(await shop.t.call('catalog.products.search', { query, ...extra }, shop.owner.token));
}

describe('products and variants', () => {
  it('creates one item per variant, named after the product and its attributes, in the order given', async () => {
    const shop = await openShop();
    const product = await shop.product('Kaos Polos', [
      { sku: 'kp-s', attributes: { ukuran: 'S' }, price: 45_000 },
      { sku: 'KP-M', attributes: { ukuran: 'M' }, price: 45_000 },
      { sku: 'KP-L', attributes: { ukuran: 'L' }, price: 47_500 },
      { sku: 'KP-XL', attributes: { ukuran: 'XL' }, price: 50_000 },
    ]);
    expect(product.items.map((i) => i.name)).toEqual([
      'Kaos Polos S',
      'Kaos Polos M',
      'Kaos Polos L',
      'Kaos Polos XL',
    ]);
    // SKUs are stored in upper case, so "kp-s" and "KP-S" are the same code.
    expect(product.items.map((i) => i.sku)).toEqual(['KP-S', 'KP-M', 'KP-L', 'KP-XL']);
    const again = unwrap(await shop.t.call('catalog.products.get', { id: product.id }, shop.owner.token));
    expect(again.items.map((i) => [i.name, i.attributes, i.price])).toEqual([
      ['Kaos Polos S', { ukuran: 'S' }, 45_000],
      ['Kaos Polos M', { ukuran: 'M' }, 45_000],
      ['Kaos Polos L', { ukuran: 'L' }, 47_500],
      ['Kaos Polos XL', { ukuran: 'XL' }, 50_000],
    ]);
  });

  it('refuses a SKU or barcode already in the store with CONFLICT naming the item field, and writes nothing', async () => {
    const shop = await openShop();
    const barcode = ean13('899100210001');
    await shop.product('Teh Botol', [{ sku: 'TB-350', barcode, price: 5_000 }]);
    const products = async () => unwrap(await shop.t.call('catalog.products.list', {}, shop.owner.token));

    const sku = await shop.t.call(
      'catalog.products.create',
      {
        name: 'Teh Kotak',
        items: [
          { sku: 'TK-200', price: 4_000 },
          { sku: 'tb-350', price: 4_500 },
        ],
      },
      shop.owner.token,
    );
    expect(sku).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { 'items.1.sku': expect.any(String) } },
    });

    const code = await shop.t.call(
      'catalog.products.create',
      { name: 'Teh Kotak', items: [{ sku: 'TK-200', barcode, price: 4_000 }] },
      shop.owner.token,
    );
    expect(code).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { 'items.0.barcode': expect.any(String) } },
    });
    expect((await products()).total).toBe(1);
  });

  it('refuses an EAN-13 whose check digit is wrong with VALIDATION on that barcode', async () => {
    const shop = await openShop();
    const good = ean13('899276113601');
    const result = await shop.t.call(
      'catalog.products.create',
      { name: 'Sabun Mandi', items: [{ sku: 'SB-01', barcode: wrongCheckDigit(good), price: 3_500 }] },
      shop.owner.token,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'items.0.barcode': 'check digit is wrong' } },
    });
    // The right check digit is accepted; an internal code that is not a GTIN length is not checked.
    await shop.product('Sabun Mandi', [
      { sku: 'SB-01', barcode: good, price: 3_500 },
      { sku: 'SB-02', barcode: 'INT-0042', price: 3_500, attributes: { wangi: 'Lemon' } },
    ]);
  });

  it('update changes named items, adds new ones, and renames the rest with the product', async () => {
    const shop = await openShop();
    const product = await shop.product('Kaos Polos', [
      { sku: 'KP-S', attributes: { ukuran: 'S' }, price: 45_000 },
      { sku: 'KP-M', attributes: { ukuran: 'M' }, price: 45_000 },
    ]);
    const [small, medium] = product.items;
    const updated = unwrap(
      await shop.t.call(
        'catalog.products.update',
        {
          id: product.id,
          name: 'Kaos Katun',
          items: [
            { id: medium!.id, sku: 'KP-M', attributes: { ukuran: 'M' }, price: 48_000, lowStockThreshold: 3 },
            { sku: 'KP-XL', attributes: { ukuran: 'XL' }, price: 52_000 },
          ],
        },
        shop.owner.token,
      ),
    );
    expect(updated.items.map((i) => [i.id, i.name, i.sku, i.price])).toEqual([
      [small!.id, 'Kaos Katun S', 'KP-S', 45_000],
      [medium!.id, 'Kaos Katun M', 'KP-M', 48_000],
      [expect.any(String), 'Kaos Katun XL', 'KP-XL', 52_000],
    ]);
    expect(updated.items[1]!.lowStockThreshold).toBe(3);

    // Product fields alone (no items named) leave every item as it was.
    const described = unwrap(
      await shop.t.call(
        'catalog.products.update',
        { id: product.id, description: 'Katun combed 30s' },
        shop.owner.token,
      ),
    );
    expect(described.description).toBe('Katun combed 30s');
    expect(described.items).toEqual(updated.items);

    // Changing an item to a SKU another item holds is a CONFLICT on that item.
    const clash = await shop.t.call(
      'catalog.products.update',
      { id: product.id, items: [{ id: small!.id, sku: 'KP-XL', price: 45_000 }] },
      shop.owner.token,
    );
    expect(clash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { 'items.0.sku': expect.any(String) } },
    });
  });

  it('archiving hides a product from search and the till; restoring brings it back', async () => {
    const shop = await openShop();
    const product = await shop.product('Minyak Goreng Curah', [{ sku: 'MG-1L', price: 17_000 }]);
    const itemId = product.items[0]!.id;
    await shop.receive(itemId, 10);
    await shop.openShift();
    expect((await search(shop, 'minyak')).map((h) => h.itemId)).toEqual([itemId]);

    const archived = unwrap(
      await shop.t.call('catalog.products.archive', { id: product.id }, shop.owner.token),
    );
    expect(archived.archived).toBe(true);
    expect(archived.items.every((i) => i.archived)).toBe(true);
    expect(await search(shop, 'minyak')).toEqual([]);
    expect(await search(shop, 'MG-1L')).toEqual([]);
    expect((await search(shop, 'minyak', { includeArchived: true })).map((h) => h.itemId)).toEqual([itemId]);

    const sale = await shop.sell({
      lines: [{ itemId, quantity: 1 }],
      payments: [{ method: 'cash', amount: 17_000 }],
    });
    expect(sale).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.itemId': 'archived' } },
    });
    // Stock levels list only live items, so read the balance itself.
    expect(onHandRow(shop.sqlite, itemId, shop.warehouseId)).toBe(10);

    unwrap(
      await shop.t.call('catalog.products.archive', { id: product.id, archived: false }, shop.owner.token),
    );
    expect((await search(shop, 'minyak')).map((h) => h.itemId)).toEqual([itemId]);
    expect(
      codeOf(
        await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: [{ method: 'cash', amount: 17_000 }] }),
      ),
    ).toBe('ok');
  });
});

describe('search', () => {
  async function stockedShop() {
    const shop = await openShop();
    const barcode = ean13('899686630001');
    const rendang = await shop.product('Indomie Goreng Rendang', [{ sku: 'IDM-GR', barcode, price: 3_500 }]);
    const soto = await shop.product('Indomie Soto', [{ sku: 'IDM-SOTO', price: 3_200 }]);
    // Its SKU holds the barcode as a substring, so a substring search would find it too.
    const bundle = await shop.product('Paket Mie Lima', [{ sku: `P5-${barcode}`, price: 16_000 }]);
    const kopi = await shop.product('Kopi Kapal Api', [{ sku: 'KKA-165', price: 14_000 }], {
      tags: ['kopi', 'sachet'],
    });
    return { shop, barcode, rendang, soto, bundle, kopi };
  }

  it('answers a scanned barcode with exactly that item (the scanner path does no text search)', async () => {
    const { shop, barcode, rendang, bundle } = await stockedShop();
    const hits = await search(shop, barcode);
    expect(hits.map((h) => h.itemId)).toEqual([rendang.items[0]!.id]);
    // Part of the code is a substring search: both the item and the bundle whose SKU holds it.
    const partial = await search(shop, barcode.slice(3));
    expect(partial.map((h) => h.itemId).sort()).toEqual([rendang.items[0]!.id, bundle.items[0]!.id].sort());
  });

  it('finds a word inside a name (trigram substring), case-insensitively', async () => {
    const { shop, rendang } = await stockedShop();
    expect((await search(shop, 'goreng')).map((h) => h.name)).toEqual(['Indomie Goreng Rendang']);
    expect((await search(shop, 'RENDANG')).map((h) => h.itemId)).toEqual([rendang.items[0]!.id]);
    expect((await search(shop, 'mie goreng')).map((h) => h.name)).toEqual(['Indomie Goreng Rendang']);
    // Tags are searchable too.
    expect((await search(shop, 'sachet')).map((h) => h.name)).toEqual(['Kopi Kapal Api']);
  });

  it('matches one or two characters as a prefix of the name or SKU', async () => {
    const { shop } = await stockedShop();
    expect((await search(shop, 'in')).map((h) => h.name).sort()).toEqual([
      'Indomie Goreng Rendang',
      'Indomie Soto',
    ]);
    expect((await search(shop, 'k')).map((h) => h.name)).toEqual(['Kopi Kapal Api']);
    // "mi" is inside "Indomie" but not at the start of any name or SKU.
    expect(await search(shop, 'mi')).toEqual([]);
  });

  it('leaves archived products out', async () => {
    const { shop, soto } = await stockedShop();
    unwrap(await shop.t.call('catalog.products.archive', { id: soto.id }, shop.owner.token));
    expect((await search(shop, 'indomie')).map((h) => h.name)).toEqual(['Indomie Goreng Rendang']);
    expect((await search(shop, 'in')).map((h) => h.name)).toEqual(['Indomie Goreng Rendang']);
    expect(await search(shop, 'IDM-SOTO')).toEqual([]);
  });

  it('shows on-hand for the asked warehouse', async () => {
    const { shop, kopi } = await stockedShop();
    await shop.receive(kopi.items[0]!.id, 7);
    const [hit] = unwrap(
      await shop.t.call(
        'catalog.products.search',
        { query: 'kopi', warehouseId: shop.warehouseId },
        shop.owner.token,
      ),
    );
    expect(hit).toMatchObject({ name: 'Kopi Kapal Api', onHand: 7, price: 14_000 });
  });
});

describe('price lists with quantity breaks', () => {
  it('charges a group member the list price for the quantity, and a walk-in the retail price', async () => {
    const shop = await openShop();
    const itemId = await shop.item('GULA-1KG', 5_000);
    await shop.receive(itemId, 100);
    await shop.openShift();
    const member = unwrap(await shop.t.call('catalog.priceLists.list', {}, shop.owner.token)).find(
      (l) => l.key === 'member',
    )!;
    unwrap(
      await shop.t.call(
        'catalog.priceLists.setPrice',
        { priceListId: member.id, itemId, minQuantity: 1, price: 4_500 },
        shop.owner.token,
      ),
    );
    const prices = unwrap(
      await shop.t.call(
        'catalog.priceLists.setPrice',
        { priceListId: member.id, itemId, minQuantity: 10, price: 4_000 },
        shop.owner.token,
      ),
    );
    expect(prices.map((p) => [p.minQuantity, p.price, p.retailPrice])).toEqual([
      [1, 4_500, 5_000],
      [10, 4_000, 5_000],
    ]);
    const group = unwrap(
      await shop.t.call(
        'catalog.customerGroups.create',
        { name: 'Warung Langganan', priceListId: member.id },
        shop.owner.token,
      ),
    );
    const customerId = await shop.customer('Warung Bu Tini', group.id);
    const pay = [{ method: 'cash' as const, amount: 100_000 }];

    const few = unwrap(await shop.sell({ customerId, lines: [{ itemId, quantity: 3 }], payments: pay }));
    expect(few.lines[0]).toMatchObject({ unitPrice: 4_500, total: 13_500 });
    expect(few.customer).toMatchObject({ id: customerId, name: 'Warung Bu Tini' });

    const many = unwrap(await shop.sell({ customerId, lines: [{ itemId, quantity: 12 }], payments: pay }));
    expect(many.lines[0]).toMatchObject({ unitPrice: 4_000, total: 48_000 });

    const walkIn = unwrap(await shop.sell({ lines: [{ itemId, quantity: 12 }], payments: pay }));
    expect(walkIn.lines[0]).toMatchObject({ unitPrice: 5_000, total: 60_000 });

    // A customer without a group pays retail too.
    const stranger = await shop.customer('Pak Joko');
    const plain = unwrap(
      await shop.sell({ customerId: stranger, lines: [{ itemId, quantity: 3 }], payments: pay }),
    );
    expect(plain.lines[0]!.unitPrice).toBe(5_000);

    // Removing the break (price null) falls back to the next lower one.
    unwrap(
      await shop.t.call(
        'catalog.priceLists.setPrice',
        { priceListId: member.id, itemId, minQuantity: 10, price: null },
        shop.owner.token,
      ),
    );
    const after = unwrap(await shop.sell({ customerId, lines: [{ itemId, quantity: 12 }], payments: pay }));
    expect(after.lines[0]!.unitPrice).toBe(4_500);
    shop.expectLedgerConsistent();
  });

  it('keeps retail prices on the product: the retail list cannot be given prices', async () => {
    const shop = await openShop();
    const itemId = await shop.item('GULA-1KG', 5_000);
    const retail = unwrap(await shop.t.call('catalog.priceLists.list', {}, shop.owner.token)).find(
      (l) => l.key === 'retail',
    )!;
    const result = await shop.t.call(
      'catalog.priceLists.setPrice',
      { priceListId: retail.id, itemId, price: 4_000 },
      shop.owner.token,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { priceListId: expect.any(String) } },
    });
  });
});
