import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { countRows, openShop, type Shop } from '../support/shop';

useTestCores();

const opened: Shop[] = [];
async function shopFor(): Promise<Shop> {
  const shop = await openShop();
  opened.push(shop);
  return shop;
}
afterEach(() => {
  for (const shop of opened.splice(0)) shop.expectLedgerConsistent();
});

async function order(shop: Shop, itemId: string, quantity: number, extra: Record<string, unknown> = {}) {
  return shop.t.call(
    'orders.create',
    {
      id: randomUUID(),
      channel: 'whatsapp',
      customerName: 'Siti Aminah',
      customerPhone: '0812-3456-7890',
      shippingAddress: 'Jl. Kaliurang KM 5, Sleman',
      shippingFee: 10_000,
      lines: [{ itemId, quantity }],
      ...extra,
    },
    shop.owner.token,
  );
}

describe('orders', () => {
  it('reserves stock at creation, deducts it at shipping, and completes', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('BERAS-5', 70_000);
    await shop.receive(itemId, 10);
    const created = unwrap(await order(shop, itemId, 3));
    expect(created).toMatchObject({ status: 'PENDING', paymentStatus: 'unpaid', total: 3 * 70_000 + 10_000 });
    expect(created.number).toMatch(/^ORD\/[A-Z0-9]{4}\/\d{4}\/\d{6}$/);
    expect(await shop.level(itemId)).toMatchObject({ onHand: 10, reserved: 3, available: 7 });

    const processed = unwrap(await shop.t.call('orders.setStatus', { ids: [created.id], status: 'PROCESSED' }, shop.owner.token));
    expect(processed.failed).toEqual([]);
    const shipped = unwrap(await shop.t.call('orders.setStatus', { ids: [created.id], status: 'SHIPPED' }, shop.owner.token));
    expect(shipped.updated[0]!.status).toBe('SHIPPED');
    expect(await shop.level(itemId)).toMatchObject({ onHand: 7, reserved: 0, available: 7 });
    const done = unwrap(await shop.t.call('orders.setStatus', { ids: [created.id], status: 'COMPLETED' }, shop.owner.token));
    expect(done.updated[0]!.history.map((h) => h.to)).toEqual(['PENDING', 'PROCESSED', 'SHIPPED', 'COMPLETED']);
  });

  it('refuses to reserve more than is available for a block-policy item, and writes nothing', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('GULA-1', 15_000);
    await shop.receive(itemId, 2);
    const before = countRows(shop.sqlite, 'orders');
    expect(codeOf(await order(shop, itemId, 3))).toBe('INSUFFICIENT_STOCK');
    expect(countRows(shop.sqlite, 'orders')).toBe(before);
    expect(await shop.level(itemId)).toMatchObject({ reserved: 0 });
  });

  it('releases the reservation on cancel, and restocks when a shipped order is cancelled', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('MINYAK-2', 35_000);
    await shop.receive(itemId, 10);
    const a = unwrap(await order(shop, itemId, 4));
    unwrap(await shop.t.call('orders.setStatus', { ids: [a.id], status: 'CANCELLED', note: 'pembeli batal' }, shop.owner.token));
    expect(await shop.level(itemId)).toMatchObject({ onHand: 10, reserved: 0 });

    const b = unwrap(await order(shop, itemId, 2));
    unwrap(await shop.t.call('orders.setStatus', { ids: [b.id], status: 'PROCESSED' }, shop.owner.token));
    unwrap(await shop.t.call('orders.setStatus', { ids: [b.id], status: 'SHIPPED' }, shop.owner.token));
    expect((await shop.level(itemId)).onHand).toBe(8);
    const cancelled = unwrap(await shop.t.call('orders.setStatus', { ids: [b.id], status: 'CANCELLED', note: 'retur kurir' }, shop.owner.token));
    expect(cancelled.updated[0]).toMatchObject({ status: 'CANCELLED', cancelReason: 'retur kurir' });
    expect((await shop.level(itemId)).onHand).toBe(10);
  });

  it('changes status in bulk and reports each failure without undoing the others', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('KOPI-200', 25_000);
    await shop.receive(itemId, 10);
    const ok1 = unwrap(await order(shop, itemId, 1));
    const ok2 = unwrap(await order(shop, itemId, 1));
    const done = unwrap(await order(shop, itemId, 1));
    unwrap(await shop.t.call('orders.setStatus', { ids: [done.id], status: 'CANCELLED' }, shop.owner.token));
    const result = unwrap(await shop.t.call('orders.setStatus', { ids: [ok1.id, done.id, ok2.id], status: 'PROCESSED' }, shop.owner.token));
    expect(result.updated.map((o) => o.id).sort()).toEqual([ok1.id, ok2.id].sort());
    expect(result.failed).toEqual([{ id: done.id, code: 'CONFLICT', message: expect.any(String) }]);
  });

  it('records payments up to the total: unpaid → partial → paid; cash needs an open shift', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('SABUN-1', 5_000);
    await shop.receive(itemId, 10);
    const o = unwrap(await order(shop, itemId, 2, { shippingFee: 0 }));
    expect(codeOf(await shop.t.call('orders.payments.record', { orderId: o.id, method: 'cash', amount: 4_000 }, shop.owner.token))).toBe('CONFLICT');
    await shop.openShift();
    const partial = unwrap(await shop.t.call('orders.payments.record', { orderId: o.id, method: 'cash', amount: 4_000 }, shop.owner.token));
    expect(partial).toMatchObject({ paid: 4_000, paymentStatus: 'partial' });
    expect(codeOf(await shop.t.call('orders.payments.record', { orderId: o.id, method: 'transfer', amount: 7_000 }, shop.owner.token))).toBe('VALIDATION');
    const paid = unwrap(await shop.t.call('orders.payments.record', { orderId: o.id, method: 'transfer', amount: 6_000, reference: 'BCA 123' }, shop.owner.token));
    expect(paid).toMatchObject({ paid: 10_000, paymentStatus: 'paid' });
    const report = unwrap(await shop.t.call('pos.shifts.report', {}, shop.owner.token));
    expect(report.shift.expectedCash).toBe(200_000 + 4_000);
  });

  it('lists by status, payment status and text', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('TEH-1', 5_000);
    await shop.receive(itemId, 10);
    const a = unwrap(await order(shop, itemId, 1, { customerName: 'Budi Santoso' }));
    unwrap(await order(shop, itemId, 1, { customerName: 'Rina Wati' }));
    unwrap(await shop.t.call('orders.setStatus', { ids: [a.id], status: 'PROCESSED' }, shop.owner.token));
    const processed = unwrap(await shop.t.call('orders.list', { status: 'PROCESSED' }, shop.owner.token));
    expect(processed.orders.map((o) => o.customerName)).toEqual(['Budi Santoso']);
    expect(unwrap(await shop.t.call('orders.list', { query: 'rina' }, shop.owner.token)).total).toBe(1);
    expect(unwrap(await shop.t.call('orders.list', { paymentStatus: 'unpaid' }, shop.owner.token)).total).toBe(2);
  });

  it('is idempotent by client id', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('AIR-1', 3_000);
    await shop.receive(itemId, 10);
    const id = randomUUID();
    const first = unwrap(await order(shop, itemId, 2, { id }));
    const again = unwrap(await order(shop, itemId, 2, { id }));
    expect(again.number).toBe(first.number);
    expect(countRows(shop.sqlite, 'orders')).toBe(1);
    expect((await shop.level(itemId)).reserved).toBe(2);
  });

  it('renders invoice, packing slip and label as PDF', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('KAOS-M', 50_000);
    await shop.receive(itemId, 5);
    const o = unwrap(await order(shop, itemId, 1));
    for (const kind of ['invoice', 'packing_slip', 'label'] as const) {
      const doc = unwrap(await shop.t.call('orders.documents.pdf', { id: o.id, kind }, shop.owner.token));
      const bytes = Buffer.from(doc.pdfBase64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(doc.fileName).toMatch(/\.pdf$/);
    }
  });

  it('needs orders.manage to create (a cashier may only look)', async () => {
    const shop = await shopFor();
    const itemId = await shop.item('KECAP-1', 9_000);
    await shop.receive(itemId, 5);
    const cashier = await shop.t.loginAs('cashier');
    const result = await shop.t.call(
      'orders.create',
      { id: randomUUID(), channel: 'phone', customerName: 'X', lines: [{ itemId, quantity: 1 }] },
      cashier.token,
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(codeOf(await shop.t.call('orders.list', {}, cashier.token))).toBe('ok');
  });
});

describe('customers', () => {
  it('gets an automatic code, a normalised phone, and their group price list at the till', async () => {
    const shop = await shopFor();
    const created = unwrap(await shop.t.call('customers.create', { name: 'Dewi Lestari', phone: '0812 3456 7890' }, shop.owner.token));
    expect(created.code).toMatch(/^PLG-[A-Z0-9]{4}-\d{5}$/);
    expect(created.phone).toBe('+6281234567890');
    expect(codeOf(await shop.t.call('customers.create', { name: 'X', phone: '12345' }, shop.owner.token))).toBe('VALIDATION');
    const found = unwrap(await shop.t.call('customers.list', { query: '0812345' }, shop.owner.token));
    expect(found.customers.map((c) => c.id)).toEqual([created.id]);
    const updated = unwrap(await shop.t.call('customers.update', { id: created.id, address: 'Jl. Gejayan 10' }, shop.owner.token));
    expect(updated.address).toBe('Jl. Gejayan 10');
    expect(updated.credit).toBe(0);
  });
});
