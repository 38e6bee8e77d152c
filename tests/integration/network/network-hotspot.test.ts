/**
 * Hotspot through Gerai against the RouterOS simulator, once per version profile: voucher batches
 * (codes, router users, POS stock, printable cards), user and profile lists, and logging a user out.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_VERSIONS } from '../../sim/routeros/sim-profiles';
import { cleanupTestCores, codeOf, unwrap } from '../support/core-fixture';
import { pdfPageCount, pdfTextRuns } from '../../support/pdf-text';
import { behindTheBack, menu, networkTest, type NetworkTest } from './network-support';
import { closedPort, sim } from './routeros-support';

afterAll(cleanupTestCores);

/** The text a PDF shows, one string per text run, and its page count. */
function pdfText(pdf: Buffer): { pages: number; runs: string[] } {
  return { pages: pdfPageCount(pdf), runs: pdfTextRuns(pdf) };
}

describe.each(SIM_VERSIONS)('RouterOS %s: hotspot', (version) => {
  let n: NetworkTest;
  let warehouseId: string;
  beforeAll(async () => {
    n = await networkTest();
    warehouseId = unwrap(await n.t.call('inventory.warehouses.list', {}, n.owner.token))[0]!.id;
  });

  async function routerWithProfile(options: { hotspotDns?: string } = {}) {
    const router = await sim({ version });
    await behindTheBack(router).add('/ip/hotspot/user/profile', {
      name: '1hari',
      'rate-limit': '1M/3M',
      'shared-users': 1,
    });
    return { router, created: await n.addRouter(router, options) };
  }

  it('generates 50 vouchers: 50 users on the router, 50 cards in the PDF, 50 in stock for the POS', async () => {
    const { router, created } = await routerWithProfile({ hotspotDns: 'wifi.gerai.net' });
    const batch = unwrap(
      await n.t.call(
        'network.hotspot.vouchers.generate',
        {
          routerId: created.id,
          count: 50,
          prefix: 'vc',
          length: 6,
          charset: 'alnum',
          profile: '1hari',
          limitUptime: '1d',
          price: 5_000,
          comment: 'agustus',
        },
        n.owner.token,
      ),
    );
    expect(batch).toMatchObject({
      routerId: created.id,
      count: 50,
      profile: '1hari',
      price: 5_000,
      comment: 'agustus',
    });
    const names = batch.vouchers.map((v) => v.username);
    expect(new Set(names).size).toBe(50);
    for (const voucher of batch.vouchers) {
      expect(voucher.username).toMatch(/^vc[a-km-z2-9]{6}$/);
      expect(voucher.password).toBe(voucher.username);
    }

    await n.runJobs();
    expect(await n.job(batch.jobId)).toMatchObject({ state: 'done', operation: 'hotspot.vouchers.sync' });
    const users = menu(router, '/ip/hotspot/user');
    expect(users).toHaveLength(50);
    expect(users.map((u) => u.name).sort()).toEqual([...names].sort());
    for (const user of users) {
      expect(user).toMatchObject({
        profile: '1hari',
        'limit-uptime': '1d',
        comment: `gerai:${batch.id} agustus`,
      });
      expect(user.password).toBe(user.name);
    }

    const pdf = unwrap(await n.t.call('network.hotspot.vouchers.pdf', { batchId: batch.id }, n.owner.token));
    expect(pdf.cards).toBe(50);
    expect(pdf.fileName).toMatch(/^voucher-vcr-1hari-5000-\d{4}-\d{2}-\d{2}\.pdf$/);
    const { pages, runs } = pdfText(Buffer.from(pdf.pdfBase64, 'base64'));
    expect(pages).toBe(3); // 24 a page
    for (const name of names) expect(runs.filter((run) => run === name)).toHaveLength(1);
    expect(runs.filter((run) => run === 'Cabang Depok')).toHaveLength(50);
    expect(runs.filter((run) => run === 'Rp 5.000')).toHaveLength(50);
    expect(runs.filter((run) => run.includes('1 hari'))).toHaveLength(50);
    expect(runs.filter((run) => run === 'Login: http://wifi.gerai.net')).toHaveLength(50);

    // Stocked as one item per profile and price, tax exempt, that the till can sell.
    expect(batch.itemId).not.toBeNull();
    const [level] = unwrap(
      await n.t.call('inventory.stock.levels', { itemId: batch.itemId!, warehouseId }, n.owner.token),
    ).levels;
    expect(level).toMatchObject({ sku: 'VCR-1HARI-5000', onHand: 50 });
    const [hit] = unwrap(
      await n.t.call('catalog.products.search', { query: 'VCR-1HARI-5000' }, n.owner.token),
    );
    expect(hit).toMatchObject({
      itemId: batch.itemId,
      price: 5_000,
      taxMode: 'exempt',
      name: 'Voucher WiFi 1hari Rp 5.000',
    });
    unwrap(await n.t.call('pos.shifts.open', { warehouseId, openingFloat: 100_000 }, n.owner.token));
    unwrap(
      await n.t.call(
        'pos.sales.complete',
        {
          id: randomUUID(),
          lines: [{ itemId: batch.itemId!, quantity: 2 }],
          payments: [{ method: 'cash', amount: 10_000 }],
        },
        n.owner.token,
      ),
    );

    // A second batch of the same profile and price reuses the item.
    const more = unwrap(
      await n.t.call(
        'network.hotspot.vouchers.generate',
        { routerId: created.id, count: 10, profile: '1hari', price: 5_000 },
        n.owner.token,
      ),
    );
    expect(more.itemId).toBe(batch.itemId);
    const [after] = unwrap(
      await n.t.call('inventory.stock.levels', { itemId: batch.itemId!, warehouseId }, n.owner.token),
    ).levels;
    expect(after!.onHand).toBe(58);
    await n.runJobs();
    expect(menu(router, '/ip/hotspot/user')).toHaveLength(60);
  });

  it('prints a separate password when asked, and the router host when there is no hotspot DNS name', async () => {
    const { router, created } = await routerWithProfile();
    const batch = unwrap(
      await n.t.call(
        'network.hotspot.vouchers.generate',
        {
          routerId: created.id,
          count: 3,
          codeOnly: false,
          charset: 'numeric',
          length: 8,
          profile: '1hari',
          price: 10_000,
          sellAtPos: false,
        },
        n.owner.token,
      ),
    );
    expect(batch.itemId).toBeNull();
    for (const voucher of batch.vouchers) {
      expect(voucher.username).toMatch(/^\d{8}$/);
      expect(voucher.password).toMatch(/^\d{8}$/);
      expect(voucher.password).not.toBe(voucher.username);
    }
    await n.runJobs();
    expect(
      menu(router, '/ip/hotspot/user')
        .map((u) => [u.name, u.password])
        .sort(),
    ).toEqual(batch.vouchers.map((v) => [v.username, v.password]).sort());
    const { runs } = pdfText(
      Buffer.from(
        unwrap(await n.t.call('network.hotspot.vouchers.pdf', { batchId: batch.id }, n.owner.token))
          .pdfBase64,
        'base64',
      ),
    );
    for (const voucher of batch.vouchers) expect(runs).toContain(voucher.password);
    expect(runs.filter((run) => run === 'PASSWORD')).toHaveLength(3);
    expect(runs).toContain('Login: http://127.0.0.1');
  });

  it('lists hotspot profiles and users (filtered by comment), logs a user out and forgets their cookie', async () => {
    const { router, created } = await routerWithProfile();
    const batch = unwrap(
      await n.t.call(
        'network.hotspot.vouchers.generate',
        {
          routerId: created.id,
          count: 2,
          profile: '1hari',
          price: 2_000,
          comment: 'harian',
          sellAtPos: false,
        },
        n.owner.token,
      ),
    );
    await n.runJobs();
    await behindTheBack(router).add('/ip/hotspot/user', { name: 'tamu', password: 'x', comment: 'manual' });
    const profiles = unwrap(
      await n.t.call('network.hotspot.profiles.list', { routerId: created.id }, n.owner.token),
    );
    expect(profiles.map((p) => p.name)).toEqual(['default', '1hari']);
    expect(profiles[1]).toMatchObject({ rateLimit: '1M/3M', sharedUsers: '1' });
    const all = unwrap(await n.t.call('network.hotspot.users.list', { routerId: created.id }, n.owner.token));
    expect(all).toHaveLength(3);
    const ours = unwrap(
      await n.t.call(
        'network.hotspot.users.list',
        { routerId: created.id, comment: 'harian' },
        n.owner.token,
      ),
    );
    expect(ours.map((u) => u.name).sort()).toEqual(batch.vouchers.map((v) => v.username).sort());
    expect(ours[0]).toMatchObject({ profile: '1hari', disabled: false, uptime: '0s' });

    const [first] = batch.vouchers;
    router.hotspotLogin(first!.username, { macAddress: '02:00:00:00:00:0A' });
    router.hotspotLogin('tamu');
    const active = unwrap(
      await n.t.call('network.hotspot.active.list', { routerId: created.id }, n.owner.token),
    );
    expect(active.map((a) => a.user).sort()).toEqual([first!.username, 'tamu'].sort());
    expect(active.find((a) => a.user === first!.username)).toMatchObject({ macAddress: '02:00:00:00:00:0A' });
    const job = unwrap(
      await n.t.call(
        'network.hotspot.active.kick',
        { routerId: created.id, user: first!.username },
        n.owner.token,
      ),
    );
    await n.runJobs();
    expect(await n.job(job.id)).toMatchObject({ state: 'done' });
    expect(menu(router, '/ip/hotspot/active').map((a) => a.user)).toEqual(['tamu']);
    expect(menu(router, '/ip/hotspot/cookie').map((c) => c.user)).toEqual(['tamu']);
    // The voucher itself stays: they may log in again.
    expect(menu(router, '/ip/hotspot/user')).toHaveLength(3);
  });

  it('generates vouchers offline (checked against Gerai’s own) and creates them once the router answers', async () => {
    const port = await closedPort();
    const created = await n.addRouter({ port });
    const batch = unwrap(
      await n.t.call(
        'network.hotspot.vouchers.generate',
        { routerId: created.id, count: 5, profile: 'default', price: 1_000, sellAtPos: false },
        n.owner.token,
      ),
    );
    await n.runJobs();
    expect(await n.job(batch.jobId)).toMatchObject({ state: 'pending', attempts: 1 });
    const router = await sim({ version, port });
    n.t.clock.advance(5_000);
    await n.runJobs();
    expect(await n.job(batch.jobId)).toMatchObject({ state: 'done', attempts: 2 });
    expect(menu(router, '/ip/hotspot/user')).toHaveLength(5);
    expect(
      codeOf(await n.t.call('network.hotspot.vouchers.pdf', { batchId: randomUUID() }, n.owner.token)),
    ).toBe('NOT_FOUND');
  });
});

describe('voucher codes', () => {
  it('never reuses a name the router already has, nor one of Gerai’s vouchers on that router', async () => {
    const n = await networkTest();
    const router = await sim({ version: '7.18' });
    const created = await n.addRouter(router);
    // 4-digit codes: 10,000 possible. 2,000 taken on the router by hand, then 2 batches of 500.
    const client = behindTheBack(router);
    await Promise.all(
      Array.from({ length: 2_000 }, (_, i) =>
        client.add('/ip/hotspot/user', { name: `x${String(i * 5).padStart(4, '0')}` }),
      ),
    );
    const taken = new Set(menu(router, '/ip/hotspot/user').map((u) => u.name));
    const made = new Set<string>();
    for (let round = 0; round < 2; round++) {
      const batch = unwrap(
        await n.t.call(
          'network.hotspot.vouchers.generate',
          {
            routerId: created.id,
            count: 500,
            prefix: 'x',
            length: 4,
            charset: 'numeric',
            profile: 'default',
            price: 1_000,
            sellAtPos: false,
          },
          n.owner.token,
        ),
      );
      for (const { username } of batch.vouchers) {
        expect(taken.has(username), username).toBe(false);
        expect(made.has(username), username).toBe(false);
        made.add(username);
      }
    }
    await n.runJobs();
    expect(menu(router, '/ip/hotspot/user')).toHaveLength(3_000);
  });
});
