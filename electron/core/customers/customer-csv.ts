import { z } from 'zod';
import type { CustomerCategory, CustomerImportError } from '../../../shared/contract/customers.contract';
import { NIK_MESSAGES, nikProblem, normalizeNik } from '../../../shared/domain/nik';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone';
import { detectDelimiter, parseCsv } from '../platform/csv';

/** The import's columns (and the export's, which adds code and status first/last). */
export const IMPORT_COLUMNS = [
  'name',
  'phone',
  'email',
  'nik',
  'address',
  'category',
  'latitude',
  'longitude',
  'notes',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Header names people type, Indonesian first; matched after lower-casing and turning spaces/dashes into `_`. */
// prettier-ignore
const ALIASES: Record<string, ImportColumn> = {
  nama: 'name', name: 'name', nama_pelanggan: 'name', pelanggan: 'name', customer: 'name',
  whatsapp: 'phone', wa: 'phone', no_wa: 'phone', nomor_wa: 'phone', telepon: 'phone', telp: 'phone',
  no_telepon: 'phone', hp: 'phone', no_hp: 'phone', phone: 'phone', mobile: 'phone',
  email: 'email', e_mail: 'email', surel: 'email',
  nik: 'nik', no_ktp: 'nik', ktp: 'nik',
  alamat: 'address', address: 'address',
  kategori: 'category', category: 'category', jenis: 'category',
  lat: 'latitude', latitude: 'latitude', lintang: 'latitude',
  lng: 'longitude', lon: 'longitude', long: 'longitude', longitude: 'longitude', bujur: 'longitude',
  catatan: 'notes', notes: 'notes', keterangan: 'notes', note: 'notes',
};

// prettier-ignore
const CATEGORIES: Record<string, CustomerCategory> = {
  '': 'residential',
  residential: 'residential', rumah: 'residential', rumahan: 'residential', residensial: 'residential',
  perumahan: 'residential', pribadi: 'residential', home: 'residential',
  business: 'business', bisnis: 'business', usaha: 'business', kantor: 'business', toko: 'business',
};

export type ImportedCustomer = {
  row: number;
  name: string;
  phone: string;
  email: string;
  nik: string;
  address: string;
  category: CustomerCategory;
  latitude: number | null;
  longitude: number | null;
  notes: string;
};

const emailSchema = z.email();

/** "-7.797", "-7,797" (Indonesian decimal comma) → a number; '' → null; anything else → NaN. */
function parseCoordinate(text: string): number | null {
  if (text === '') return null;
  const normalized = text.includes('.') ? text : text.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(normalized)) return Number.NaN;
  return Number(normalized);
}

/**
 * Reads and checks every row of a customers CSV (`,` or `;`): the rows, or every problem found, each
 * with its row number (the header is row 1), column and a message in both languages. `existingNiks`
 * are the NIKs live customers hold already (a NIK belongs to one customer).
 */
export function readCustomerCsv(
  csv: string,
  existingNiks: ReadonlySet<string>,
): { rows: ImportedCustomer[]; errors: CustomerImportError[] } {
  const records = parseCsv(csv, detectDelimiter(csv));
  const errors: CustomerImportError[] = [];
  const header = (records[0] ?? []).map(
    (h) =>
      ALIASES[
        h
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
      ] ?? null,
  );
  if (!header.includes('name')) {
    errors.push({
      row: 1,
      column: 'name',
      message: {
        id: 'Kolom "nama" (atau "name") tidak ada di baris judul.',
        en: 'The header has no "name" (or "nama") column.',
      },
    });
    return { rows: [], errors };
  }
  const indexOf = new Map(IMPORT_COLUMNS.map((column) => [column, header.indexOf(column)]));
  const rows: ImportedCustomer[] = [];
  const seenNik = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const cells = records[i]!;
    const row = i + 1;
    if (cells.every((cell) => cell.trim() === '')) continue;
    const get = (column: ImportColumn) => {
      const index = indexOf.get(column)!;
      return index === -1 ? '' : (cells[index] ?? '').trim();
    };
    const fail = (column: ImportColumn, id: string, en: string) =>
      errors.push({ row, column, message: { id, en } });

    const name = get('name');
    if (name === '') fail('name', 'Nama wajib diisi.', 'The name is required.');
    else if (name.length > 100)
      fail('name', 'Nama paling panjang 100 karakter.', 'The name is at most 100 characters.');

    const phoneText = get('phone');
    const phone = phoneText === '' ? '' : normalizeIndonesianPhone(phoneText);
    if (phone === null) {
      fail(
        'phone',
        `"${phoneText}" bukan nomor WhatsApp Indonesia (mis. 0812-3456-7890).`,
        `"${phoneText}" is not an Indonesian WhatsApp number (e.g. 0812-3456-7890).`,
      );
    }

    const email = get('email');
    if (email !== '' && (email.length > 120 || !emailSchema.safeParse(email).success)) {
      fail('email', `"${email}" bukan alamat email yang valid.`, `"${email}" is not a valid email address.`);
    }

    const nik = normalizeNik(get('nik'));
    const problem = nikProblem(nik);
    if (problem) fail('nik', NIK_MESSAGES[problem].id, NIK_MESSAGES[problem].en);
    else if (nik !== '' && existingNiks.has(nik)) {
      fail(
        'nik',
        `NIK ${nik} sudah dipakai pelanggan lain.`,
        `NIK ${nik} already belongs to another customer.`,
      );
    } else if (nik !== '' && seenNik.has(nik)) {
      fail(
        'nik',
        `NIK ${nik} juga ada di baris ${seenNik.get(nik)}.`,
        `NIK ${nik} is also on row ${seenNik.get(nik)}.`,
      );
    }
    if (nik !== '' && !seenNik.has(nik)) seenNik.set(nik, row);

    const address = get('address');
    if (address.length > 500)
      fail('address', 'Alamat paling panjang 500 karakter.', 'The address is at most 500 characters.');

    const categoryText = get('category');
    const category = CATEGORIES[categoryText.toLowerCase()];
    if (!category) {
      fail(
        'category',
        `Kategori "${categoryText}" tidak dikenal: rumahan atau bisnis.`,
        `Unknown category "${categoryText}": residential or business.`,
      );
    }

    const latitude = parseCoordinate(get('latitude'));
    const longitude = parseCoordinate(get('longitude'));
    const latitudeOk = latitude === null || (latitude >= -90 && latitude <= 90);
    const longitudeOk = longitude === null || (longitude >= -180 && longitude <= 180);
    if (!latitudeOk)
      fail(
        'latitude',
        'Lintang harus angka antara -90 dan 90 (mis. -7.797).',
        'Latitude must be a number from -90 to 90 (e.g. -7.797).',
      );
    if (!longitudeOk)
      fail(
        'longitude',
        'Bujur harus angka antara -180 dan 180 (mis. 110.370).',
        'Longitude must be a number from -180 to 180 (e.g. 110.370).',
      );
    if (latitudeOk && longitudeOk && (latitude === null) !== (longitude === null)) {
      fail(
        latitude === null ? 'latitude' : 'longitude',
        'Lokasi perlu lintang dan bujur sekaligus (atau kosongkan keduanya).',
        'A location needs both latitude and longitude (or neither).',
      );
    }

    const notes = get('notes');
    if (notes.length > 1000)
      fail('notes', 'Catatan paling panjang 1000 karakter.', 'Notes are at most 1000 characters.');

    rows.push({
      row,
      name,
      phone: phone ?? '',
      email,
      nik,
      address,
      category: category ?? 'residential',
      latitude,
      longitude,
      notes,
    });
  }
  if (rows.length === 0 && errors.length === 0) {
    errors.push({
      row: 1,
      column: 'file',
      message: { id: 'Tidak ada baris pelanggan.', en: 'No customer rows.' },
    });
  }
  return { rows, errors };
}
