import { describe, expect, it } from 'vitest';
import type { CoreEvents } from '../../../shared/contract/events';
import { unwrap, useTestCores } from '../support/core-fixture';
import { openShop } from '../support/shop';

useTestCores();

describe('low-stock alert', () => {
  it('tells the UI once a sale leaves an item at or under its threshold, and lists it as low', async () => {
    const shop = await openShop();
    const itemId = await shop.item('SUSU-1', 6_000, { lowStockThreshold: 3 });
    await shop.receive(itemId, 6);
    await shop.openShift();
    const alerts: CoreEvents['stock.low'][] = [];
    shop.t.core.events.on('stock.low', (alert) => alerts.push(alert));

    unwrap(
      await shop.sell({ lines: [{ itemId, quantity: 2 }], payments: [{ method: 'cash', amount: 12_000 }] }),
    );
    expect(alerts).toEqual([]);
    unwrap(
      await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: [{ method: 'cash', amount: 6_000 }] }),
    );
    expect(alerts).toEqual([
      { itemId, name: 'Barang SUSU-1', warehouseId: shop.warehouseId, available: 3, threshold: 3 },
    ]);

    const low = unwrap(await shop.t.call('inventory.stock.levels', { lowOnly: true }, shop.owner.token));
    expect(low.levels.map((l) => [l.itemId, l.available, l.low])).toEqual([[itemId, 3, true]]);
  });

  it('says nothing when the sale fails (the alert waits for the commit)', async () => {
    const shop = await openShop();
    const itemId = await shop.item('ROTI-1', 5_000, { lowStockThreshold: 5 });
    await shop.receive(itemId, 6);
    await shop.openShift();
    const missing = await shop.item('KEJU-1', 20_000);
    const alerts: unknown[] = [];
    shop.t.core.events.on('stock.low', (alert) => alerts.push(alert));
    // The first line's movement is written (and would alert), then the second line has no stock:
    // the whole sale rolls back, so the alert must never be heard.
    const result = await shop.sell({
      lines: [
        { itemId, quantity: 2 },
        { itemId: missing, quantity: 1 },
      ],
      payments: [{ method: 'cash', amount: 30_000 }],
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('INSUFFICIENT_STOCK');
    expect(alerts).toEqual([]);
    expect((await shop.level(itemId)).onHand).toBe(6);
  });
});

describe('per-warehouse thresholds', () => {
  it('overrides the item threshold in one warehouse only, and clears back to it', async () => {
    const shop = await openShop();
    const itemId = await shop.item('MIE-1', 3_500, { lowStockThreshold: 2 });
    const second = unwrap(
      await shop.t.call('inventory.warehouses.create', { code: 'WH-02', name: 'Gudang' }, shop.owner.token),
    );
    await shop.receive(itemId, 5);
    await shop.receive(itemId, 5, 1_000, second.id);
    const set = unwrap(
      await shop.t.call(
        'inventory.thresholds.set',
        { itemId, warehouseId: second.id, lowStockThreshold: 10 },
        shop.owner.token,
      ),
    );
    expect(set).toEqual({ itemId, warehouseId: second.id, lowStockThreshold: 10, own: true });
    expect(await shop.level(itemId, second.id)).toMatchObject({ lowStockThreshold: 10, low: true });
    expect(await shop.level(itemId)).toMatchObject({ lowStockThreshold: 2, low: false });
    const cleared = unwrap(
      await shop.t.call(
        'inventory.thresholds.set',
        { itemId, warehouseId: second.id, lowStockThreshold: null },
        shop.owner.token,
      ),
    );
    expect(cleared).toMatchObject({ lowStockThreshold: 2, own: false });
    expect(await shop.level(itemId, second.id)).toMatchObject({ lowStockThreshold: 2, low: false });
    const cashier = await shop.t.loginAs('cashier');
    expect(
      (
        await shop.t.call(
          'inventory.thresholds.set',
          { itemId, warehouseId: second.id, lowStockThreshold: 1 },
          cashier.token,
        )
      ).ok,
    ).toBe(false);
  });
});
