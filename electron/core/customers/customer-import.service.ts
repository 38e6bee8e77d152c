import type { Kysely, Transaction } from 'kysely';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { formatCsv } from '../platform/csv';
import { readCustomerCsv } from './customer-csv';

/** Rows per multi-row INSERT (19 columns each, well under SQLite's bound-parameter limit). */
const BATCH = 500;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `count` customer codes in one step (`PLG-<device>-<seq>`, the sequence `nextCode` uses), so a
 * 50k-row import does not make 50k sequence updates.
 */
async function reserveCustomerCodes(
  db: Kysely<DB> | Transaction<DB>,
  deviceCode: string,
  count: number,
): Promise<string[]> {
  const row = await db
    .insertInto('doc_sequences')
    .values({ prefix: `PLG/${deviceCode}`, last: count })
    .onConflict((oc) =>
      oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_sequences.last', '+', count) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  const first = row.last - count + 1;
  return Array.from({ length: count }, (_, i) => `PLG-${deviceCode}-${String(first + i).padStart(5, '0')}`);
}

/**
 * All or nothing: every row is checked first; any problem imports nothing and returns every row's
 * problems. New customers are prospects with automatic codes. `dryRun` checks only.
 */
export async function importCustomers(ctx: HandlerContext, input: ParsedInput<'customers.import'>) {
  const niks = await ctx.db
    .selectFrom('customers')
    .select('nik')
    .where('deleted_at', 'is', null)
    .where('nik', '!=', '')
    .execute();
  const { rows, errors } = readCustomerCsv(input.csv, new Set(niks.map((row) => row.nik)));
  if (errors.length > 0) return { created: 0, rows: rows.length, errors };
  if (input.dryRun) return { created: 0, rows: rows.length, errors: [] };

  const codes = await reserveCustomerCodes(ctx.db, ctx.device.code, rows.length);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row, i) => ({
      code: codes[start + i]!,
      name: row.name,
      phone: row.phone,
      email: row.email,
      address: row.address,
      group_id: null,
      notes: row.notes,
      nik: row.nik,
      category: row.category,
      latitude: row.latitude,
      longitude: row.longitude,
      status: 'prospect' as const,
    }));
    await ctx.writer.insertMany(ctx.db, 'customers', batch);
    if (start + BATCH < rows.length) await yieldToEventLoop();
  }
  await ctx.audit({
    entity: 'customer',
    entityId: null,
    before: null,
    after: { imported: rows.length, firstCode: codes[0] ?? null, lastCode: codes.at(-1) ?? null },
  });
  return { created: rows.length, rows: rows.length, errors: [] };
}

const EXPORT_HEADER = [
  'kode',
  'nama',
  'whatsapp',
  'email',
  'nik',
  'alamat',
  'kategori',
  'lat',
  'lng',
  'catatan',
  'status',
];

/** Every live customer as CSV with Indonesian headers the import reads back (it ignores kode and status). */
export async function exportCustomers(ctx: HandlerContext, input: ParsedInput<'customers.export'>) {
  const rows = await ctx.db
    .selectFrom('customers')
    .select([
      'code',
      'name',
      'phone',
      'email',
      'nik',
      'address',
      'category',
      'latitude',
      'longitude',
      'notes',
      'status',
    ])
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .execute();
  const body = rows.map((row) => [
    row.code,
    row.name,
    row.phone,
    row.email,
    row.nik,
    row.address,
    row.category,
    row.latitude,
    row.longitude,
    row.notes,
    row.status,
  ]);
  const stamp = new Date(ctx.clock.now()).toISOString().slice(0, 10);
  return {
    fileName: `pelanggan-${stamp}.csv`,
    csv: formatCsv([EXPORT_HEADER, ...body], input.delimiter),
    rows: rows.length,
  };
}
