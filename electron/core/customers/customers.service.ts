import { sql } from 'kysely';
import type { Customer } from '../../../shared/contract/customers.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextCode } from '../documents/document-number';
import { AppError, notFound } from '../platform/errors';
import { assertLocationPair, assertNikUsable, assertStatusChange } from './customer-rules';
import type { CustomerRow } from './customers.tables';

function selectCustomers(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('customers as c')
    .leftJoin('customer_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select('g.name as group_name')
    .where('c.deleted_at', 'is', null);
}

type CustomerRowWithGroup = CustomerRow & { group_name: string | null };

function toCustomer(row: CustomerRowWithGroup, credit: number): Customer {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    groupId: row.group_id,
    groupName: row.group_name,
    notes: row.notes,
    nik: row.nik,
    category: row.category,
    latitude: row.latitude,
    longitude: row.longitude,
    status: row.status,
    credit,
    createdAt: row.created_at,
  };
}

/** Store credit per customer, for the given customers only (a page, not the whole table). */
async function creditsOf(
  ctx: Pick<HandlerContext, 'db'>,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('customer_credit_movements')
    .select(['customer_id', (eb) => eb.fn.sum<number>('amount').as('credit')])
    .where('customer_id', 'in', ids)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((row) => [row.customer_id, Number(row.credit)]));
}

/** One live customer as the contract shows it; NOT_FOUND otherwise. */
export async function customerOut(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<Customer> {
  const row = await selectCustomers(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Pelanggan', en: 'Customer' });
  const credits = await creditsOf(ctx, [id]);
  return toCustomer(row, credits.get(id) ?? 0);
}

async function assertGroup(ctx: HandlerContext, groupId: string | null | undefined) {
  if (!groupId) return;
  const group = await ctx.db
    .selectFrom('customer_groups')
    .select('id')
    .where('id', '=', groupId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!group) {
    const message = { id: 'Grup tidak ditemukan.', en: 'Group not found.' };
    throw new AppError('VALIDATION', message, { fields: { groupId: message[ctx.locale] } });
  }
}

/** Adds a prospect customer with an automatic code. */
export async function createCustomer(
  ctx: HandlerContext,
  input: ParsedInput<'customers.create'>,
): Promise<Customer> {
  await assertGroup(ctx, input.groupId);
  assertLocationPair(ctx, input.latitude, input.longitude);
  await assertNikUsable(ctx, input.nik);
  const row = await ctx.writer.insert(ctx.db, 'customers', {
    code: await nextCode(ctx.db, 'PLG', ctx.device.code),
    name: input.name,
    phone: input.phone,
    email: input.email,
    address: input.address,
    group_id: input.groupId,
    notes: input.notes,
    nik: input.nik,
    category: input.category,
    latitude: input.latitude,
    longitude: input.longitude,
    status: 'prospect',
  });
  const out = await customerOut(ctx, row.id);
  await ctx.audit({ entity: 'customer', entityId: row.id, before: null, after: out });
  return out;
}

/** Changes what is given; unspecified fields keep their value. */
export async function updateCustomer(
  ctx: HandlerContext,
  input: ParsedInput<'customers.update'>,
): Promise<Customer> {
  const before = await customerOut(ctx, input.id);
  await assertGroup(ctx, input.groupId);
  const latitude = input.latitude === undefined ? before.latitude : input.latitude;
  const longitude = input.longitude === undefined ? before.longitude : input.longitude;
  assertLocationPair(ctx, latitude, longitude);
  if (input.nik !== undefined && input.nik !== before.nik) await assertNikUsable(ctx, input.nik, input.id);
  if (input.status !== undefined) await assertStatusChange(ctx, input.id, before.status, input.status);
  await ctx.writer.update(ctx.db, 'customers', input.id, {
    name: input.name ?? before.name,
    phone: input.phone ?? before.phone,
    email: input.email ?? before.email,
    address: input.address ?? before.address,
    group_id: input.groupId === undefined ? before.groupId : input.groupId,
    notes: input.notes ?? before.notes,
    nik: input.nik ?? before.nik,
    category: input.category ?? before.category,
    latitude,
    longitude,
    status: input.status ?? before.status,
  });
  const after = await customerOut(ctx, input.id);
  await ctx.audit({ entity: 'customer', entityId: input.id, before, after });
  return after;
}

/** `%text%` for LIKE with `\` as the escape character. */
function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Search and filters over every live customer. One pass over the table (50k rows: a few ms); the
 * page is read in name order through `customers_name`, and credit is summed for the page only.
 */
export async function listCustomers(ctx: HandlerContext, input: ParsedInput<'customers.list'>) {
  let query = ctx.db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  if (input.query) {
    const like = likeAnywhere(input.query);
    // A number typed (digits and the usual separators) is also looked for in WhatsApp numbers and NIKs.
    const numeric = /^[\d\s+().-]+$/.test(input.query);
    const digits = numeric ? input.query.replace(/\D/g, '') : '';
    // WhatsApp numbers are stored +62…: "0812…", "62812…" and "812…" all find them.
    const national = digits.replace(/^(0|62)/, '');
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`c.code LIKE ${like} ESCAPE '\\'`,
        ...(digits.length >= 4 && national.length >= 3 ? [eb('c.phone', 'like', `%${national}%`)] : []),
        ...(digits.length >= 4 ? [eb('c.nik', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  if (input.status) query = query.where('c.status', '=', input.status);
  if (input.category) query = query.where('c.category', '=', input.category);
  if (input.hasLocation !== undefined) {
    query = query.where('c.latitude', input.hasLocation ? 'is not' : 'is', null);
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('customer_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select('g.name as group_name')
    .orderBy(sql`c.name COLLATE NOCASE`)
    .orderBy('c.id')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  const credits = await creditsOf(
    ctx,
    rows.map((row) => row.id),
  );
  return { customers: rows.map((row) => toCustomer(row, credits.get(row.id) ?? 0)), total: Number(total.n) };
}
