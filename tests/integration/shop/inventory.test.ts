import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { countRows, onHandRow, openShop, useLedgerCheck, type Shop } from '../support/shop';

useTestCores();
useLedgerCheck();

const shopFor = () => openShop();

async function secondWarehouse(shop: Shop, code = 'WH-02') {
  return unwrap(
    await shop.t.call('inventory.warehouses.create', { code, name: `Gudang ${code}` }, shop.owner.token),
  );
}

describe('goods receipts', () => {
  it('keeps a moving-average cost: 24 @ 3.500 then 24 @ 4.000 → 3.750', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('AQUA-600', 5_000);
    const first = unwrap(
      await shop.t.call(
        'inventory.stock.receive',
        {
          warehouseId: shop.warehouseId,
          supplier: 'PT Tirta',
          lines: [{ itemId, quantity: 24, unitCost: 3_500 }],
        },
        shop.owner.token,
      ),
    );
    expect(first).toMatchObject({ number: expect.stringMatching(/^GRN\//), totalCost: 84_000 });
    await shop.receive(itemId, 24, 4_000);
    const product = unwrap(await shop.t.call('catalog.products.list', {}, shop.owner.token)).products[0]!;
    expect(product.items[0]!.cost).toBe(3_750);
    expect((await shop.level(itemId)).onHand).toBe(48);

    const { movements } = unwrap(await shop.t.call('inventory.stock.history', { itemId }, shop.owner.token));
    expect(movements.map((m) => [m.kind, m.quantity, m.unitCost, m.balanceAfter])).toEqual([
      ['receipt', 24, 4_000, 48],
      ['receipt', 24, 3_500, 24],
    ]);
  });
});

describe('adjustments and write-offs', () => {
  it('need a reason and the inventory.adjust permission', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('TELUR-1', 2_000);
    await shop.receive(itemId, 30);
    const cashier = await shop.t.loginAs('cashier');
    const warehouse = await shop.t.loginAs('warehouse');
    const manager = await shop.t.loginAs('manager');
    const input = { warehouseId: shop.warehouseId, itemId, quantity: -2, reason: 'pecah saat bongkar' };

    const noReason = await shop.t.raw(
      'inventory.stock.adjust',
      { ...input, reason: undefined },
      manager.token,
    );
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { reason: expect.any(String) } },
    });
    expect(
      codeOf(await shop.t.call('inventory.stock.adjust', { ...input, reason: '  ' }, manager.token)),
    ).toBe('VALIDATION');
    expect(codeOf(await shop.t.call('inventory.stock.adjust', input, cashier.token))).toBe('FORBIDDEN');
    expect(codeOf(await shop.t.call('inventory.stock.adjust', input, warehouse.token))).toBe('FORBIDDEN');
    expect((await shop.level(itemId)).onHand).toBe(30);

    const movement = unwrap(await shop.t.call('inventory.stock.adjust', input, manager.token));
    expect(movement).toMatchObject({
      kind: 'adjustment',
      quantity: -2,
      reason: 'pecah saat bongkar',
      username: 'manager1',
      balanceAfter: 28,
      flagged: false,
    });
    unwrap(
      await shop.t.call(
        'inventory.stock.adjust',
        { ...input, quantity: 5, reason: 'ketemu di gudang' },
        manager.token,
      ),
    );
    expect((await shop.level(itemId)).onHand).toBe(33);
  });

  it('a write-off must take stock out', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('ROTI-TAWAR', 15_000);
    await shop.receive(itemId, 10);
    const base = { warehouseId: shop.warehouseId, itemId, kind: 'write_off' as const, reason: 'kedaluwarsa' };
    const positive = await shop.t.call('inventory.stock.adjust', { ...base, quantity: 3 }, shop.owner.token);
    expect(positive).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { quantity: expect.any(String) } },
    });
    const out = unwrap(
      await shop.t.call('inventory.stock.adjust', { ...base, quantity: -3 }, shop.owner.token),
    );
    expect(out).toMatchObject({ kind: 'write_off', quantity: -3, balanceAfter: 7 });
    // Writing off more than is there follows the item's policy like any other outgoing movement.
    expect(
      codeOf(await shop.t.call('inventory.stock.adjust', { ...base, quantity: -8 }, shop.owner.token)),
    ).toBe('INSUFFICIENT_STOCK');
    expect((await shop.level(itemId)).onHand).toBe(7);
  });
});

describe('negative stock policy', () => {
  it('"block": a sale short of stock is INSUFFICIENT_STOCK and writes nothing', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('SUSU-UHT', 6_000, { negativePolicy: 'block' });
    await shop.receive(itemId, 2);
    await shop.openShift();
    const before = {
      sales: countRows(shop.sqlite, 'sales'),
      movements: countRows(shop.sqlite, 'stock_movements'),
      payments: countRows(shop.sqlite, 'payments'),
      cash: countRows(shop.sqlite, 'cash_movements'),
    };
    const id = randomUUID();
    const result = await shop.sell({
      id,
      lines: [{ itemId, quantity: 3 }],
      payments: [{ method: 'cash', amount: 20_000 }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_STOCK' } });
    expect(countRows(shop.sqlite, 'sales', 'id = ?', id)).toBe(0);
    expect({
      sales: countRows(shop.sqlite, 'sales'),
      movements: countRows(shop.sqlite, 'stock_movements'),
      payments: countRows(shop.sqlite, 'payments'),
      cash: countRows(shop.sqlite, 'cash_movements'),
    }).toEqual(before);
    expect((await shop.level(itemId)).onHand).toBe(2);
    // The stock that is there can still be sold.
    expect(
      codeOf(
        await shop.sell({ lines: [{ itemId, quantity: 2 }], payments: [{ method: 'cash', amount: 12_000 }] }),
      ),
    ).toBe('ok');
    expect((await shop.level(itemId)).onHand).toBe(0);
  });

  it('"allow": the sale goes through, stock goes below zero and the movement waits for review until resolved', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('ES-BATU', 2_000, { negativePolicy: 'allow' });
    await shop.receive(itemId, 1);
    await shop.openShift();
    const sale = unwrap(
      await shop.sell({ lines: [{ itemId, quantity: 3 }], payments: [{ method: 'cash', amount: 6_000 }] }),
    );
    expect((await shop.level(itemId)).onHand).toBe(-2);

    const reviews = unwrap(await shop.t.call('inventory.reviews.list', {}, shop.owner.token));
    expect(reviews).toEqual([
      expect.objectContaining({
        itemId,
        kind: 'sale',
        quantity: -3,
        balanceAfter: -2,
        refId: sale.id,
        warehouseCode: 'WH-01',
      }),
    ]);
    const { movements } = unwrap(await shop.t.call('inventory.stock.history', { itemId }, shop.owner.token));
    expect(movements[0]).toMatchObject({ kind: 'sale', flagged: true, refId: sale.id });

    const cashier = await shop.t.loginAs('cashier');
    const resolve = { movementId: reviews[0]!.movementId, note: 'stok datang sore, belum dicatat' };
    expect(codeOf(await shop.t.call('inventory.reviews.resolve', resolve, cashier.token))).toBe('FORBIDDEN');
    unwrap(await shop.t.call('inventory.reviews.resolve', resolve, shop.owner.token));
    expect(unwrap(await shop.t.call('inventory.reviews.list', {}, shop.owner.token))).toEqual([]);
    expect(codeOf(await shop.t.call('inventory.reviews.resolve', resolve, shop.owner.token))).toBe(
      'CONFLICT',
    );
  });
});

describe('transfers between warehouses', () => {
  it('takes stock out of A at send, shows it in transit to B, and lands it in B as it is received', async () => {
    const shop = await shopFor();
    const b = await secondWarehouse(shop);
    const itemId = await shop.item('SEMEN-40', 60_000);
    await shop.receive(itemId, 25);

    const sent = unwrap(
      await shop.t.call(
        'inventory.transfers.send',
        {
          fromWarehouseId: shop.warehouseId,
          toWarehouseId: b.id,
          note: 'isi toko cabang',
          lines: [{ itemId, quantity: 10 }],
        },
        shop.owner.token,
      ),
    );
    expect(sent).toMatchObject({
      status: 'in_transit',
      number: expect.stringMatching(/^TRF\//),
      receivedAt: null,
    });
    expect(await shop.level(itemId)).toMatchObject({ onHand: 15, inTransit: 0 });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 0, inTransit: 10 });
    expect(
      unwrap(await shop.t.call('inventory.transfers.list', { openOnly: true }, shop.owner.token)).map(
        (x) => x.id,
      ),
    ).toEqual([sent.id]);

    const receive = (quantity: number) =>
      shop.t.call(
        'inventory.transfers.receive',
        { transferId: sent.id, lines: [{ itemId, quantity }] },
        shop.owner.token,
      );
    const partial = unwrap(await receive(4));
    expect(partial.status).toBe('partially_received');
    expect(partial.lines[0]).toMatchObject({ quantitySent: 10, quantityReceived: 4 });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 4, inTransit: 6 });

    const tooMany = await receive(7);
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': expect.any(String) } },
    });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 4, inTransit: 6 });

    const done = unwrap(await receive(6));
    expect(done).toMatchObject({ status: 'received', receivedAt: shop.t.clock.now() });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 10, inTransit: 0 });
    expect(await shop.level(itemId)).toMatchObject({ onHand: 15, inTransit: 0 });
    expect(codeOf(await receive(1))).toBe('CONFLICT');
    expect(
      unwrap(await shop.t.call('inventory.transfers.list', { openOnly: true }, shop.owner.token)),
    ).toEqual([]);

    const { movements } = unwrap(await shop.t.call('inventory.stock.history', { itemId }, shop.owner.token));
    const legs = movements
      .filter((m) => m.refId === sent.id)
      .map((m) => [m.kind, m.warehouseCode, m.quantity]);
    expect(legs.sort()).toEqual(
      [
        ['transfer_out', 'WH-01', -10],
        ['transfer_in', 'WH-02', 4],
        ['transfer_in', 'WH-02', 6],
      ].sort(),
    );
    const atB = unwrap(
      await shop.t.call('inventory.stock.history', { itemId, warehouseId: b.id }, shop.owner.token),
    );
    expect(atB.total).toBe(2);
  });

  it('counts the same item named on two receive lines as one receipt of their sum', async () => {
    const shop = await shopFor();
    const b = await secondWarehouse(shop);
    const itemId = await shop.item('PASIR-1', 5_000);
    await shop.receive(itemId, 20);
    const sent = unwrap(
      await shop.t.call(
        'inventory.transfers.send',
        { fromWarehouseId: shop.warehouseId, toWarehouseId: b.id, lines: [{ itemId, quantity: 6 }] },
        shop.owner.token,
      ),
    );
    const receive = (quantities: number[]) =>
      shop.t.call(
        'inventory.transfers.receive',
        { transferId: sent.id, lines: quantities.map((quantity) => ({ itemId, quantity })) },
        shop.owner.token,
      );
    // 4 + 4 is more than the 6 in transit, though each line alone is not (this used to fail as INTERNAL).
    expect(await receive([4, 4])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': 'at most 6 still in transit' } },
    });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 0, inTransit: 6 });
    const done = unwrap(await receive([2, 4]));
    expect(done).toMatchObject({ status: 'received', lines: [{ quantitySent: 6, quantityReceived: 6 }] });
    expect(await shop.level(itemId, b.id)).toMatchObject({ onHand: 6, inTransit: 0 });
  });

  it('cannot send more than is available, nor to the same warehouse', async () => {
    const shop = await shopFor();
    const b = await secondWarehouse(shop);
    const itemId = await shop.item('CAT-TEMBOK', 90_000);
    await shop.receive(itemId, 3);
    const send = (quantity: number, to = b.id) =>
      shop.t.call(
        'inventory.transfers.send',
        { fromWarehouseId: shop.warehouseId, toWarehouseId: to, lines: [{ itemId, quantity }] },
        shop.owner.token,
      );
    expect(codeOf(await send(4))).toBe('INSUFFICIENT_STOCK');
    expect(codeOf(await send(1, shop.warehouseId))).toBe('VALIDATION');
    expect(countRows(shop.sqlite, 'transfers')).toBe(0);
    expect((await shop.level(itemId)).onHand).toBe(3);
  });
});

describe('stock counts (opname)', () => {
  it('records counts, shows variances, posts count movements on approval and is read-only after', async () => {
    const shop = await shopFor();
    const kopi = await shop.item('KOPI-SCT', 1_500);
    const gula = await shop.item('GULA-250', 4_000);
    const teh = await shop.item('TEH-25', 6_000);
    await shop.receive(kopi, 40);
    await shop.receive(gula, 12);
    await shop.receive(teh, 5);

    const sheet = unwrap(
      await shop.t.call(
        'inventory.counts.create',
        { warehouseId: shop.warehouseId, note: 'akhir bulan' },
        shop.owner.token,
      ),
    );
    expect(sheet).toMatchObject({ status: 'open', number: expect.stringMatching(/^OPN\//), lines: [] });
    unwrap(
      await shop.t.call(
        'inventory.counts.record',
        {
          countId: sheet.id,
          lines: [
            { itemId: kopi, counted: 36 },
            { itemId: gula, counted: 15 },
          ],
        },
        shop.owner.token,
      ),
    );
    // A recount replaces the earlier count of that item.
    const recorded = unwrap(
      await shop.t.call(
        'inventory.counts.record',
        {
          countId: sheet.id,
          lines: [
            { itemId: kopi, counted: 37 },
            { itemId: teh, counted: 5 },
          ],
        },
        shop.owner.token,
      ),
    );
    const variances = (count: typeof recorded) =>
      Object.fromEntries(count.lines.map((l) => [l.sku, [l.expected, l.counted, l.variance]]));
    expect(variances(recorded)).toEqual({
      'KOPI-SCT': [40, 37, -3],
      'GULA-250': [12, 15, 3],
      'TEH-25': [5, 5, 0],
    });

    // Approval needs inventory.adjust: the warehouse role may count but not approve.
    const warehouse = await shop.t.loginAs('warehouse');
    expect(codeOf(await shop.t.call('inventory.counts.approve', { id: sheet.id }, warehouse.token))).toBe(
      'FORBIDDEN',
    );
    const approved = unwrap(
      await shop.t.call('inventory.counts.approve', { id: sheet.id }, shop.owner.token),
    );
    expect(approved.status).toBe('approved');
    expect(variances(approved)).toEqual(variances(recorded));
    expect((await shop.level(kopi)).onHand).toBe(37);
    expect((await shop.level(gula)).onHand).toBe(15);
    expect((await shop.level(teh)).onHand).toBe(5);
    const posted = shop.sqlite
      .prepare(
        "SELECT item_id, quantity FROM stock_movements WHERE kind = 'count' AND ref_id = ? ORDER BY quantity",
      )
      .all(sheet.id);
    expect(posted).toEqual([
      { item_id: kopi, quantity: -3 },
      { item_id: gula, quantity: 3 },
    ]);

    // Closed: nothing more can be recorded, approved again or cancelled, and the sheet still reads the same later.
    expect(
      codeOf(
        await shop.t.call(
          'inventory.counts.record',
          { countId: sheet.id, lines: [{ itemId: teh, counted: 1 }] },
          shop.owner.token,
        ),
      ),
    ).toBe('CONFLICT');
    expect(codeOf(await shop.t.call('inventory.counts.approve', { id: sheet.id }, shop.owner.token))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await shop.t.call('inventory.counts.cancel', { id: sheet.id }, shop.owner.token))).toBe(
      'CONFLICT',
    );
    // Stock that moves later does not rewrite what the approved sheet says.
    await shop.receive(kopi, 10);
    const later = unwrap(await shop.t.call('inventory.counts.get', { id: sheet.id }, shop.owner.token));
    expect(variances(later)).toEqual(variances(recorded));
  });

  it('a cancelled sheet posts nothing', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('LILIN', 2_000);
    await shop.receive(itemId, 9);
    const sheet = unwrap(
      await shop.t.call('inventory.counts.create', { warehouseId: shop.warehouseId }, shop.owner.token),
    );
    unwrap(
      await shop.t.call(
        'inventory.counts.record',
        { countId: sheet.id, lines: [{ itemId, counted: 1 }] },
        shop.owner.token,
      ),
    );
    expect(
      unwrap(await shop.t.call('inventory.counts.cancel', { id: sheet.id }, shop.owner.token)).status,
    ).toBe('cancelled');
    expect((await shop.level(itemId)).onHand).toBe(9);
    expect(countRows(shop.sqlite, 'stock_movements', "kind = 'count'")).toBe(0);
  });
});

describe('the ledger', () => {
  it('rebuild finds nothing after real work, then finds and repairs a balance corrupted behind its back', async () => {
    const shop = await shopFor();
    const b = await secondWarehouse(shop);
    const beras = await shop.item('BERAS-5', 70_000);
    const minyak = await shop.item('MINYAK-2L', 35_000, { negativePolicy: 'allow' });
    await shop.receive(beras, 50);
    await shop.receive(minyak, 5);
    await shop.openShift();
    unwrap(
      await shop.sell({
        lines: [
          { itemId: beras, quantity: 3 },
          { itemId: minyak, quantity: 7 },
        ],
        payments: [{ method: 'cash', amount: 500_000 }],
      }),
    );
    const transfer = unwrap(
      await shop.t.call(
        'inventory.transfers.send',
        { fromWarehouseId: shop.warehouseId, toWarehouseId: b.id, lines: [{ itemId: beras, quantity: 8 }] },
        shop.owner.token,
      ),
    );
    unwrap(
      await shop.t.call(
        'inventory.transfers.receive',
        { transferId: transfer.id, lines: [{ itemId: beras, quantity: 5 }] },
        shop.owner.token,
      ),
    );
    unwrap(
      await shop.t.call(
        'inventory.stock.adjust',
        { warehouseId: b.id, itemId: beras, quantity: -1, reason: 'karung sobek' },
        shop.owner.token,
      ),
    );
    const sheet = unwrap(
      await shop.t.call('inventory.counts.create', { warehouseId: shop.warehouseId }, shop.owner.token),
    );
    unwrap(
      await shop.t.call(
        'inventory.counts.record',
        { countId: sheet.id, lines: [{ itemId: beras, counted: 38 }] },
        shop.owner.token,
      ),
    );
    unwrap(await shop.t.call('inventory.counts.approve', { id: sheet.id }, shop.owner.token));
    shop.expectLedgerConsistent();

    const clean = unwrap(await shop.t.call('inventory.stock.rebuild', {}, shop.owner.token));
    expect(clean.mismatches).toEqual([]);
    expect(clean.checked).toBe(3);

    shop.sqlite
      .prepare('UPDATE stock_balances SET on_hand = on_hand + 7 WHERE item_id = ? AND warehouse_id = ?')
      .run(beras, b.id);
    expect(onHandRow(shop.sqlite, beras, b.id)).toBe(11);
    const cashier = await shop.t.loginAs('cashier');
    expect(codeOf(await shop.t.call('inventory.stock.rebuild', {}, cashier.token))).toBe('FORBIDDEN');
    const repaired = unwrap(await shop.t.call('inventory.stock.rebuild', {}, shop.owner.token));
    expect(repaired.mismatches).toEqual([{ itemId: beras, warehouseId: b.id, stored: 11, ledger: 4 }]);
    expect(onHandRow(shop.sqlite, beras, b.id)).toBe(4);
    expect(unwrap(await shop.t.call('inventory.stock.rebuild', {}, shop.owner.token)).mismatches).toEqual([]);
  });

  it('refuses to edit or delete a stock movement, a payment or a cash movement', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('KOREK', 2_000);
    await shop.receive(itemId, 5);
    await shop.openShift();
    unwrap(
      await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: [{ method: 'cash', amount: 2_000 }] }),
    );
    for (const table of ['stock_movements', 'payments', 'cash_movements']) {
      expect(() => shop.sqlite.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
    expect(() => shop.sqlite.prepare('UPDATE stock_movements SET quantity = 99').run()).toThrow(
      /append-only/,
    );
    expect(() => shop.sqlite.prepare('UPDATE payments SET amount = 1').run()).toThrow(/append-only/);
    expect(() => shop.sqlite.prepare('UPDATE cash_movements SET amount = 1').run()).toThrow(/append-only/);
    expect(countRows(shop.sqlite, 'stock_movements')).toBe(2);
  });
});
