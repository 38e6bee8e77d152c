import { randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../../../shared/contract/index';
import type { billingChannels } from '../../../../shared/contract/billing.contract';
import type { BaseExampleContext, ExampleContext, PassAnswer } from '../channel-examples';
import { unwrap, type TestCore } from '../core-fixture';
import type { CustomersExampleContext } from './customers.examples';
import type { MapExampleContext } from './map.examples';
import type { PlansExampleContext } from './plans.examples';
import type { SubscriptionsExampleContext } from './subscriptions.examples';

type BillingChannel = keyof typeof billingChannels;

/** What the billing examples point at (ids made by prepareBillingExamples). */
export type BillingExampleContext = {
  /** A customer of billing's own (no subscription, so paying reactivates nobody else's example). */
  billingCustomerId: string;
  /** An unpaid one-off invoice of Rp 500.000: to read, print and credit. */
  invoiceId: string;
  /** An unpaid one-off invoice, safe to void. */
  voidableInvoiceId: string;
  /** A charge waiting for the next invoice, safe to remove. */
  waitingChargeId: string;
  /** A recorded payment (for its receipt). */
  paymentId: string;
  /** A one-off draft of two lines: to add lines to and to remove `draftLineId` from. */
  draftInvoiceId: string;
  /** Another one-off draft, to issue. */
  issuableDraftId: string;
  draftLineId: string;
};

/** Makes what the billing examples point at, through the channels, as the owner. */
export async function prepareBillingExamples(
  t: TestCore,
  owner: string,
  _prior: BaseExampleContext &
    CustomersExampleContext &
    MapExampleContext &
    PlansExampleContext &
    SubscriptionsExampleContext,
): Promise<BillingExampleContext> {
  const customer = unwrap(
    await t.call('customers.create', { name: 'Pelanggan Tagihan Contoh', phone: '0812-9000-1000' }, owner),
  );
  const invoice = async (amount: number) =>
    unwrap(
      await t.call(
        'billing.invoices.create',
        {
          customerId: customer.id,
          items: [{ description: 'Jasa pemasangan', amount, taxMode: 'exempt', kind: 'installation' }],
        },
        owner,
      ),
    ).id;
  const invoiceId = await invoice(500_000);
  const voidableInvoiceId = await invoice(100_000);
  const paidInvoice = await invoice(50_000);
  const payment = unwrap(
    await t.call(
      'billing.payments.record',
      {
        id: randomUUID(),
        customerId: customer.id,
        amount: 50_000,
        method: 'transfer',
        invoiceIds: [paidInvoice],
      },
      owner,
    ),
  );
  const charge = unwrap(
    await t.call(
      'billing.charges.add',
      { customerId: customer.id, kind: 'device', description: 'Router WiFi', amount: 350_000 },
      owner,
    ),
  );
  const draft = unwrap(
    await t.call(
      'billing.invoices.create',
      {
        customerId: customer.id,
        items: [
          { description: 'Tarik kabel', amount: 120_000, taxMode: 'exempt', kind: 'other' },
          { description: 'Konektor', amount: 15_000, taxMode: 'exempt', kind: 'device' },
        ],
        draft: true,
      },
      owner,
    ),
  );
  const issuable = unwrap(
    await t.call(
      'billing.invoices.create',
      {
        customerId: customer.id,
        items: [{ description: 'Pindah titik', amount: 50_000, taxMode: 'exempt', kind: 'other' }],
        draft: true,
      },
      owner,
    ),
  );
  return {
    draftInvoiceId: draft.id,
    issuableDraftId: issuable.id,
    draftLineId: draft.lines.find((line) => line.kind === 'device')!.id,
    billingCustomerId: customer.id,
    invoiceId,
    voidableInvoiceId,
    waitingChargeId: charge.id,
    paymentId: payment.id,
  };
}

/** One valid input per billing channel (see channelExamples). */
export const billingExamples: { [C in BillingChannel]: (ctx: ExampleContext) => ChannelInput<C> } = {
  'billing.settings.get': () => ({}),
  'billing.settings.update': () => ({ dueDays: 14, reminderBeforeDays: [3, 1] }),
  'billing.run': () => ({ period: '2030-02' }),
  'billing.invoices.list': () => ({ status: 'issued', query: 'contoh' }),
  'billing.invoices.get': (ctx) => ({ id: ctx.invoiceId }),
  'billing.invoices.create': (ctx) => ({
    customerId: ctx.billingCustomerId,
    items: [{ description: 'Kunjungan teknisi', amount: 75_000, taxMode: 'exempt', kind: 'other' }],
  }),
  'billing.invoices.issue': (ctx) => ({ ids: [ctx.issuableDraftId] }),
  'billing.invoices.resend': (ctx) => ({ id: ctx.invoiceId }),
  'billing.invoices.lines.add': (ctx) => ({
    invoiceId: ctx.draftInvoiceId,
    kind: 'discount',
    description: 'Potongan pemasangan',
    amount: 5_000,
    taxMode: 'exempt',
  }),
  'billing.invoices.lines.remove': (ctx) => ({ invoiceId: ctx.draftInvoiceId, lineId: ctx.draftLineId }),
  'billing.invoices.void': (ctx) => ({ id: ctx.voidableInvoiceId, reason: 'Dibuat dua kali' }),
  'billing.invoices.pdf': (ctx) => ({ id: ctx.invoiceId }),
  'billing.charges.list': (ctx) => ({ customerId: ctx.billingCustomerId }),
  'billing.charges.add': (ctx) => ({
    customerId: ctx.billingCustomerId,
    kind: 'discount',
    description: 'Potongan pelanggan setia',
    amount: 10_000,
  }),
  'billing.charges.remove': (ctx) => ({ id: ctx.waitingChargeId }),
  'billing.creditNotes.create': (ctx) => ({
    invoiceId: ctx.invoiceId,
    amount: 5_000,
    reason: 'Gangguan satu hari',
  }),
  'billing.payments.record': (ctx) => ({
    id: randomUUID(),
    customerId: ctx.billingCustomerId,
    amount: 20_000,
    method: 'cash',
  }),
  'billing.payments.list': (ctx) => ({ customerId: ctx.billingCustomerId }),
  'billing.payments.receipt': (ctx) => ({ id: ctx.paymentId }),
  'billing.payments.receiptView': (ctx) => ({ id: ctx.paymentId, width: 58 }),
  // The example branch has no receipt printer: the receipt goes to the receipts folder.
  'billing.payments.print': (ctx) => ({ id: ctx.paymentId, reprint: true }),
  'billing.customers.balance': (ctx) => ({ customerId: ctx.billingCustomerId }),
};

/** Where a billing example answers a caller the gate lets through something other than ok. */
export const billingPassAnswers: Partial<Record<BillingChannel, PassAnswer>> = {
  'billing.invoices.void': { first: 'ok', then: 'CONFLICT' },
  'billing.charges.remove': { first: 'ok', then: 'NOT_FOUND' },
  'billing.invoices.issue': { first: 'ok', then: 'CONFLICT' },
  'billing.invoices.lines.remove': { first: 'ok', then: 'NOT_FOUND' },
};
