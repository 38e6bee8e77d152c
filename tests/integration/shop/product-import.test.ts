import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index';
import { gtinCheckDigit } from '../../../shared/domain/barcode';
import { unwrap, useTestCores } from '../support/core-fixture';
import { countRows, openShop, type Shop } from '../support/shop';

useTestCores();

async function importCsv(shop: Shop, csv: string, dryRun = false) {
  return unwrap(await shop.t.call('inventory.import.products', { csv, dryRun }, shop.owner.token));
}

async function allProducts(shop: Shop): Promise<Product[]> {
  return unwrap(await shop.t.call('catalog.products.list', { limit: 500 }, shop.owner.token)).products;
}

/** What a product is, without the ids a store gives it: what must survive an export and re-import. */
function portable(products: Product[]) {
  return products
    .map((p) => ({
      name: p.name,
      category: p.categoryName,
      unit: p.unit,
      taxMode: p.taxMode,
      tags: p.tags,
      items: p.items
        .map((i) => ({
          sku: i.sku,
          barcode: i.barcode,
          name: i.name,
          attributes: i.attributes,
          price: i.price,
          cost: i.cost,
          negativePolicy: i.negativePolicy,
          lowStockThreshold: i.lowStockThreshold,
        }))
        .sort((a, b) => a.sku.localeCompare(b.sku)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.items[0]!.sku.localeCompare(b.items[0]!.sku));
}

describe('product CSV import', () => {
  it('reads a `;` file with Indonesian headers and "12.500"-style prices', async () => {
    const shop = await openShop();
    const csv = [
      'nama;sku;harga;kategori;satuan;modal',
      'Gula Pasir 1 kg;GP-1KG;12.500;Sembako;kg;11.000',
      'Minyak Goreng 2 L;MG-2L;Rp 35.900;Sembako;botol;',
    ].join('\n');
    expect(await importCsv(shop, csv)).toEqual({ imported: 2, errors: [] });
    const products = await allProducts(shop);
    expect(
      products.map((p) => [
        p.name,
        p.categoryName,
        p.unit,
        p.items[0]!.sku,
        p.items[0]!.price,
        p.items[0]!.cost,
      ]),
    ).toEqual([
      ['Gula Pasir 1 kg', 'Sembako', 'kg', 'GP-1KG', 12_500, 11_000],
      ['Minyak Goreng 2 L', 'Sembako', 'botol', 'MG-2L', 35_900, 0],
    ]);
    // One category made for both rows, not one per row.
    expect(unwrap(await shop.t.call('catalog.categories.list', {}, shop.owner.token))).toEqual([
      expect.objectContaining({ name: 'Sembako', productCount: 2 }),
    ]);
  });

  it('reads a `,` file with English headers, quoted fields and a byte-order mark', async () => {
    const shop = await openShop();
    const csv =
      '\ufeffname,sku,price,category\r\n"Kopi, Gula & Krimer 3in1",KGK-10,"15.000",Minuman\r\nAir Mineral 600 ml,AM-600,3500,Minuman\r\n';
    expect(await importCsv(shop, csv)).toEqual({ imported: 2, errors: [] });
    expect((await allProducts(shop)).map((p) => [p.name, p.items[0]!.price])).toEqual([
      ['Air Mineral 600 ml', 3_500],
      ['Kopi, Gula & Krimer 3in1', 15_000],
    ]);
  });

  it('imports nothing when any row is bad, and names every bad row and field', async () => {
    const shop = await openShop();
    await shop.item('SUDAH-ADA', 1_000);
    const csv = [
      'nama;sku;harga;barcode',
      'Baik Satu;OK-1;1.000;',
      ';OK-2;2.000;', // row 3: no name
      'Harga Desimal;OK-3;12,50;', // row 4: rupiah have no decimals
      'Kembar;OK-1;1.000;', // row 5: SKU already on row 2
      'Bentrok;sudah-ada;1.000;', // row 6: SKU already in the store
      `Barcode Salah;OK-7;1.000;899100210001${(gtinCheckDigit('899100210001') + 1) % 10}`, // row 7
      'Baik Dua;OK-8;8.000;',
    ].join('\n');
    const before = countRows(shop.sqlite, 'items');
    const result = await importCsv(shop, csv);
    expect(result.imported).toBe(0);
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'price'],
      [5, 'sku'],
      [6, 'sku'],
      [7, 'barcode'],
    ]);
    expect(result.errors.find((e) => e.row === 5)!.message).toMatch(/row 2/);
    expect(result.errors.find((e) => e.row === 6)!.message).toMatch(/already exists/);
    expect(countRows(shop.sqlite, 'items')).toBe(before);
    expect(countRows(shop.sqlite, 'products')).toBe(1);
    expect(countRows(shop.sqlite, 'categories')).toBe(0);
  });

  it('says which required column is missing', async () => {
    const shop = await openShop();
    const result = await importCsv(shop, 'nama;kode\nTeh;TEH-1\n');
    expect(result).toEqual({
      imported: 0,
      errors: [{ row: 1, field: 'price', message: expect.any(String) }],
    });
  });

  it('a dry run checks everything and writes nothing', async () => {
    const shop = await openShop();
    expect(await importCsv(shop, 'nama;sku;harga\nTeh;TEH-1;4.000\n', true)).toEqual({
      imported: 0,
      errors: [],
    });
    expect(countRows(shop.sqlite, 'items')).toBe(0);
  });

  it('groups rows with the same name and a variant into one product', async () => {
    const shop = await openShop();
    const csv = [
      'nama;sku;harga;varian',
      'Kaos Polos;KP-S;45.000;ukuran=S|warna=Hitam',
      'Kaos Polos;KP-M;45.000;ukuran=M|warna=Hitam',
      'Topi;TP-1;25.000;',
      'Kaos Polos;KP-L;47.500;ukuran=L|warna=Hitam',
    ].join('\n');
    expect(await importCsv(shop, csv)).toEqual({ imported: 4, errors: [] });
    const products = await allProducts(shop);
    expect(products.map((p) => p.name)).toEqual(['Kaos Polos', 'Topi']);
    expect(products[0]!.items.map((i) => [i.sku, i.name, i.attributes])).toEqual([
      ['KP-S', 'Kaos Polos S / Hitam', { ukuran: 'S', warna: 'Hitam' }],
      ['KP-M', 'Kaos Polos M / Hitam', { ukuran: 'M', warna: 'Hitam' }],
      ['KP-L', 'Kaos Polos L / Hitam', { ukuran: 'L', warna: 'Hitam' }],
    ]);
  });

  it('round-trips: what one store exports, a fresh store imports to the same catalog', async () => {
    const source = await openShop();
    const barcode = '899100210001' + String(gtinCheckDigit('899100210001'));
    const sembako = unwrap(
      await source.t.call('catalog.categories.create', { name: 'Sembako' }, source.owner.token),
    );
    await source.product(
      'Beras "Pandan Wangi"; 5 kg',
      [{ sku: 'BPW-5', barcode, price: 78_000, cost: 70_000, lowStockThreshold: 4 }],
      {
        categoryId: sembako.id,
        unit: 'karung',
        tags: ['beras', 'premium'],
      },
    );
    await source.product(
      'Kaos Polos',
      [
        { sku: 'KP-S', attributes: { ukuran: 'S' }, price: 45_000 },
        { sku: 'KP-M', attributes: { ukuran: 'M' }, price: 45_000, negativePolicy: 'allow' },
      ],
      { taxMode: 'excluded' },
    );
    await source.product('Pulsa 10rb', [{ sku: 'PLS-10', price: 11_500 }], { taxMode: 'exempt' });

    for (const delimiter of [',', ';'] as const) {
      const exported = unwrap(
        await source.t.call('inventory.export.products', { delimiter }, source.owner.token),
      );
      expect(exported.fileName).toMatch(/\.csv$/);
      const target = await openShop();
      expect(await importCsv(target, exported.csv)).toEqual({ imported: 4, errors: [] });
      expect(portable(await allProducts(target))).toEqual(portable(await allProducts(source)));
    }
  });
});
