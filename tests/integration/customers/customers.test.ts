import { describe, expect, it } from 'vitest';
import { codeOf, unwrap, useTestCores } from '../support/core-fixture';
import { openOffice, type Office } from './customer-office';

useTestCores();

const NIK_MAN = '3404071205880001';
const NIK_WOMAN = '3404075203900002';

/** A live subscription row for the customer, as the subscriptions part would write it (the rule reads it). */
function insertLiveSubscription(office: Office, customerId: string) {
  const sqlite = office.t.core.deps.store.sqlite;
  sqlite.pragma('foreign_keys = OFF');
  sqlite
    .prepare(
      `INSERT INTO subscriptions (id, created_at, updated_at, hlc, origin_device, code, customer_id, plan_id, router_id, username, state)
       VALUES ('01900000-0000-7000-8000-000000000001', 0, 0, '0', 'dev', 'LGN-1', ?, 'plan', 'router', 'budi', 'active')`,
    )
    .run(customerId);
  sqlite.pragma('foreign_keys = ON');
}

describe('customers: create and update', () => {
  it('keeps every field: WhatsApp as +62…, NIK without separators, category, location, prospect status', async () => {
    const office = await openOffice();
    const created = await office.create({
      name: 'Warung Makan Bu Sri',
      phone: '0812-3456-7890',
      email: 'sri@example.id',
      nik: '3404 0752 0390 0002',
      address: 'Jl. Affandi 12, Caturtunggal',
      category: 'business',
      latitude: -7.7765,
      longitude: 110.3921,
      notes: 'Pasang di lantai 2',
    });
    expect(created).toMatchObject({
      phone: '+6281234567890',
      email: 'sri@example.id',
      nik: NIK_WOMAN,
      category: 'business',
      latitude: -7.7765,
      longitude: 110.3921,
      status: 'prospect',
      notes: 'Pasang di lantai 2',
      credit: 0,
    });
    expect(created.code).toMatch(/^PLG-[A-Z0-9]{4}-00001$/);
    expect(unwrap(await office.t.call('customers.get', { id: created.id }, office.owner.token))).toEqual(
      created,
    );

    const plain = await office.create({ name: 'Budi Santoso' });
    expect(plain).toMatchObject({
      nik: '',
      category: 'residential',
      latitude: null,
      longitude: null,
      phone: '',
    });
    expect(plain.code).toMatch(/-00002$/);
  });

  it('refuses a bad NIK with a field error in the caller’s language and writes nothing', async () => {
    const office = await openOffice();
    for (const [nik, en] of [
      ['340407120588001', 'A NIK has 16 digits.'],
      ['0004071205880001', 'The NIK province code (first 2 digits) must be 11–94.'],
      ['3404073505880001', 'The NIK birth day (digits 7–8) must be 01–31, or 41–71 for women.'],
      ['3404071213880001', 'The NIK birth month (digits 9–10) must be 01–12.'],
      ['34040712O5880001', 'A NIK holds digits only.'],
    ] as const) {
      const result = await office.tryCreate({ name: 'Budi', nik }, 'en');
      expect(result.ok ? null : result.error, nik).toMatchObject({ code: 'VALIDATION', fields: { nik: en } });
    }
    const indonesian = await office.tryCreate({ name: 'Budi', nik: '123' }, 'id');
    expect(indonesian.ok ? null : indonesian.error.fields).toEqual({ nik: 'NIK harus 16 digit.' });
    expect(office.count('customers')).toBe(0);
  });

  it('refuses a NIK another live customer holds (CONFLICT naming them)', async () => {
    const office = await openOffice();
    const first = await office.create({ name: 'Budi Santoso', nik: NIK_MAN });
    const again = await office.tryCreate({ name: 'Budi S.', nik: NIK_MAN }, 'en');
    expect(again.ok ? null : again.error).toMatchObject({
      code: 'CONFLICT',
      fields: { nik: expect.stringContaining(first.code) },
    });
    const other = await office.create({ name: 'Sri Wahyuni' });
    const update = await office.t.call(
      'customers.update',
      { id: other.id, nik: NIK_MAN },
      office.owner.token,
    );
    expect(codeOf(update)).toBe('CONFLICT');
    // Saving the customer's own NIK again is not a conflict with themselves.
    expect(
      codeOf(
        await office.t.call(
          'customers.update',
          { id: first.id, nik: NIK_MAN, name: 'Budi' },
          office.owner.token,
        ),
      ),
    ).toBe('ok');
  });

  it('wants both coordinates or neither, each within range', async () => {
    const office = await openOffice();
    const half = await office.tryCreate({ name: 'Budi', latitude: -7.79 }, 'en');
    expect(half.ok ? null : half.error).toMatchObject({
      code: 'VALIDATION',
      fields: { longitude: expect.any(String) },
    });
    expect(codeOf(await office.tryCreate({ name: 'Budi', latitude: -91, longitude: 110 }))).toBe(
      'VALIDATION',
    );
    expect(codeOf(await office.tryCreate({ name: 'Budi', latitude: -7.7, longitude: 181 }))).toBe(
      'VALIDATION',
    );
    expect(codeOf(await office.tryCreate({ name: 'Budi', phone: '12345' }))).toBe('VALIDATION');
    expect(codeOf(await office.tryCreate({ name: 'Budi', email: 'bukan-email' }))).toBe('VALIDATION');
    expect(office.count('customers')).toBe(0);

    const placed = await office.create({ name: 'Budi', latitude: -7.79, longitude: 110.37 });
    const call = (input: Parameters<typeof office.t.call<'customers.update'>>[1]) =>
      office.t.call('customers.update', input, office.owner.token);
    // Clearing one coordinate alone would leave half a location.
    expect(codeOf(await call({ id: placed.id, latitude: null }))).toBe('VALIDATION');
    const moved = unwrap(await call({ id: placed.id, latitude: -7.8, longitude: 110.4 }));
    expect([moved.latitude, moved.longitude]).toEqual([-7.8, 110.4]);
    const cleared = unwrap(await call({ id: placed.id, latitude: null, longitude: null }));
    expect([cleared.latitude, cleared.longitude]).toEqual([null, null]);
  });

  it('updates only what is given and records the change in the audit log', async () => {
    const office = await openOffice();
    const created = await office.create({ name: 'Budi', phone: '081234567890', category: 'residential' });
    const updated = unwrap(
      await office.t.call(
        'customers.update',
        { id: created.id, category: 'business', nik: NIK_MAN },
        office.owner.token,
      ),
    );
    expect(updated).toMatchObject({
      name: 'Budi',
      phone: '+6281234567890',
      category: 'business',
      nik: NIK_MAN,
    });
    const audit = office.t.core.deps.store.sqlite
      .prepare(
        `SELECT before_json AS before, after_json AS after FROM audit_log WHERE entity = 'customer' AND entity_id = ? ORDER BY seq`,
      )
      .all(created.id) as { before: string | null; after: string }[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ category: 'residential', nik: '' });
    expect(JSON.parse(audit[1]!.after)).toMatchObject({ category: 'business', nik: NIK_MAN });
  });

  it('moves status between prospect and terminated by hand, never while a subscription runs', async () => {
    const office = await openOffice();
    const customer = await office.create({ name: 'Budi' });
    const setStatus = (status: 'prospect' | 'terminated') =>
      office.t.call('customers.update', { id: customer.id, status }, office.owner.token, 'en');
    expect(unwrap(await setStatus('terminated')).status).toBe('terminated');
    expect(unwrap(await setStatus('prospect')).status).toBe('prospect');

    insertLiveSubscription(office, customer.id);
    office.t.core.deps.store.sqlite
      .prepare(`UPDATE customers SET status = 'active' WHERE id = ?`)
      .run(customer.id);
    const refused = await setStatus('terminated');
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'CONFLICT',
      message: 'The customer still has a running subscription. Terminate it first.',
    });
    expect(codeOf(await setStatus('prospect'))).toBe('CONFLICT');
    expect(unwrap(await office.t.call('customers.get', { id: customer.id }, office.owner.token)).status).toBe(
      'active',
    );
  });

  it('answers NOT_FOUND for an unknown customer and leaves management to customers.manage', async () => {
    const office = await openOffice();
    const missing = '01900000-0000-7000-8000-0000000000ff';
    expect(
      codeOf(await office.t.call('customers.update', { id: missing, name: 'X' }, office.owner.token)),
    ).toBe('NOT_FOUND');
    expect(codeOf(await office.t.call('customers.get', { id: missing }, office.owner.token))).toBe(
      'NOT_FOUND',
    );
    const technician = await office.t.loginAs('technician');
    expect(codeOf(await office.t.call('customers.create', { name: 'Budi' }, technician.token))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('customers: search and filters', () => {
  async function seed(office: Office) {
    const sri = await office.create({
      name: 'Warung Makan Bu Sri',
      phone: '0812-3456-7890',
      nik: NIK_WOMAN,
      category: 'business',
      latitude: -7.77,
      longitude: 110.39,
    });
    const budi = await office.create({ name: 'budi santoso', phone: '0857-1111-2222', nik: NIK_MAN });
    const agus = await office.create({
      name: 'Agus Salim',
      phone: '0813-9999-0000',
      latitude: -7.8,
      longitude: 110.36,
    });
    office.t.core.deps.store.sqlite
      .prepare(`UPDATE customers SET status = 'terminated' WHERE id = ?`)
      .run(agus.id);
    return { sri, budi, agus };
  }

  const names = (page: { customers: { name: string }[] }) => page.customers.map((c) => c.name);

  it('finds by name, code, WhatsApp digits in any notation and NIK', async () => {
    const office = await openOffice();
    const { sri, budi } = await seed(office);
    expect(names(await office.list({ query: 'sri' }))).toEqual(['Warung Makan Bu Sri']);
    expect(names(await office.list({ query: 'SANTOSO' }))).toEqual(['budi santoso']);
    expect(names(await office.list({ query: budi.code }))).toEqual(['budi santoso']);
    for (const phone of ['0812', '0812-3456', '62812345', '+62 812 3456 7890', '3456 7890']) {
      expect(names(await office.list({ query: phone })), phone).toEqual([sri.name]);
    }
    expect(names(await office.list({ query: '340407520390' }))).toEqual([sri.name]);
    expect(names(await office.list({ query: NIK_MAN }))).toEqual(['budi santoso']);
    // LIKE wildcards typed by a user are plain characters.
    expect((await office.list({ query: '%' })).total).toBe(0);
  });

  it('filters by status, category and location, sorted by name whatever the case', async () => {
    const office = await openOffice();
    await seed(office);
    expect(names(await office.list({}))).toEqual(['Agus Salim', 'budi santoso', 'Warung Makan Bu Sri']);
    expect(names(await office.list({ status: 'terminated' }))).toEqual(['Agus Salim']);
    expect(names(await office.list({ status: 'prospect' }))).toEqual(['budi santoso', 'Warung Makan Bu Sri']);
    expect(names(await office.list({ category: 'business' }))).toEqual(['Warung Makan Bu Sri']);
    expect(names(await office.list({ hasLocation: true }))).toEqual(['Agus Salim', 'Warung Makan Bu Sri']);
    expect(names(await office.list({ hasLocation: false }))).toEqual(['budi santoso']);
    expect(names(await office.list({ hasLocation: true, status: 'prospect', query: 'warung' }))).toEqual([
      'Warung Makan Bu Sri',
    ]);
  });

  it('pages with a total and shows each customer’s store credit', async () => {
    const office = await openOffice();
    for (let i = 1; i <= 7; i++) await office.create({ name: `Pelanggan ${i}` });
    const page = await office.list({ offset: 5, limit: 5 });
    expect(page.total).toBe(7);
    expect(names(page)).toEqual(['Pelanggan 6', 'Pelanggan 7']);
    const sqlite = office.t.core.deps.store.sqlite;
    sqlite
      .prepare(
        `INSERT INTO customer_credit_movements (id, created_at, updated_at, hlc, origin_device, customer_id, amount, kind)
         VALUES ('01900000-0000-7000-8000-0000000000c1', 0, 0, '0', 'dev', ?, 25000, 'deposit')`,
      )
      .run(page.customers[0]!.id);
    const again = await office.list({ offset: 5, limit: 5 });
    expect(again.customers.map((c) => c.credit)).toEqual([25000, 0]);
  });
});
