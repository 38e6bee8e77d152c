import { randomUUID } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { ChannelInput, ChannelOutput, Product } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain/errors';
import { crc16Ccitt, formatTlv } from '../../../shared/domain/qris';
import { openTestCore, unwrap, type ManualClock, type Signed, type TestCore } from './core-fixture';

/**
 * A merchant-presented static QRIS (point of initiation 11, no amount) with a correct CRC: what a
 * shop pastes into Settings from the sticker its acquirer gave it.
 */
export function staticQris(merchantName = 'TOKO GERAI', city = 'DEPOK'): string {
  const merchantAccount = formatTlv([
    { tag: '00', value: 'ID.CO.QRIS.WWW' },
    { tag: '01', value: '936000140000000001' },
    { tag: '02', value: 'ID1020000000001' },
    { tag: '03', value: 'UMI' },
  ]);
  const body =
    formatTlv([
      { tag: '00', value: '01' },
      { tag: '01', value: '11' },
      { tag: '26', value: merchantAccount },
      { tag: '52', value: '5411' },
      { tag: '53', value: '360' },
      { tag: '58', value: 'ID' },
      { tag: '59', value: merchantName },
      { tag: '60', value: city },
      { tag: '61', value: '16411' },
    ]) + '6304';
  return body + crc16Ccitt(body);
}

export type Sqlite = Core['deps']['store']['sqlite'];

export type LedgerMismatch = { item_id: string; warehouse_id: string; on_hand: number; ledger: number };

/**
 * Every item × warehouse whose stored balance differs from the sum of its ledger rows (both sides:
 * a balance without movements and movements without a balance count too). Empty means consistent.
 */
export function ledgerMismatches(sqlite: Sqlite): LedgerMismatch[] {
  return sqlite
    .prepare(
      `WITH ledger AS (SELECT item_id, warehouse_id, sum(quantity) AS qty FROM stock_movements GROUP BY item_id, warehouse_id),
            pairs AS (SELECT item_id, warehouse_id FROM ledger UNION SELECT item_id, warehouse_id FROM stock_balances)
       SELECT p.item_id, p.warehouse_id, coalesce(b.on_hand, 0) AS on_hand, coalesce(l.qty, 0) AS ledger
       FROM pairs p
       LEFT JOIN ledger l ON l.item_id = p.item_id AND l.warehouse_id = p.warehouse_id
       LEFT JOIN stock_balances b ON b.item_id = p.item_id AND b.warehouse_id = p.warehouse_id
       WHERE coalesce(b.on_hand, 0) != coalesce(l.qty, 0)`,
    )
    .all() as LedgerMismatch[];
}

/** The stored on-hand of one item in one warehouse, read straight from the balance table (0 when none). */
export function onHandRow(sqlite: Sqlite, itemId: string, warehouseId: string): number {
  const row = sqlite
    .prepare('SELECT on_hand FROM stock_balances WHERE item_id = ? AND warehouse_id = ?')
    .get(itemId, warehouseId) as { on_hand: number } | undefined;
  return row?.on_hand ?? 0;
}

/** How many rows of `table` match `where` (a trusted SQL fragment written by the test). */
export function countRows(sqlite: Sqlite, table: string, where = '1', ...params: unknown[]): number {
  return (
    sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get(...params) as { n: number }
  ).n;
}

export type Shop = {
  t: TestCore;
  owner: Signed;
  /** WH-01, the shop floor setup makes. */
  warehouseId: string;
  sqlite: Sqlite;
  /** A product with one item (or the given items); answers the product. */
  product(
    name: string,
    items: ChannelInput<'catalog.products.create'>['items'],
    extra?: Omit<ChannelInput<'catalog.products.create'>, 'name' | 'items'>,
  ): Promise<Product>;
  /** A one-item product; answers the item id. */
  item(
    sku: string,
    price: number,
    extra?: Partial<ChannelInput<'catalog.products.create'>['items'][number]>,
  ): Promise<string>;
  /** Goods in from a supplier, as the owner. */
  receive(itemId: string, quantity: number, unitCost?: number, warehouseId?: string): Promise<void>;
  /** Opens this till's shift as `token` (the owner by default). */
  openShift(openingFloat?: number, token?: string): Promise<ChannelOutput<'pos.shifts.open'>>;
  /** `pos.sales.complete` with a fresh client id unless one is given. */
  sell(
    input: Omit<ChannelInput<'pos.sales.complete'>, 'id'> & { id?: string },
    token?: string,
  ): Promise<Result<ChannelOutput<'pos.sales.complete'>>>;
  /** On hand of an item in a warehouse (WH-01 by default), through `inventory.stock.levels`. */
  level(
    itemId: string,
    warehouseId?: string,
  ): Promise<ChannelOutput<'inventory.stock.levels'>['levels'][number]>;
  /** A customer row (customers have no channel yet), optionally in a group. */
  customer(name: string, groupId?: string | null): Promise<string>;
  /** Fails the test when any balance differs from its ledger sum. */
  expectLedgerConsistent(): void;
};

let customerSerial = 0;
/** Shops opened since the last ledger check. */
const unchecked: Shop[] = [];

/**
 * After each test, every shop it opened must still have balances equal to their ledger sums. Call
 * after `useTestCores()` so it runs before the cores close (after-hooks run last-registered first).
 */
export function useLedgerCheck(): void {
  afterEach(() => {
    for (const shop of unchecked.splice(0)) shop.expectLedgerConsistent();
  });
}

/** A set-up shop: owner signed in, WH-01 known, helpers for the usual first steps. */
export async function openShop(options: { clock?: ManualClock } = {}): Promise<Shop> {
  const t = await openTestCore({ clock: options.clock });
  const owner = await t.setupOwner();
  const warehouseId = unwrap(await t.call('inventory.warehouses.list', {}, owner.token)).find(
    (w) => w.code === 'WH-01',
  )!.id;
  const shop: Shop = {
    t,
    owner,
    warehouseId,
    get sqlite() {
      return t.core.deps.store.sqlite;
    },
    async product(name, items, extra = {}) {
      return unwrap(await t.call('catalog.products.create', { name, items, ...extra }, owner.token));
    },
    async item(sku, price, extra = {}) {
      const product = await shop.product(`Barang ${sku}`, [{ sku, price, ...extra }]);
      return product.items[0]!.id;
    },
    async receive(itemId, quantity, unitCost = 1_000, into = warehouseId) {
      unwrap(
        await t.call(
          'inventory.stock.receive',
          { warehouseId: into, supplier: 'CV Pemasok', lines: [{ itemId, quantity, unitCost }] },
          owner.token,
        ),
      );
    },
    async openShift(openingFloat = 200_000, token = owner.token) {
      return unwrap(await t.call('pos.shifts.open', { warehouseId, openingFloat }, token));
    },
    async sell(input, token = owner.token) {
      return t.call('pos.sales.complete', { id: randomUUID(), ...input }, token);
    },
    async level(itemId, into = warehouseId) {
      const { levels } = unwrap(
        await t.call('inventory.stock.levels', { itemId, warehouseId: into }, owner.token),
      );
      if (levels.length !== 1) throw new Error(`expected one level row, got ${levels.length}`);
      return levels[0]!;
    },
    async customer(name, groupId = null) {
      customerSerial += 1;
      const core = t.core;
      const row = await core.deps.store.db.transaction().execute((trx) =>
        core.deps.writer.insert(trx, 'customers', {
          code: `CUST-${String(customerSerial).padStart(4, '0')}`,
          name,
          phone: '',
          email: '',
          address: '',
          group_id: groupId,
          notes: '',
          nik: '',
          category: 'residential',
          latitude: null,
          longitude: null,
          status: 'prospect',
        }),
      );
      return row.id;
    },
    expectLedgerConsistent() {
      expect(ledgerMismatches(t.core.deps.store.sqlite), 'balances must equal their ledger sums').toEqual([]);
    },
  };
  unchecked.push(shop);
  return shop;
}
