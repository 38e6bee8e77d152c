import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { countRows, openShop, useLedgerCheck, type Shop } from '../support/shop';

useTestCores();
useLedgerCheck();

const cash = (amount: number) => [{ method: 'cash' as const, amount }];

/** A shop with WH-02 besides WH-01, one item with 100 in WH-01, and an open shift with a 200.000 float. */
async function till(price: number) {
  const shop = await openShop();
  const second = unwrap(
    await shop.t.call('inventory.warehouses.create', { code: 'WH-02', name: 'Gudang' }, shop.owner.token),
  );
  const itemId = await shop.item('ITEM-1', price);
  await shop.receive(itemId, 100);
  await shop.openShift(200_000);
  return { shop, itemId, secondWarehouseId: second.id };
}

function refund(
  shop: Shop,
  saleId: string,
  lines: { saleLineId: string; quantity: number }[],
  extra: { warehouseId: string; method?: 'cash' | 'qris' },
) {
  return shop.t.call(
    'pos.sales.refund',
    {
      id: randomUUID(),
      saleId,
      warehouseId: extra.warehouseId,
      method: extra.method ?? 'cash',
      reason: 'barang cacat',
      lines,
    },
    shop.owner.token,
  );
}

describe('refunds', () => {
  it('pays back exactly the line total over partial refunds, even when it does not divide evenly', async () => {
    const { shop, itemId } = await till(3_334);
    // 3 × 3.334 − 2 = 10.000 for three units: no unit is worth a whole number of rupiah.
    const sale = unwrap(
      await shop.sell({
        lines: [{ itemId, quantity: 3, discount: { kind: 'amount', value: 2 } }],
        payments: cash(10_000),
      }),
    );
    const line = sale.lines[0]!;
    expect(line.total).toBe(10_000);

    const first = unwrap(
      await refund(shop, sale.id, [{ saleLineId: line.id, quantity: 1 }], { warehouseId: shop.warehouseId }),
    );
    expect(first).toMatchObject({ amount: 3_333, method: 'cash', number: expect.stringMatching(/^RET\//) });
    const rest = unwrap(
      await refund(shop, sale.id, [{ saleLineId: line.id, quantity: 2 }], { warehouseId: shop.warehouseId }),
    );
    expect(first.amount + rest.amount).toBe(10_000);

    const after = unwrap(await shop.t.call('pos.sales.get', { id: sale.id }, shop.owner.token));
    expect(after).toMatchObject({ refunded: 10_000, status: 'completed' });
    expect(after.lines[0]!.refundedQuantity).toBe(3);
    expect((await shop.level(itemId)).onHand).toBe(100);
    // Nothing is left to refund.
    const more = await refund(shop, sale.id, [{ saleLineId: line.id, quantity: 1 }], {
      warehouseId: shop.warehouseId,
    });
    expect(more).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': expect.any(String) } },
    });
  });

  it('one unit at a time adds up too', async () => {
    const { shop, itemId } = await till(3_334);
    const sale = unwrap(
      await shop.sell({
        lines: [{ itemId, quantity: 3, discount: { kind: 'amount', value: 2 } }],
        payments: cash(10_000),
      }),
    );
    const amounts: number[] = [];
    for (let i = 0; i < 3; i++) {
      amounts.push(
        unwrap(
          await refund(shop, sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], {
            warehouseId: shop.warehouseId,
          }),
        ).amount,
      );
    }
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
  });

  it('restocks the warehouse the cashier chooses', async () => {
    const { shop, itemId, secondWarehouseId } = await till(5_000);
    const sale = unwrap(await shop.sell({ lines: [{ itemId, quantity: 4 }], payments: cash(20_000) }));
    expect((await shop.level(itemId)).onHand).toBe(96);
    unwrap(
      await refund(shop, sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 3 }], {
        warehouseId: secondWarehouseId,
        method: 'qris',
      }),
    );
    expect((await shop.level(itemId)).onHand).toBe(96);
    expect((await shop.level(itemId, secondWarehouseId)).onHand).toBe(3);
    const returned = shop.sqlite
      .prepare("SELECT warehouse_id, quantity FROM stock_movements WHERE kind = 'sale_return'")
      .all();
    expect(returned).toEqual([{ warehouse_id: secondWarehouseId, quantity: 3 }]);
    // A QRIS refund pays back outside the drawer, but the shift's report still shows it
    // (it used to leave non-cash refunds out of the X/Z report).
    expect(unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!.expectedCash).toBe(220_000);
    const x = unwrap(await shop.t.call('pos.shifts.report', {}, shop.owner.token));
    expect(x).toMatchObject({ gross: 20_000, refunds: 15_000, net: 5_000 });
    expect(x.byMethod).toEqual([
      { method: 'cash', amount: 20_000, count: 1 },
      { method: 'qris', amount: -15_000, count: 1 },
    ]);
  });

  it('counts a sale line named twice as one return of the sum, so it cannot return more than was sold', async () => {
    const { shop, itemId } = await till(1_000);
    const sale = unwrap(await shop.sell({ lines: [{ itemId, quantity: 3 }], payments: cash(3_000) }));
    const lineId = sale.lines[0]!.id;
    // 2 + 2 of a 3-unit line: each alone fits, together they do not (this used to refund 4 units).
    const twice = await refund(
      shop,
      sale.id,
      [
        { saleLineId: lineId, quantity: 2 },
        { saleLineId: lineId, quantity: 2 },
      ],
      {
        warehouseId: shop.warehouseId,
      },
    );
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': 'at most 3 left to return' } },
    });
    expect(countRows(shop.sqlite, 'refunds')).toBe(0);

    const split = unwrap(
      await refund(
        shop,
        sale.id,
        [
          { saleLineId: lineId, quantity: 1 },
          { saleLineId: lineId, quantity: 1 },
        ],
        { warehouseId: shop.warehouseId },
      ),
    );
    expect(split).toMatchObject({
      amount: 2_000,
      lines: [{ saleLineId: lineId, quantity: 2, amount: 2_000 }],
    });
    const after = unwrap(await shop.t.call('pos.sales.get', { id: sale.id }, shop.owner.token));
    expect(after).toMatchObject({ refunded: 2_000, lines: [{ refundedQuantity: 2 }] });
    expect((await shop.level(itemId)).onHand).toBe(99);
  });

  it('answers a retried refund id with the refund already made', async () => {
    const { shop, itemId } = await till(1_000);
    const sale = unwrap(await shop.sell({ lines: [{ itemId, quantity: 3 }], payments: cash(3_000) }));
    const input = {
      id: randomUUID(),
      saleId: sale.id,
      warehouseId: shop.warehouseId,
      method: 'cash' as const,
      reason: 'retur',
      lines: [{ saleLineId: sale.lines[0]!.id, quantity: 1 }],
    };
    const first = unwrap(await shop.t.call('pos.sales.refund', input, shop.owner.token));
    expect(unwrap(await shop.t.call('pos.sales.refund', input, shop.owner.token))).toEqual(first);
    expect(countRows(shop.sqlite, 'refunds')).toBe(1);
    expect(countRows(shop.sqlite, 'stock_movements', "kind = 'sale_return'")).toBe(1);
  });

  it('refuses more than was sold, and lines of another sale, writing nothing', async () => {
    const { shop, itemId } = await till(5_000);
    const sale = unwrap(await shop.sell({ lines: [{ itemId, quantity: 2 }], payments: cash(10_000) }));
    const other = unwrap(await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: cash(5_000) }));
    const before = countRows(shop.sqlite, 'refunds');
    const over = await refund(shop, sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 3 }], {
      warehouseId: shop.warehouseId,
    });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.quantity': 'at most 2 left to return' } },
    });
    const foreign = await refund(shop, sale.id, [{ saleLineId: other.lines[0]!.id, quantity: 1 }], {
      warehouseId: shop.warehouseId,
    });
    expect(foreign).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { 'lines.0.saleLineId': expect.any(String) } },
    });
    expect(countRows(shop.sqlite, 'refunds')).toBe(before);
    expect((await shop.level(itemId)).onHand).toBe(97);
  });
});

describe('voids', () => {
  it('need pos.void: a cashier is refused, a manager voids, stock comes back and payments are reversed', async () => {
    const { shop, itemId } = await till(6_000);
    const cashier = await shop.t.loginAs('cashier');
    const manager = await shop.t.loginAs('manager');
    const sale = unwrap(
      await shop.sell(
        {
          lines: [{ itemId, quantity: 5 }],
          payments: [
            { method: 'qris', amount: 10_000 },
            { method: 'cash', amount: 50_000 },
          ],
        },
        cashier.token,
      ),
    );
    expect((await shop.level(itemId)).onHand).toBe(95);
    expect(unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!.expectedCash).toBe(220_000);

    const input = { saleId: sale.id, reason: 'pelanggan batal beli' };
    expect(codeOf(await shop.t.call('pos.sales.void', input, cashier.token))).toBe('FORBIDDEN');
    expect((await shop.level(itemId)).onHand).toBe(95);

    const voided = unwrap(await shop.t.call('pos.sales.void', input, manager.token));
    expect(voided).toMatchObject({
      status: 'voided',
      voided: { by: 'Pengguna manager', reason: 'pelanggan batal beli' },
    });
    expect((await shop.level(itemId)).onHand).toBe(100);
    const byMethod = shop.sqlite
      .prepare(
        'SELECT method, sum(amount) AS net, count(*) AS n FROM payments WHERE sale_id = ? GROUP BY method ORDER BY method',
      )
      .all(sale.id);
    expect(byMethod).toEqual([
      { method: 'cash', net: 0, n: 2 },
      { method: 'qris', net: 0, n: 2 },
    ]);
    expect(unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!.expectedCash).toBe(200_000);

    expect(codeOf(await shop.t.call('pos.sales.void', input, manager.token))).toBe('CONFLICT');
    expect(
      codeOf(
        await refund(shop, sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], {
          warehouseId: shop.warehouseId,
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('refuses to void a sale that has a refund', async () => {
    const { shop, itemId } = await till(6_000);
    const sale = unwrap(await shop.sell({ lines: [{ itemId, quantity: 2 }], payments: cash(12_000) }));
    unwrap(
      await refund(shop, sale.id, [{ saleLineId: sale.lines[0]!.id, quantity: 1 }], {
        warehouseId: shop.warehouseId,
      }),
    );
    const movements = countRows(shop.sqlite, 'stock_movements');
    expect(
      codeOf(
        await shop.t.call('pos.sales.void', { saleId: sale.id, reason: 'salah input' }, shop.owner.token),
      ),
    ).toBe('CONFLICT');
    expect(countRows(shop.sqlite, 'stock_movements')).toBe(movements);
    expect((await shop.level(itemId)).onHand).toBe(99);
  });
});

describe('shifts', () => {
  it('one open shift per till', async () => {
    const { shop } = await till(1_000);
    expect(
      codeOf(
        await shop.t.call(
          'pos.shifts.open',
          { warehouseId: shop.warehouseId, openingFloat: 0 },
          shop.owner.token,
        ),
      ),
    ).toBe('CONFLICT');
    const cashier = await shop.t.loginAs('cashier');
    expect(
      codeOf(
        await shop.t.call(
          'pos.shifts.open',
          { warehouseId: shop.warehouseId, openingFloat: 0 },
          cashier.token,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('closes with a count by denomination: expected = float + cash sales − cash refunds ± cash in/out', async () => {
    const { shop, itemId } = await till(11_500);
    const shift = unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!;
    expect(shift).toMatchObject({
      status: 'open',
      openingFloat: 200_000,
      expectedCash: 200_000,
      number: expect.stringMatching(/^SHF\//),
    });

    const a = unwrap(await shop.sell({ lines: [{ itemId, quantity: 2 }], payments: cash(50_000) })); // 23.000 cash kept
    unwrap(
      await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: [{ method: 'qris', amount: 11_500 }] }),
    );
    unwrap(
      await shop.sell({
        lines: [{ itemId, quantity: 1 }],
        payments: [
          { method: 'cash', amount: 1_500 },
          { method: 'card', amount: 10_000 },
        ],
      }),
    );
    unwrap(
      await refund(shop, a.id, [{ saleLineId: a.lines[0]!.id, quantity: 1 }], {
        warehouseId: shop.warehouseId,
      }),
    ); // −11.500
    unwrap(
      await shop.t.call(
        'pos.shifts.cashMove',
        { kind: 'cash_in', amount: 50_000, reason: 'tukar uang kecil' },
        shop.owner.token,
      ),
    );
    unwrap(
      await shop.t.call(
        'pos.shifts.cashMove',
        { kind: 'cash_out', amount: 20_000, reason: 'beli galon' },
        shop.owner.token,
      ),
    );
    const tooMuch = await shop.t.call(
      'pos.shifts.cashMove',
      { kind: 'cash_out', amount: 10_000_000, reason: 'setor bank' },
      shop.owner.token,
    );
    expect(tooMuch).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { amount: expect.any(String) } },
    });
    const expected = 200_000 + 23_000 + 1_500 - 11_500 + 50_000 - 20_000;

    const x = unwrap(await shop.t.call('pos.shifts.report', {}, shop.owner.token));
    expect(x).toMatchObject({
      kind: 'X',
      salesCount: 3,
      voidCount: 0,
      gross: 46_000,
      refunds: 11_500,
      net: 34_500,
      cashIn: 50_000,
      cashOut: 20_000,
      denominations: null,
      shift: { status: 'open', expectedCash: expected },
    });
    expect(x.byMethod).toEqual([
      { method: 'card', amount: 10_000, count: 1 },
      { method: 'cash', amount: 23_000 + 1_500 - 11_500, count: 3 },
      { method: 'qris', amount: 11_500, count: 1 },
    ]);

    const denominations = { '100000': 2, '50000': 1, '20000': 1, '10000': 1, '2000': 2, '500': 3 };
    const counted = 200_000 + 50_000 + 20_000 + 10_000 + 4_000 + 1_500;
    const z = unwrap(
      await shop.t.call('pos.shifts.close', { denominations, note: 'laci pas' }, shop.owner.token),
    );
    expect(z).toMatchObject({
      kind: 'Z',
      denominations,
      shift: {
        id: shift.id,
        status: 'closed',
        expectedCash: expected,
        countedCash: counted,
        variance: counted - expected,
      },
    });
    expect(z.shift.closedAt).toBe(shop.t.clock.now());

    // Closed: the Z report stays as it was, and the till sells nothing until a new shift opens.
    const again = unwrap(await shop.t.call('pos.shifts.report', { shiftId: shift.id }, shop.owner.token));
    expect(again).toEqual(z);
    expect(unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))).toBeNull();
    expect(codeOf(await shop.t.call('pos.shifts.report', {}, shop.owner.token))).toBe('CONFLICT');
    expect(codeOf(await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: cash(11_500) }))).toBe(
      'CONFLICT',
    );
    expect(codeOf(await shop.t.call('pos.shifts.close', { denominations: {} }, shop.owner.token))).toBe(
      'CONFLICT',
    );
    const next = await shop.openShift(150_000);
    expect(next.id).not.toBe(shift.id);
    expect(next.expectedCash).toBe(150_000);
  });
});
