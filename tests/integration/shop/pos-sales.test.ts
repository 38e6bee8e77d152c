import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../../shared/contract/index';
import { parseTlv, verifyQris } from '../../../shared/domain/qris';
import { manualClock } from '../../../electron/core/platform/clock';
import { codeOf, OWNER_USERNAME, PASSWORD, START_MS, unwrap, useTestCores } from '../support/core-fixture';
import { countRows, openShop, staticQris, useLedgerCheck, type Shop } from '../support/shop';

useTestCores();
useLedgerCheck();

const cash = (amount: number) => [{ method: 'cash' as const, amount }];

/** A shop with an open shift and one stocked item per price given. */
async function tillWith(prices: number[], extra: { taxMode?: 'included' | 'excluded' | 'exempt' } = {}) {
  const shop = await openShop({ clock: manualClock(START_MS) });
  const items: string[] = [];
  for (const [i, price] of prices.entries()) {
    const product = await shop.product(`Barang ${i + 1}`, [{ sku: `BRG-${i + 1}`, price }], {
      taxMode: extra.taxMode ?? 'included',
    });
    items.push(product.items[0]!.id);
    await shop.receive(product.items[0]!.id, 1_000);
  }
  await shop.openShift();
  return { shop, items };
}

async function setSettings(shop: Shop, patch: ChannelInput<'settings.update'>) {
  unwrap(await shop.t.call('settings.update', patch, shop.owner.token));
}

describe('payments', () => {
  it('takes cash + QRIS; change comes only from cash', async () => {
    const { shop, items } = await tillWith([23_000]);
    const sale = unwrap(
      await shop.sell({
        lines: [{ itemId: items[0]!, quantity: 1 }],
        payments: [
          { method: 'qris', amount: 10_000, reference: 'QR-8812' },
          { method: 'cash', amount: 20_000 },
        ],
      }),
    );
    expect(sale).toMatchObject({
      total: 23_000,
      amountDue: 23_000,
      paid: 30_000,
      change: 7_000,
      status: 'completed',
    });
    expect(sale.payments).toEqual(
      expect.arrayContaining([
        { method: 'qris', amount: 10_000, reference: 'QR-8812' },
        { method: 'cash', amount: 20_000, reference: '' },
      ]),
    );
    // The ledger keeps what stayed: 13.000 cash in the drawer, 10.000 by QRIS.
    const ledger = shop.sqlite
      .prepare('SELECT method, amount FROM payments WHERE sale_id = ? ORDER BY method')
      .all(sale.id);
    expect(ledger).toEqual([
      { method: 'cash', amount: 13_000 },
      { method: 'qris', amount: 10_000 },
    ]);
    expect(unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!.expectedCash).toBe(
      200_000 + 13_000,
    );
  });

  it('refuses non-cash payments above the total and any payment short of it, writing nothing', async () => {
    const { shop, items } = await tillWith([23_000]);
    const line = [{ itemId: items[0]!, quantity: 1 }];
    const over = await shop.sell({ lines: line, payments: [{ method: 'qris', amount: 23_500 }] });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { payments: expect.any(String) } },
    });
    const overSplit = await shop.sell({
      lines: line,
      payments: [
        { method: 'card', amount: 20_000 },
        { method: 'qris', amount: 5_000 },
      ],
    });
    expect(codeOf(overSplit)).toBe('VALIDATION');
    const short = await shop.sell({
      lines: line,
      payments: [
        { method: 'qris', amount: 10_000 },
        { method: 'cash', amount: 12_999 },
      ],
    });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { payments: 'short by 1' } },
    });
    expect(countRows(shop.sqlite, 'sales')).toBe(0);
    expect(countRows(shop.sqlite, 'stock_movements', "kind = 'sale'")).toBe(0);
    // Exactly the total by QRIS alone is fine: no cash, no change.
    expect(
      unwrap(await shop.sell({ lines: line, payments: [{ method: 'qris', amount: 23_000 }] })).change,
    ).toBe(0);
  });

  it('needs an open shift', async () => {
    const shop = await openShop();
    const itemId = await shop.item('X-1', 1_000);
    await shop.receive(itemId, 5);
    expect(codeOf(await shop.sell({ lines: [{ itemId, quantity: 1 }], payments: cash(1_000) }))).toBe(
      'CONFLICT',
    );
  });
});

describe('sale numbers', () => {
  it('are SAL/<DEVICE>/<YYMM>/<6 digits>, counting per month in the branch time zone', async () => {
    const { shop, items } = await tillWith([1_000]);
    const device = shop.t.core.deps.device.code;
    let token = shop.owner.token;
    const sell = async () =>
      unwrap(await shop.sell({ lines: [{ itemId: items[0]!, quantity: 1 }], payments: cash(1_000) }, token))
        .number;
    /** Moves the clock; the owner signs in again since the old session went idle meanwhile. */
    const at = async (iso: string) => {
      shop.t.clock.set(Date.parse(iso));
      token = (await shop.t.login(OWNER_USERNAME, PASSWORD)).token;
    };

    expect(await sell()).toBe(`SAL/${device}/3001/000001`);
    expect(await sell()).toBe(`SAL/${device}/3001/000002`);
    // 23:59 on 31 January in Jakarta (UTC+7) is still January…
    await at('2030-01-31T16:59:00Z');
    expect(await sell()).toBe(`SAL/${device}/3001/000003`);
    // …and a minute later it is February there, though still January in UTC: a new sequence.
    await at('2030-01-31T17:00:00Z');
    expect(await sell()).toBe(`SAL/${device}/3002/000001`);
    await at('2030-02-10T03:00:00Z');
    expect(await sell()).toBe(`SAL/${device}/3002/000002`);

    // A branch in Papua (UTC+9) turns the month two hours earlier than Jakarta.
    await at('2030-02-28T15:30:00Z');
    unwrap(await shop.t.call('settings.update', { timeZone: 'Asia/Jayapura' }, token));
    expect(await sell()).toBe(`SAL/${device}/3003/000001`);
    expect(device).toMatch(/^[A-Z2-9]{4}$/);
  });
});

describe('PPN', () => {
  /** Lines whose per-line rounding differs from rounding the whole sale at once. */
  const cart = (items: string[]) => [
    { itemId: items[0]!, quantity: 3 },
    { itemId: items[1]!, quantity: 1 },
  ];

  it('a PKP branch takes floor(total × 11/111) per line from tax-inclusive prices', async () => {
    const { shop, items } = await tillWith([10_000, 4_999]);
    await setSettings(shop, { pkp: true, npwp: '012345678901234' });
    const sale = unwrap(await shop.sell({ lines: cart(items), payments: cash(34_999) }));
    for (const line of sale.lines) {
      expect(line.taxMode).toBe('included');
      expect(line.ppn).toBe(Math.floor((line.total * 11) / 111));
      expect(line.base + line.ppn).toBe(line.total);
    }
    expect(sale.lines.map((l) => [l.total, l.ppn])).toEqual([
      [30_000, 2_972],
      [4_999, 495],
    ]);
    expect(sale.ppn).toBe(3_467);
    // Per line, not on the sale total (which would give 3.468).
    expect(Math.floor((sale.total * 11) / 111)).toBe(3_468);
    expect(sale).toMatchObject({ total: 34_999, base: 34_999 - 3_467, amountDue: 34_999 });
  });

  it('adds PPN on top of tax-exclusive prices and none on exempt ones', async () => {
    const { shop, items } = await tillWith([10_000]);
    await setSettings(shop, { pkp: true });
    const exempt = await shop.product('Pulsa', [{ sku: 'PLS-10', price: 11_000 }], { taxMode: 'exempt' });
    const excluded = await shop.product('Jasa Servis', [{ sku: 'SRV-1', price: 50_000 }], {
      taxMode: 'excluded',
    });
    await shop.receive(exempt.items[0]!.id, 10);
    await shop.receive(excluded.items[0]!.id, 10);
    const sale = unwrap(
      await shop.sell({
        lines: [
          { itemId: exempt.items[0]!.id, quantity: 1 },
          { itemId: excluded.items[0]!.id, quantity: 1 },
          { itemId: items[0]!, quantity: 1 },
        ],
        payments: cash(100_000),
      }),
    );
    expect(sale.lines.map((l) => [l.taxMode, l.base, l.ppn, l.total])).toEqual([
      ['exempt', 11_000, 0, 11_000],
      ['excluded', 50_000, 5_500, 55_500],
      ['included', 9_010, 990, 10_000],
    ]);
    expect(sale.total).toBe(76_500);
  });

  it('a branch that is not PKP collects no PPN at all', async () => {
    const { shop, items } = await tillWith([10_000, 4_999]);
    const sale = unwrap(await shop.sell({ lines: cart(items), payments: cash(34_999) }));
    expect(sale.lines.every((l) => l.ppn === 0 && l.base === l.total)).toBe(true);
    expect(sale).toMatchObject({ ppn: 0, base: 34_999, total: 34_999 });
  });
});

describe('cash rounding', () => {
  it('rounds the cash part to Rp 100 or Rp 500 (half up) and records the rounding', async () => {
    const { shop, items } = await tillWith([12_449, 12_250]);
    const [small, big] = items as [string, string];
    await setSettings(shop, { cashRounding: 100 });
    const down = unwrap(await shop.sell({ lines: [{ itemId: small, quantity: 1 }], payments: cash(12_400) }));
    expect(down).toMatchObject({ total: 12_449, rounding: -49, amountDue: 12_400, change: 0 });

    await setSettings(shop, { cashRounding: 500 });
    const up = unwrap(await shop.sell({ lines: [{ itemId: big, quantity: 1 }], payments: cash(13_000) }));
    expect(up).toMatchObject({ total: 12_250, rounding: 250, amountDue: 12_500, change: 500 });
    expect(codeOf(await shop.sell({ lines: [{ itemId: big, quantity: 1 }], payments: cash(12_250) }))).toBe(
      'VALIDATION',
    );

    // Only cash is rounded: QRIS pays to the rupiah, and in a split only the cash part rounds.
    const qris = unwrap(
      await shop.sell({
        lines: [{ itemId: big, quantity: 1 }],
        payments: [{ method: 'qris', amount: 12_250 }],
      }),
    );
    expect(qris).toMatchObject({ rounding: 0, amountDue: 12_250 });
    const split = unwrap(
      await shop.sell({
        lines: [{ itemId: big, quantity: 1 }],
        payments: [
          { method: 'qris', amount: 10_000 },
          { method: 'cash', amount: 2_500 },
        ],
      }),
    );
    expect(split).toMatchObject({ rounding: 250, amountDue: 12_500, change: 0 });
    // What stays in the drawer is the rounded amount.
    const drawer = unwrap(await shop.t.call('pos.shifts.current', {}, shop.owner.token))!.expectedCash;
    expect(drawer).toBe(200_000 + 12_400 + 12_500 + 2_500);
  });
});

describe('discount approval', () => {
  it('a cashier above the limit needs a manager PIN; with it the sale records who approved', async () => {
    const { shop, items } = await tillWith([10_000]);
    const itemId = items[0]!;
    const cashier = await shop.t.loginAs('cashier');
    const manager = await shop.t.loginAs('manager');
    const discounted = (percent: number, managerPin?: string) =>
      shop.sell(
        {
          lines: [{ itemId, quantity: 1, discount: { kind: 'percent', value: percent } }],
          payments: cash(10_000),
          managerPin,
        },
        cashier.token,
      );

    // Up to the limit (10% by default) a cashier may give it alone.
    const atLimit = unwrap(await discounted(10));
    expect(atLimit.discount).toBe(1_000);
    expect(shop.sqlite.prepare('SELECT approved_by FROM sales WHERE id = ?').get(atLimit.id)).toEqual({
      approved_by: null,
    });

    const before = countRows(shop.sqlite, 'sales');
    expect(await discounted(15)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { managerPin: 'required' } },
    });
    // No PIN set yet, so no PIN can approve.
    expect(await discounted(15, '1357')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { managerPin: 'wrong PIN' } },
    });

    // A cashier cannot give themselves a PIN (auth.pin.set needs pos.discount); a manager can.
    expect(
      codeOf(await shop.t.call('auth.pin.set', { currentPassword: PASSWORD, pin: '1111' }, cashier.token)),
    ).toBe('FORBIDDEN');
    expect(
      await shop.t.call('auth.pin.set', { currentPassword: 'salah-sandi', pin: '1357' }, manager.token),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: expect.any(String) } },
    });
    unwrap(await shop.t.call('auth.pin.set', { currentPassword: PASSWORD, pin: '1357' }, manager.token));
    expect(await discounted(15, '2468')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', fields: { managerPin: 'wrong PIN' } },
    });
    expect(countRows(shop.sqlite, 'sales')).toBe(before);

    const approved = unwrap(await discounted(15, '1357'));
    expect(approved).toMatchObject({ discount: 1_500, total: 8_500, change: 1_500 });
    expect(shop.sqlite.prepare('SELECT approved_by FROM sales WHERE id = ?').get(approved.id)).toEqual({
      approved_by: manager.userId,
    });

    // A cart discount counts the same way; a manager at the till approves their own.
    const cart = unwrap(
      await shop.sell(
        {
          lines: [{ itemId, quantity: 2 }],
          cartDiscount: { kind: 'amount', value: 5_000 },
          payments: cash(15_000),
        },
        manager.token,
      ),
    );
    expect(cart.discount).toBe(5_000);
    expect(shop.sqlite.prepare('SELECT approved_by FROM sales WHERE id = ?').get(cart.id)).toEqual({
      approved_by: manager.userId,
    });
  });

  it('follows the branch discount limit', async () => {
    const { shop, items } = await tillWith([10_000]);
    await setSettings(shop, { discountLimitPercent: 20 });
    const cashier = await shop.t.loginAs('cashier');
    const sell = (percent: number) =>
      shop.sell(
        {
          lines: [{ itemId: items[0]!, quantity: 1, discount: { kind: 'percent', value: percent } }],
          payments: cash(10_000),
        },
        cashier.token,
      );
    expect(codeOf(await sell(20))).toBe('ok');
    expect(codeOf(await sell(21))).toBe('FORBIDDEN');
  });
});

describe('idempotent completion', () => {
  it('a retry with the same sale id answers the same sale and writes nothing twice', async () => {
    const { shop, items } = await tillWith([7_500]);
    const itemId = items[0]!;
    const input = { id: randomUUID(), lines: [{ itemId, quantity: 2 }], payments: cash(20_000) };
    const first = unwrap(await shop.sell(input));
    const tables = [
      'sales',
      'sale_lines',
      'stock_movements',
      'payments',
      'cash_movements',
      'sync_outbox',
    ] as const;
    const counts = () => Object.fromEntries(tables.map((table) => [table, countRows(shop.sqlite, table)]));
    const after = counts();

    const retry = unwrap(await shop.sell(input));
    expect(retry).toEqual(first);
    expect(counts()).toEqual(after);
    expect(countRows(shop.sqlite, 'stock_movements', 'ref_id = ?', input.id)).toBe(1);
    expect((await shop.level(itemId)).onHand).toBe(998);

    // The same id with a different cart is someone else's sale: refused, nothing written.
    const other = await shop.sell({ ...input, lines: [{ itemId, quantity: 3 }] });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(counts()).toEqual(after);
    expect(
      unwrap(await shop.t.call('pos.sales.get', { id: input.id }, shop.owner.token)).lines[0]!.quantity,
    ).toBe(2);
  });
});

describe('QRIS, receipts and held carts', () => {
  it('makes a dynamic QRIS carrying the amount, with a CRC that verifies', async () => {
    const { shop } = await tillWith([1_000]);
    expect(await shop.t.call('pos.qris.dynamic', { amount: 25_000 }, shop.owner.token)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const merchant = staticQris('WARUNG BU SARI', 'DEPOK');
    await setSettings(shop, { qrisStatic: merchant });
    const { payload } = unwrap(await shop.t.call('pos.qris.dynamic', { amount: 25_000 }, shop.owner.token));
    expect(verifyQris(payload)).toBe(true);
    const tags = Object.fromEntries(parseTlv(payload).map((t) => [t.tag, t.value]));
    expect(tags).toMatchObject({ '01': '12', '54': '25000', '59': 'WARUNG BU SARI', '60': 'DEPOK' });
    // Everything else of the merchant's QRIS is kept as it was.
    const original = Object.fromEntries(parseTlv(merchant).map((t) => [t.tag, t.value]));
    for (const tag of ['00', '26', '52', '53', '58', '61']) expect(tags[tag]).toBe(original[tag]);
    expect(payload).not.toBe(merchant);
  });

  it('renders a receipt as HTML with the sale number and as ESC/POS bytes', async () => {
    const { shop, items } = await tillWith([12_500]);
    const sale = unwrap(
      await shop.sell({ lines: [{ itemId: items[0]!, quantity: 2 }], payments: cash(50_000) }),
    );
    for (const width of [58, 80] as const) {
      const receipt = unwrap(
        await shop.t.call('pos.receipts.render', { saleId: sale.id, width }, shop.owner.token),
      );
      expect(receipt.width).toBe(width);
      expect(receipt.html).toContain(sale.number);
      const bytes = Buffer.from(receipt.escposBase64, 'base64');
      expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
      expect(bytes.includes(Buffer.from(sale.number))).toBe(true);
    }
    expect(codeOf(await shop.t.call('pos.receipts.render', { saleId: randomUUID() }, shop.owner.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('holds carts aside, lists them and recalls one (which leaves the list)', async () => {
    const { shop, items } = await tillWith([1_000]);
    const cashier = await shop.t.loginAs('cashier');
    const first = unwrap(
      await shop.t.call(
        'pos.carts.hold',
        { label: 'Ibu kerudung biru', cart: { lines: [{ itemId: items[0], quantity: 2 }] } },
        cashier.token,
      ),
    );
    shop.t.clock.advance(1_000);
    const second = unwrap(
      await shop.t.call(
        'pos.carts.hold',
        { label: 'Pak ojol', cart: { lines: [], note: 'balik lagi' } },
        cashier.token,
      ),
    );
    expect(unwrap(await shop.t.call('pos.carts.list', {}, cashier.token)).map((c) => c.label)).toEqual([
      'Ibu kerudung biru',
      'Pak ojol',
    ]);

    const recalled = unwrap(await shop.t.call('pos.carts.recall', { id: first.id }, cashier.token));
    expect(recalled).toEqual(first);
    expect(recalled.cart).toEqual({ lines: [{ itemId: items[0], quantity: 2 }] });
    expect(unwrap(await shop.t.call('pos.carts.list', {}, cashier.token)).map((c) => c.id)).toEqual([
      second.id,
    ]);
    expect(codeOf(await shop.t.call('pos.carts.recall', { id: first.id }, cashier.token))).toBe('NOT_FOUND');
  });
});
