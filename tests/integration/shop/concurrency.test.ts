import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/domain/errors';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { useTestCores } from '../support/core-fixture';
import { countRows, openShop, useLedgerCheck } from '../support/shop';

useTestCores();
useLedgerCheck();

let running: RunningHost | null = null;
afterEach(async () => {
  // Registered after the core cleanup, so it runs before it: the host stops before its core closes.
  await running?.close();
  running = null;
});

async function post(
  host: RunningHost,
  channel: string,
  input: unknown,
  token: string,
): Promise<Result<unknown>> {
  const response = await fetch(`${host.url}/ipc/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<unknown>;
}

describe('concurrent sales through the web host', () => {
  it('sells the last unit once: of 20 simultaneous sales exactly one succeeds, the rest are INSUFFICIENT_STOCK', async () => {
    const shop = await openShop();
    const itemId = await shop.item('HP-BEKAS-1', 850_000, { negativePolicy: 'block' });
    await shop.receive(itemId, 1);
    await shop.openShift();
    const cashier = await shop.t.loginAs('cashier');
    running = await startHost({
      core: () => shop.t.core,
      rendererDir: join(shop.t.dataDir, 'no-renderer'),
      port: 0,
    });
    const host = running;

    const ids = Array.from({ length: 20 }, () => randomUUID());
    const results = await Promise.all(
      ids.map((id, i) =>
        post(
          host,
          'pos.sales.complete',
          { id, lines: [{ itemId, quantity: 1 }], payments: [{ method: 'cash', amount: 850_000 }] },
          // Two tills' worth of callers: the owner and a cashier, interleaved.
          i % 2 ? cashier.token : shop.owner.token,
        ),
      ),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.filter((c) => c !== 'ok')).toEqual(Array(19).fill('INSUFFICIENT_STOCK'));

    const winner = ids[codes.indexOf('ok')]!;
    expect(shop.sqlite.prepare('SELECT id FROM sales').all()).toEqual([{ id: winner }]);
    expect(countRows(shop.sqlite, 'stock_movements', "kind = 'sale'")).toBe(1);
    expect(countRows(shop.sqlite, 'payments')).toBe(1);
    expect((await shop.level(itemId)).onHand).toBe(0);
    shop.expectLedgerConsistent();
  });

  it('answers simultaneous retries of one sale with that one sale', async () => {
    const shop = await openShop();
    const itemId = await shop.item('PULPEN', 3_000);
    await shop.receive(itemId, 50);
    await shop.openShift();
    running = await startHost({
      core: () => shop.t.core,
      rendererDir: join(shop.t.dataDir, 'no-renderer'),
      port: 0,
    });
    const host = running;
    const input = {
      id: randomUUID(),
      lines: [{ itemId, quantity: 2 }],
      payments: [{ method: 'cash', amount: 10_000 }],
    };

    const results = await Promise.all(
      Array.from({ length: 10 }, () => post(host, 'pos.sales.complete', input, shop.owner.token)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const numbers = new Set(results.map((r) => (r.ok ? (r.data as { number: string }).number : null)));
    expect(numbers.size).toBe(1);
    expect(countRows(shop.sqlite, 'sales')).toBe(1);
    expect(countRows(shop.sqlite, 'stock_movements', "kind = 'sale'")).toBe(1);
    expect((await shop.level(itemId)).onHand).toBe(48);
    shop.expectLedgerConsistent();
  });
});
