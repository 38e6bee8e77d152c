import type { Charge } from '../../../shared/contract/billing.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { billingBranch } from './billing-branch';

function selectCharges(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('billing_charges as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .leftJoin('invoices as i', 'i.id', 'b.invoice_id')
    .selectAll('b')
    .select(['c.name as customer_name', 'i.number as invoice_number'])
    .where('b.deleted_at', 'is', null);
}

type ChargeListRow = Awaited<ReturnType<ReturnType<typeof selectCharges>['executeTakeFirstOrThrow']>>;

function toCharge(row: ChargeListRow): Charge {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    subscriptionId: row.subscription_id,
    kind: row.kind,
    description: row.description,
    amount: row.amount,
    taxMode: row.tax_mode,
    effectiveOn: row.effective_on,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number,
    createdAt: row.created_at,
  };
}

export async function listCharges(ctx: HandlerContext, input: ParsedInput<'billing.charges.list'>) {
  let query = selectCharges(ctx);
  if (input.customerId) query = query.where('b.customer_id', '=', input.customerId);
  if (input.state === 'waiting') query = query.where('b.invoice_id', 'is', null);
  if (input.state === 'billed') query = query.where('b.invoice_id', 'is not', null);
  const count = await ctx.db
    .selectFrom(query.as('q'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy('b.effective_on', 'desc')
    .orderBy('b.created_at', 'desc')
    .offset(input.offset)
    .limit(input.limit)
    .execute();
  return { charges: rows.map(toCharge), total: Number(count.n) };
}

/** A one-off item that waits for the customer's next invoice (a discount is stored negative). */
export async function addCharge(
  ctx: HandlerContext,
  input: ParsedInput<'billing.charges.add'>,
): Promise<Charge> {
  const customer = await ctx.db
    .selectFrom('customers')
    .select('id')
    .where('id', '=', input.customerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) {
    throw new AppError(
      'VALIDATION',
      { id: 'Pelanggan tidak ditemukan.', en: 'Customer not found.' },
      { fields: { customerId: 'unknown customer' } },
    );
  }
  if (input.subscriptionId) {
    const sub = await ctx.db
      .selectFrom('subscriptions')
      .select(['customer_id'])
      .where('id', '=', input.subscriptionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!sub || sub.customer_id !== input.customerId) {
      throw new AppError(
        'VALIDATION',
        {
          id: 'Langganan itu bukan milik pelanggan ini.',
          en: 'That subscription does not belong to this customer.',
        },
        { fields: { subscriptionId: 'not this customer’s' } },
      );
    }
  }
  const { today } = await billingBranch(ctx);
  const row = await ctx.writer.insert(ctx.db, 'billing_charges', {
    customer_id: input.customerId,
    subscription_id: input.subscriptionId,
    kind: input.kind,
    description: input.description,
    amount: input.kind === 'discount' ? -input.amount : input.amount,
    tax_mode: input.taxMode,
    effective_on: input.effectiveOn ?? today,
    invoice_id: null,
    user_id: ctx.session?.user.id ?? null,
  });
  const out = toCharge(await selectCharges(ctx).where('b.id', '=', row.id).executeTakeFirstOrThrow());
  await ctx.audit({ entity: 'billing_charge', entityId: row.id, before: null, after: out });
  return out;
}

/** Removes a charge that no invoice has taken yet. */
export async function removeCharge(ctx: HandlerContext, input: ParsedInput<'billing.charges.remove'>) {
  const row = await selectCharges(ctx).where('b.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Biaya', en: 'Charge' });
  if (row.invoice_id) {
    throw new AppError('CONFLICT', {
      id: `Biaya ini sudah masuk tagihan ${row.invoice_number ?? ''}; batalkan atau beri nota kredit pada tagihannya.`,
      en: `This charge is already on invoice ${row.invoice_number ?? ''}; void or credit that invoice instead.`,
    });
  }
  await ctx.writer.softDelete(ctx.db, 'billing_charges', row.id);
  await ctx.audit({ entity: 'billing_charge', entityId: row.id, before: toCharge(row), after: null });
  return { ok: true as const };
}
