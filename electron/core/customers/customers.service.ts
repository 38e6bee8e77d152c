import { sql } from 'kysely';
import type { Customer } from '../../../shared/contract/customers.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { nextCode } from '../documents/document-number';
import { AppError, notFound } from '../platform/errors';


function selectCustomers(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('customers as c')
    .leftJoin('customer_groups as g', 'g.id', 'c.group_id')
    .selectAll('c')
    .select([
      'g.name as group_name',
      sql<number>`coalesce((SELECT sum(amount) FROM customer_credit_movements m WHERE m.customer_id = c.id), 0)`.as('credit'),
    ])
    .where('c.deleted_at', 'is', null);
}

type CustomerRowWithExtras = Awaited<ReturnType<ReturnType<typeof selectCustomers>['executeTakeFirstOrThrow']>>;

function toCustomer(row: CustomerRowWithExtras): Customer {
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
    credit: Number(row.credit),
    createdAt: row.created_at,
  };
}

export async function customerOut(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<Customer> {
  const row = await selectCustomers(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Pelanggan', en: 'Customer' });
  return toCustomer(row);
}

async function assertGroup(ctx: HandlerContext, groupId: string | null | undefined) {
  if (!groupId) return;
  const group = await ctx.db.selectFrom('customer_groups').select('id').where('id', '=', groupId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!group) throw new AppError('VALIDATION', { id: 'Grup tidak ditemukan.', en: 'Group not found.' }, { fields: { groupId: 'unknown group' } });
}

export async function createCustomer(ctx: HandlerContext, input: ParsedInput<'customers.create'>): Promise<Customer> {
  await assertGroup(ctx, input.groupId);
  const row = await ctx.writer.insert(ctx.db, 'customers', {
    code: await nextCode(ctx.db, 'PLG', ctx.device.code),
    name: input.name,
    phone: input.phone,
    email: input.email,
    address: input.address,
    group_id: input.groupId,
    notes: input.notes,
    nik: '',
    category: 'residential',
    latitude: null,
    longitude: null,
    status: 'prospect',
  });
  const out = await customerOut(ctx, row.id);
  await ctx.audit({ entity: 'customer', entityId: row.id, before: null, after: out });
  return out;
}

export async function updateCustomer(ctx: HandlerContext, input: ParsedInput<'customers.update'>): Promise<Customer> {
  const before = await customerOut(ctx, input.id);
  await assertGroup(ctx, input.groupId);
  await ctx.writer.update(ctx.db, 'customers', input.id, {
    name: input.name ?? before.name,
    phone: input.phone ?? before.phone,
    email: input.email ?? before.email,
    address: input.address ?? before.address,
    group_id: input.groupId === undefined ? before.groupId : input.groupId,
    notes: input.notes ?? before.notes,
  });
  const after = await customerOut(ctx, input.id);
  await ctx.audit({ entity: 'customer', entityId: input.id, before, after });
  return after;
}

export async function listCustomers(ctx: HandlerContext, input: ParsedInput<'customers.list'>) {
  let query = selectCustomers(ctx);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const digits = input.query.replace(/\D/g, '').replace(/^0/, '');
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`c.name LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`c.code LIKE ${like} ESCAPE '\\'`,
        ...(digits.length >= 4 ? [eb('c.phone', 'like', `%${digits}%`)] : []),
      ]),
    );
  }
  const total = await ctx.db
    .selectFrom(query.as('q'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query.orderBy('c.name').offset(input.offset).limit(input.limit).execute();
  return { customers: rows.map(toCustomer), total: Number(total.n) };
}
