import type { Sale } from '../../../shared/contract/pos.contract';
import type { HandlerContext } from '../context';
import { notFound } from '../platform/errors';

/** A sale as the contract shows it: lines, payments as tendered (cash includes the change), names. */
export async function saleOut(ctx: Pick<HandlerContext, 'db'>, id: string): Promise<Sale> {
  const sale = await ctx.db
    .selectFrom('sales')
    .leftJoin('users as cashier', 'cashier.id', 'sales.user_id')
    .leftJoin('users as voider', 'voider.id', 'sales.voided_by')
    .leftJoin('customers', 'customers.id', 'sales.customer_id')
    .selectAll('sales')
    .select(['cashier.name as cashier_name', 'voider.name as voider_name', 'customers.code as customer_code', 'customers.name as customer_name'])
    .where('sales.id', '=', id)
    .executeTakeFirst();
  if (!sale) throw notFound({ id: 'Penjualan', en: 'Sale' });
  const lines = await ctx.db.selectFrom('sale_lines').selectAll().where('sale_id', '=', id).orderBy('line_no').execute();
  const payments = await ctx.db
    .selectFrom('payments')
    .select(['method', 'amount', 'reference'])
    .where('sale_id', '=', id)
    .where('amount', '>', 0)
    .orderBy('created_at')
    .execute();
  let changeLeft = sale.change;
  return {
    id: sale.id,
    number: sale.number,
    status: sale.status,
    createdAt: sale.created_at,
    cashier: sale.cashier_name ?? '?',
    customer: sale.customer_id ? { id: sale.customer_id, code: sale.customer_code ?? '', name: sale.customer_name ?? '' } : null,
    warehouseId: sale.warehouse_id,
    shiftId: sale.shift_id,
    lines: lines.map((line) => ({
      id: line.id,
      lineNo: line.line_no,
      itemId: line.item_id,
      name: line.name,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      lineDiscount: line.line_discount,
      cartDiscount: line.cart_discount,
      base: line.base,
      ppn: line.ppn,
      total: line.total,
      taxMode: line.tax_mode === 'excluded' ? 'excluded' : line.tax_mode === 'exempt' ? 'exempt' : 'included',
      refundedQuantity: line.refunded_quantity,
    })),
    subtotal: sale.subtotal,
    discount: sale.discount,
    base: sale.base,
    ppn: sale.ppn,
    total: sale.total,
    rounding: sale.rounding,
    amountDue: sale.amount_due,
    payments: payments.map((payment) => {
      // The ledger keeps what stayed in the till; the customer handed over that plus the change.
      const handed = payment.method === 'cash' ? payment.amount + changeLeft : payment.amount;
      if (payment.method === 'cash') changeLeft = 0;
      return { method: payment.method, amount: handed, reference: payment.reference };
    }),
    paid: sale.paid,
    change: sale.change,
    refunded: sale.refunded,
    voided:
      sale.status === 'voided' && sale.voided_at !== null
        ? { at: sale.voided_at, by: sale.voider_name ?? '?', reason: sale.void_reason ?? '' }
        : null,
  };
}
