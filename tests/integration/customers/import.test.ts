import { describe, expect, it } from 'vitest';
import { unwrap, useTestCores } from '../support/core-fixture';
import { dataSnapshot, openOffice, type Office } from './customer-office';

useTestCores();

function importCsv(office: Office, csv: string, dryRun = false) {
  return office.t.call('customers.import', { csv, dryRun }, office.owner.token);
}

describe('customer CSV import', () => {
  it('reads a `;` file with Indonesian headers, decimal commas and Indonesian categories', async () => {
    const office = await openOffice();
    const csv = [
      'Nama;WhatsApp;NIK;Alamat;Kategori;Lat;Lng;Catatan',
      'Budi Santoso;0812-3456-7890;3404 0712 0588 0001;Jl. Kaliurang km 5;rumahan;-7,7601;110,3801;tiang depan',
      '"Warung ""Bu Sri""";6285711112222;;Jl. Affandi 12;Bisnis;;;',
    ].join('\r\n');
    expect(unwrap(await importCsv(office, csv))).toEqual({ created: 2, rows: 2, errors: [] });
    const { customers } = await office.list({});
    expect(
      customers.map((c) => [
        c.name,
        c.phone,
        c.nik,
        c.address,
        c.category,
        c.latitude,
        c.longitude,
        c.notes,
        c.status,
      ]),
    ).toEqual([
      [
        'Budi Santoso',
        '+6281234567890',
        '3404071205880001',
        'Jl. Kaliurang km 5',
        'residential',
        -7.7601,
        110.3801,
        'tiang depan',
        'prospect',
      ],
      ['Warung "Bu Sri"', '+6285711112222', '', 'Jl. Affandi 12', 'business', null, null, '', 'prospect'],
    ]);
    expect(new Set(customers.map((c) => c.code)).size).toBe(2);
    // Codes continue the same sequence as customers made one by one.
    const next = await office.create({ name: 'Sesudah Impor' });
    expect(next.code).toMatch(/-00003$/);
  });

  it('reads a `,` file with English headers', async () => {
    const office = await openOffice();
    const csv =
      'name,phone,email,category,latitude,longitude,notes\nAgus Salim,+62 813 9999 0000,agus@example.id,business,-7.8,110.36,"lantai 2, belakang"\n';
    expect(unwrap(await importCsv(office, csv)).created).toBe(1);
    const [agus] = (await office.list({})).customers;
    expect(agus).toMatchObject({
      email: 'agus@example.id',
      phone: '+6281399990000',
      notes: 'lantai 2, belakang',
      latitude: -7.8,
    });
  });

  it('reports every bad row with its row, column and a message in both languages, and writes nothing', async () => {
    const office = await openOffice();
    const existing = await office.create({ name: 'Sudah Ada', nik: '3404071205880001' });
    const csv = [
      'nama;whatsapp;email;nik;kategori;lat;lng',
      'Baik Satu;0812-1111-2222;;;rumahan;;', // row 2: fine
      ';12345;bukan-email;;;;', // row 3: name, phone, email
      'Dua;;;3404071205880001;kantor;-7.7;', // row 4: NIK taken, half a location
      'Tiga;;;3404073205880009;villa;-95;110', // row 5: NIK day, category, latitude
      'Empat;;;3404071205880005;;;', // row 6: fine so far
      'Lima;;;3404071205880005;;abc;110', // row 7: NIK repeats row 6, latitude
    ].join('\n');
    const before = dataSnapshot(office);
    const result = unwrap(await importCsv(office, csv));
    expect(result.created).toBe(0);
    expect(result.rows).toBe(6);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'name'],
      [3, 'phone'],
      [3, 'email'],
      [4, 'nik'],
      [4, 'longitude'],
      [5, 'nik'],
      [5, 'category'],
      [5, 'latitude'],
      [7, 'nik'],
      [7, 'latitude'],
    ]);
    const byPlace = Object.fromEntries(result.errors.map((e) => [`${e.row}:${e.column}`, e.message]));
    expect(byPlace['3:name']).toEqual({ id: 'Nama wajib diisi.', en: 'The name is required.' });
    expect(byPlace['4:nik']!.en).toBe('NIK 3404071205880001 already belongs to another customer.');
    expect(byPlace['7:nik']).toEqual({
      id: 'NIK 3404071205880005 juga ada di baris 6.',
      en: 'NIK 3404071205880005 is also on row 6.',
    });
    expect(byPlace['5:nik']!.id).toContain('Tanggal lahir');
    expect(dataSnapshot(office)).toEqual(before);
    expect((await office.list({})).customers.map((c) => c.id)).toEqual([existing.id]);
  });

  it('says when the name column is missing or there are no rows', async () => {
    const office = await openOffice();
    const noName = unwrap(await importCsv(office, 'telepon;alamat\n0812-1111-2222;Jl. A\n'));
    expect(noName.errors).toEqual([
      {
        row: 1,
        column: 'name',
        message: {
          id: 'Kolom "nama" (atau "name") tidak ada di baris judul.',
          en: 'The header has no "name" (or "nama") column.',
        },
      },
    ]);
    expect(unwrap(await importCsv(office, 'nama;telepon\n\n')).errors[0]!.message.en).toBe(
      'No customer rows.',
    );
  });

  it('checks without writing on a dry run', async () => {
    const office = await openOffice();
    const before = dataSnapshot(office);
    expect(unwrap(await importCsv(office, 'nama\nBudi\nSri\n', true))).toEqual({
      created: 0,
      rows: 2,
      errors: [],
    });
    expect(dataSnapshot(office)).toEqual(before);
  });

  it('exports what it imports: the export re-imports into another branch as the same customers', async () => {
    const office = await openOffice();
    await office.create({
      name: 'Budi; "Santoso"',
      phone: '081234567890',
      nik: '3404071205880001',
      latitude: -7.76,
      longitude: 110.4,
      notes: 'baris\nkedua',
    });
    await office.create({ name: 'Sri', category: 'business', email: 'sri@example.id' });
    const exported = unwrap(await office.t.call('customers.export', { delimiter: ';' }, office.owner.token));
    expect(exported.rows).toBe(2);
    expect(exported.fileName).toMatch(/^pelanggan-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(exported.csv.split('\r\n')[0]).toBe(
      'kode;nama;whatsapp;email;nik;alamat;kategori;lat;lng;catatan;status',
    );

    const other = await openOffice();
    expect(unwrap(await importCsv(other, exported.csv)).created).toBe(2);
    const portable = (list: Awaited<ReturnType<Office['list']>>) =>
      list.customers.map(({ name, phone, email, nik, address, category, latitude, longitude, notes }) => ({
        name,
        phone,
        email,
        nik,
        address,
        category,
        latitude,
        longitude,
        notes,
      }));
    expect(portable(await other.list({}))).toEqual(portable(await office.list({})));
  });

  it('imports 50,000 customers in one call, and search finds them', async () => {
    const office = await openOffice();
    const lines = ['nama;whatsapp;nik;kategori;lat;lng'];
    for (let i = 0; i < 50_000; i++) {
      const seq = String(i + 1).padStart(4, '0');
      const nik = `34${String(10 + (i % 80)).padStart(2, '0')}07${String(1 + (i % 28)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(i % 100).padStart(2, '0')}${seq.slice(-4)}`;
      const located = i % 3 !== 0;
      lines.push(
        `Pelanggan ${i};0812${String(10_000_000 + i)};${i < 9999 ? nik : ''};${i % 6 === 0 ? 'bisnis' : 'rumahan'};${located ? '-7.79' : ''};${located ? '110.37' : ''}`,
      );
    }
    const result = unwrap(await importCsv(office, lines.join('\n')));
    expect(result).toEqual({ created: 50_000, rows: 50_000, errors: [] });

    const byPhone = await office.list({ query: '0812-1004-9999' });
    const byName = await office.list({ query: 'pelanggan 4999', status: 'prospect', hasLocation: true });
    const firstPage = await office.list({ limit: 50 });
    expect(byPhone.customers.map((c) => c.name)).toEqual(['Pelanggan 49999']);
    // 4999 and 49990…49999, less 49992, 49995 and 49998 (no location)
    expect(byName.total).toBe(8);
    expect(firstPage.total).toBe(50_000);
  }, 120_000);
});
