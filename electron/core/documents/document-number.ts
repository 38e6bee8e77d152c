import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

/** Document types and their number prefixes. */
export const DOC_TYPES = {
  sale: 'SAL',
  refund: 'RET',
  shift: 'SHF',
  receipt: 'GRN',
  transfer: 'TRF',
  count: 'OPN',
  order: 'ORD',
  invoice: 'INV',
  payment: 'PAY',
  creditNote: 'KRD',
} as const;
export type DocType = keyof typeof DOC_TYPES;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYMM of an instant in a time zone. (Making a DateTimeFormat is slow: one per zone is kept.) */
export function yearMonth(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: '2-digit', month: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return part('year') + part('month');
}

/**
 * The next number `<TYPE>/<DEVICE>/<YYMM>/<seq>` (e.g. `SAL/K7QM/2611/000042`). Unique without a
 * server: the device code is unique per installation and the sequence lives in this device's store.
 * Call inside the transaction that creates the document, so a rolled-back document frees its number.
 */
export async function nextDocumentNumber(
  db: Kysely<DB> | Transaction<DB>,
  type: DocType,
  deviceCode: string,
  now: number,
  timeZone: string,
): Promise<string> {
  const prefix = `${DOC_TYPES[type]}/${deviceCode}/${yearMonth(now, timeZone)}`;
  const row = await db
    .insertInto('doc_sequences')
    .values({ prefix, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_sequences.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}/${String(row.last).padStart(6, '0')}`;
}

/**
 * A short master-data code `<PREFIX>-<DEVICE>-<seq>` (e.g. `PLG-K7QM-00042` for a customer), unique
 * without a server for the same reason document numbers are.
 */
export async function nextCode(db: Kysely<DB> | Transaction<DB>, prefix: string, deviceCode: string): Promise<string> {
  const key = `${prefix}/${deviceCode}`;
  const row = await db
    .insertInto('doc_sequences')
    .values({ prefix: key, last: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_sequences.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${deviceCode}-${String(row.last).padStart(5, '0')}`;
}
