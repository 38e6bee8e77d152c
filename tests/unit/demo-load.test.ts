import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/index';
import { createCore, type Core } from '../../electron/core/core';
import { writeDemoFiles } from '../../electron/core/demo/files';
import { generateDemo, type DemoData } from '../../electron/core/demo/generate';
import { loadShopData, type ShopLoadResult } from '../../electron/core/demo/load';
import { lowStockThreshold, planOpeningStock, planPriceLists } from '../../electron/core/demo/stock';
import { readProductCsv } from '../../electron/core/inventory/product-import.service';
import { silentLogger } from '../../electron/core/platform/logger';

const data: DemoData = generateDemo({ seed: 'load-test', scale: 0.2 });
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('opening stock and price plans', () => {
  it('are deterministic and only name products of the catalog', () => {
    expect(planOpeningStock(data)).toEqual(planOpeningStock(generateDemo({ seed: 'load-test', scale: 0.2 })));
    expect(planPriceLists(data)).toEqual(planPriceLists(generateDemo({ seed: 'load-test', scale: 0.2 })));
    expect(planOpeningStock(generateDemo({ seed: 'other', scale: 0.2 })).lines).not.toEqual(
      planOpeningStock(data).lines,
    );
    const skus = new Set(data.products.map((p) => p.sku));
    const codes = new Set(data.warehouses.map((w) => w.code));
    for (const line of planOpeningStock(data).lines) {
      expect(skus.has(line.sku)).toBe(true);
      expect(codes.has(line.warehouseCode)).toBe(true);
      expect(Number.isInteger(line.quantity) && line.quantity > 0).toBe(true);
    }
  });

  it('stocks the main shop with most of the range, some at zero and some below their threshold', () => {
    const big = generateDemo({ seed: 'load-test', scale: 3 });
    const plan = planOpeningStock(big);
    const tracked = big.products.filter((p) => p.tracksStock);
    const main = plan.summary[big.warehouses[0]!.code]!;
    expect(main.stocked + main.zero).toBe(tracked.length);
    expect(main.zero / tracked.length).toBeGreaterThan(0.03);
    expect(main.zero / tracked.length).toBeLessThan(0.1);
    expect(main.low / tracked.length).toBeGreaterThan(0.02);
    expect(main.low / tracked.length).toBeLessThan(0.08);
    // Electronic products (pulsa, tokens) are never on a receipt.
    const electronic = new Set(big.products.filter((p) => !p.tracksStock).map((p) => p.sku));
    expect(plan.lines.some((line) => electronic.has(line.sku))).toBe(false);
    // The storeroom holds cartons in bulk.
    const storeroom = big.warehouses.find((w) => w.kind === 'gudang')!;
    expect(plan.summary[storeroom.code]!.stocked).toBeGreaterThan(0);
  });

  it('prices members and resellers below retail and above cost, with quantity breaks', () => {
    const big = generateDemo({ seed: 'load-test', scale: 3 });
    const bySku = new Map(big.products.map((p) => [p.sku, p]));
    const prices = planPriceLists(big);
    expect(prices.filter((p) => p.list === 'member').length).toBe(150);
    expect(prices.some((p) => p.list === 'reseller' && p.minQuantity > 1)).toBe(true);
    for (const price of prices) {
      const product = bySku.get(price.sku)!;
      expect(price.price).toBeLessThan(product.price);
      expect(price.price).toBeGreaterThan(product.cost);
    }
  });

  it('writes each product’s low-stock threshold into products.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gerai-demo-load-csv-'));
    dirs.push(dir);
    writeDemoFiles(dir, data);
    const { rows, errors } = readProductCsv(readFileSync(join(dir, 'products.csv'), 'utf8'), {
      skus: new Set(),
      barcodes: new Set(),
    });
    expect(errors).toEqual([]);
    expect(rows.map((row) => row.lowStockThreshold)).toEqual(data.products.map(lowStockThreshold));
    expect(rows.some((row) => row.lowStockThreshold > 0)).toBe(true);
  });
});

describe('loading the demo shop through the channels', () => {
  let core: Core;
  let token: string;
  let loaded: ShopLoadResult;
  const progress: { stage: string; done: number; total: number }[] = [];

  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input, { token, locale: 'en' });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.data as ChannelOutput<C>;
  };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gerai-demo-load-'));
    dirs.push(dir);
    writeDemoFiles(join(dir, 'demo'), data);
    core = await createCore({ dataDir: join(dir, 'data'), appVersion: 'test', logger: silentLogger });
    const setup = await core.dispatch('setup.owner.create', {
      name: 'Pemilik',
      username: 'pemilik',
      password: 'Rahasia-Cabang-2030',
      branchName: data.branch.name,
    });
    expect(setup.ok).toBe(true);
    const login = await core.dispatch('auth.session.login', {
      username: 'pemilik',
      password: 'Rahasia-Cabang-2030',
    });
    if (!login.ok) throw new Error(login.error.message);
    token = (login.data as { token: string }).token;
    loaded = await loadShopData({
      core,
      token,
      data,
      productsCsv: readFileSync(join(dir, 'demo', 'products.csv'), 'utf8'),
      onProgress: (event) => progress.push(event),
    });
  }, 30_000);
  afterAll(async () => {
    await core?.close();
  });

  it('renames setup’s shop floor to the main shop and creates the other warehouses', async () => {
    const warehouses = await call('inventory.warehouses.list', {});
    expect(warehouses).toHaveLength(data.warehouses.length);
    const shopFloor = warehouses.find((w) => w.code === 'WH-01')!;
    expect(shopFloor).toMatchObject({ name: data.warehouses[0]!.name, address: data.warehouses[0]!.address });
    for (const demo of data.warehouses.slice(1)) {
      expect(warehouses.find((w) => w.code === demo.code)?.name).toBe(demo.name);
    }
    expect(loaded.warehouses.map((w) => w.how)).toEqual(['renamed', 'created', 'created']);
  });

  it('imports every product, reporting job.progress up to the total', async () => {
    expect(loaded.products).toBe(data.products.length);
    expect((await call('catalog.products.list', { limit: 1 })).total).toBe(data.products.length);
    const imports = progress.filter((event) => event.stage === 'products');
    expect(imports.at(-1)).toEqual({
      stage: 'products',
      done: data.products.length,
      total: data.products.length,
    });
    const dones = imports.map((event) => event.done);
    expect([...dones].sort((a, b) => a - b)).toEqual(dones);
  });

  it('receives the planned opening stock: balances match the plan, low stock shows as low', async () => {
    const plan = planOpeningStock(data);
    const main = loaded.warehouses[0]!;
    const line = plan.lines.find((l) => l.warehouseCode === data.warehouses[0]!.code)!;
    const itemId = core.deps.store.sqlite
      .prepare('SELECT id FROM items WHERE sku = ?')
      .pluck()
      .get(line.sku) as string;
    const level = await call('inventory.stock.levels', { warehouseId: main.id, itemId });
    expect(level.levels[0]!.onHand).toBe(line.quantity);
    const summary = plan.summary[main.demoCode]!;
    const low = await call('inventory.stock.levels', { warehouseId: main.id, lowOnly: true, limit: 1 });
    expect(low.total).toBe(summary.low + summary.zero);
    const receipts = core.deps.store.sqlite.prepare('SELECT count(*) FROM goods_receipts').pluck().get();
    expect(receipts).toBe(loaded.receipts);
    expect(core.deps.store.sqlite.prepare('SELECT count(*) FROM stock_movements').pluck().get()).toBe(
      plan.lines.length,
    );
  });

  it('sets the planned member and reseller prices', async () => {
    const lists = await call('catalog.priceLists.list', {});
    const planned = planPriceLists(data);
    for (const key of ['member', 'reseller'] as const) {
      expect(lists.find((list) => list.key === key)!.priceCount).toBe(
        planned.filter((p) => p.list === key).length,
      );
    }
  });

  it('gives every imported product and item one outbox row whose payload is the row, shaped as ctx.writer.insert shapes it', async () => {
    // A product made by catalog.products.create goes through ctx.writer.insert: the reference shape.
    const made = await call('catalog.products.create', {
      name: 'Produk Pembanding',
      items: [{ sku: 'REF-1', price: 1000 }],
    });
    const sqlite = core.deps.store.sqlite;
    const payloadKeys = (table: string, rowId: string) =>
      Object.keys(
        JSON.parse(
          sqlite
            .prepare(`SELECT payload FROM sync_outbox WHERE table_name = ? AND row_id = ?`)
            .pluck()
            .get(table, rowId) as string,
        ),
      );
    const referenceKeys = {
      products: payloadKeys('products', made.id),
      items: payloadKeys('items', made.items[0]!.id),
    };
    for (const table of ['products', 'items'] as const) {
      const rows = sqlite
        .prepare(`SELECT * FROM ${table} WHERE id != ? AND id != ?`)
        .all(made.id, made.items[0]!.id) as Record<string, unknown>[];
      expect(rows.length).toBe(data.products.length);
      const outbox = sqlite
        .prepare(`SELECT row_id, op, hlc, payload FROM sync_outbox WHERE table_name = ? ORDER BY seq`)
        .all(table) as { row_id: string; op: string; hlc: string; payload: string }[];
      const byRow = new Map(outbox.map((entry) => [entry.row_id, entry]));
      expect(byRow.size).toBe(outbox.length);
      for (const row of rows) {
        const entry = byRow.get(row.id as string)!;
        expect(entry.op).toBe('insert');
        expect(entry.hlc).toBe(row.hlc);
        const payload = JSON.parse(entry.payload) as Record<string, unknown>;
        expect(Object.keys(payload)).toEqual(referenceKeys[table]);
        expect(payload).toEqual(row);
      }
    }
    // One audit entry for the whole import.
    const audit = sqlite
      .prepare(`SELECT after_json FROM audit_log WHERE channel = 'inventory.import.products'`)
      .pluck()
      .all();
    expect(audit).toEqual([JSON.stringify({ imported: data.products.length })]);
  });
});
