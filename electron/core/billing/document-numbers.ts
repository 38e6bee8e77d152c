import { DOC_TYPES, yearMonth, type DocType } from '../documents/document-number';
import type { HandlerContext } from '../context';

/**
 * `count` consecutive document numbers `<TYPE>/<DEVICE>/<YYMM>/<seq>` in one statement (a billing run
 * numbers thousands of invoices; one sequence bump per invoice would be thousands of round trips).
 * Same sequence as nextDocumentNumber, so both can be used for the same type.
 */
export async function reserveDocumentNumbers(
  ctx: Pick<HandlerContext, 'db' | 'device' | 'clock'>,
  type: DocType,
  count: number,
  timeZone: string,
): Promise<string[]> {
  if (count <= 0) return [];
  const prefix = `${DOC_TYPES[type]}/${ctx.device.code}/${yearMonth(ctx.clock.now(), timeZone)}`;
  const row = await ctx.db
    .insertInto('doc_sequences')
    .values({ prefix, last: count })
    .onConflict((oc) =>
      oc.column('prefix').doUpdateSet((eb) => ({ last: eb('doc_sequences.last', '+', count) })),
    )
    .returning('last')
    .executeTakeFirstOrThrow();
  const first = row.last - count + 1;
  return Array.from({ length: count }, (_, i) => `${prefix}/${String(first + i).padStart(6, '0')}`);
}

/** One document number (see reserveDocumentNumbers). */
export async function nextNumber(
  ctx: Pick<HandlerContext, 'db' | 'device' | 'clock'>,
  type: DocType,
  timeZone: string,
): Promise<string> {
  return (await reserveDocumentNumbers(ctx, type, 1, timeZone))[0]!;
}
