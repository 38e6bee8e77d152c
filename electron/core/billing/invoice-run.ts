import { addDays, daysBetween, type LocalDate } from '../../../shared/domain/calendar';
import {
  periodContaining,
  periodOf,
  prorate,
  type BillingPeriod,
} from '../../../shared/domain/billing-cycle';
import { invoiceTotals } from '../../../shared/domain/invoice-math';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { queueCustomerMessages, type CustomerMessage } from '../notify/notify-queue';
import { uuidv7 } from '../platform/ids';
import { billingBranch, type BillingBranch } from './billing-branch';
import { readBillingSettings, type BillingSettings } from './billing-settings';
import type { BillingChargeRow, InvoiceLineKind, InvoiceRow } from './billing.tables';
import { periodName, longDate } from './billing-words';
import { reserveDocumentNumbers } from './document-numbers';

/** A subscription billing reads: the live ones (active or isolated, activated). */
type LiveSubscription = {
  id: string;
  code: string;
  customer_id: string;
  anchor_day: number;
  activated_on: string;
  plan_name: string;
  price: number;
  tax_mode: 'included' | 'excluded' | 'exempt';
};

/** One invoice to make: a subscription, a period, the day it is issued. */
type PeriodInvoicePlan = { sub: LiveSubscription; period: BillingPeriod; issueDate: LocalDate };

const CHUNK = 400;

/** The day of the month a subscription's periods start on (branch day in fixed mode, else its own). */
export function billingAnchorDay(settings: BillingSettings, sub: { anchor_day: number }): number {
  return settings.billingMode === 'fixed' ? settings.billingDay : sub.anchor_day;
}

/** The period after `key` ('YYYY-MM' + 1 month). */
function nextKey(key: string): string {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const index = y * 12 + m; // m is 1-based, so this is already the next month's index
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function monthIndex(key: string): number {
  const [y, m] = key.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

function liveSubscriptions(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('plans as p', 'p.id', 's.plan_id')
    .select([
      's.id',
      's.code',
      's.customer_id',
      's.anchor_day',
      's.activated_on',
      'p.name as plan_name',
      'p.price',
      'p.tax_mode',
    ])
    .where('s.deleted_at', 'is', null)
    .where('s.state', 'in', ['active', 'isolated'])
    .where('s.activated_on', 'is not', null)
    .$narrowType<{ activated_on: string }>();
}

/** When a period's invoice is issued: issue_days_before its start, never before activation. */
function nominalIssueDate(
  settings: BillingSettings,
  sub: LiveSubscription,
  period: BillingPeriod,
): LocalDate {
  const issue = addDays(period.start, -settings.issueDaysBefore);
  return issue < sub.activated_on ? sub.activated_on : issue;
}

/**
 * The periods of one subscription still to invoice whose issue date is on or before `upTo` (or whose
 * key is at most `untilKey`): from the first period after the last invoiced one, or from the first
 * period when earlier periods have gaps (then the `existing` keys are skipped).
 */
function periodsToBill(
  settings: BillingSettings,
  sub: LiveSubscription,
  last: { max: string; count: number } | undefined,
  existingKeys: Set<string> | undefined,
  stop: { upTo?: LocalDate; untilKey?: string },
): PeriodInvoicePlan[] {
  const anchor = billingAnchorDay(settings, sub);
  const first = periodContaining(sub.activated_on, anchor);
  let key = first.key;
  if (last && last.max >= first.key && last.count >= monthIndex(last.max) - monthIndex(first.key) + 1) {
    key = nextKey(last.max);
  }
  const plans: PeriodInvoicePlan[] = [];
  // 240 periods (20 years) bounds a run over a subscription with a nonsense activation date.
  for (let guard = 0; guard < 240; guard += 1, key = nextKey(key)) {
    if (stop.untilKey !== undefined && key > stop.untilKey) break;
    const period = key === first.key ? first : periodOf(key, anchor);
    const issueDate = nominalIssueDate(settings, sub, period);
    if (stop.upTo !== undefined && issueDate > stop.upTo) break;
    if (existingKeys?.has(key)) continue;
    plans.push({ sub, period, issueDate });
  }
  return plans;
}

/** The plan line of a period: the monthly price, prorated for a first period begun after activation. */
function planLine(sub: LiveSubscription, period: BillingPeriod) {
  const from = sub.activated_on > period.start ? sub.activated_on : period.start;
  const days = period.days - daysBetween(period.start, from);
  const amount = prorate(sub.price, days, period.days);
  const prorated = days < period.days;
  return {
    kind: 'plan' as InvoiceLineKind,
    description: `Internet ${sub.plan_name} ${from} s.d. ${period.end}${prorated ? ` (prorata ${days}/${period.days} hari)` : ''}`,
    amount,
    taxMode: sub.tax_mode,
  };
}

/**
 * Makes the planned period invoices in chunks: numbers reserved in one statement, invoices and lines
 * inserted with insertMany, waiting charges attached (each charge once), `invoice.issued` queued. In
 * draft mode they are drafts with their planned dates, and nobody is told until they are issued.
 * Answers the new invoices' ids and the sum of their totals.
 */
async function createPeriodInvoices(
  ctx: HandlerContext,
  branch: BillingBranch,
  settings: BillingSettings,
  plans: PeriodInvoicePlan[],
): Promise<{ invoiceIds: string[]; totalAmount: number; byKey: Map<string, string> }> {
  const byKey = new Map<string, string>();
  if (plans.length === 0) return { invoiceIds: [], totalAmount: 0, byKey };
  plans.sort((a, b) =>
    a.period.key < b.period.key ? -1 : a.period.key > b.period.key ? 1 : a.sub.code < b.sub.code ? -1 : 1,
  );

  // Waiting charges, read once; each goes to the customer's first invoice whose period covers it
  // (its own subscription's when the charge names one).
  const lastEnd = plans.reduce((max, p) => (p.period.end > max ? p.period.end : max), '');
  const charges = await ctx.db
    .selectFrom('billing_charges')
    .selectAll()
    .where('invoice_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where('effective_on', '<=', lastEnd)
    .orderBy('effective_on')
    .orderBy('created_at')
    .execute();
  const chargesByCustomer = new Map<string, BillingChargeRow[]>();
  for (const charge of charges) {
    const list = chargesByCustomer.get(charge.customer_id) ?? [];
    list.push(charge);
    chargesByCustomer.set(charge.customer_id, list);
  }

  const numbers = await reserveDocumentNumbers(ctx, 'invoice', plans.length, branch.timeZone);
  // Draft mode: the invoices wait for someone to issue them (dates then set, customer told then).
  const draft = settings.issueMode === 'draft';
  const invoiceIds: string[] = [];
  let totalAmount = 0;
  const now = ctx.clock.now();

  for (let start = 0; start < plans.length; start += CHUNK) {
    const chunk = plans.slice(start, start + CHUNK);
    const invoices: Omit<InvoiceRow, 'created_at' | 'updated_at' | 'hlc' | 'origin_device' | 'deleted_at'>[] =
      [];
    const lineRows: {
      id: string;
      invoice_id: string;
      kind: InvoiceLineKind;
      description: string;
      quantity: number;
      unit_price: number;
      amount: number;
      tax_mode: 'included' | 'excluded' | 'exempt';
      ppn: number;
      charge_id: string | null;
    }[] = [];
    const chargeLinks: { chargeId: string; invoiceId: string }[] = [];
    const credits: {
      customer_id: string;
      amount: number;
      kind: string;
      ref_id: string;
      user_id: string | null;
    }[] = [];
    const messages: CustomerMessage[] = [];

    chunk.forEach((plan, i) => {
      const id = uuidv7(now);
      const newLines: {
        kind: InvoiceLineKind;
        description: string;
        amount: number;
        taxMode: 'included' | 'excluded' | 'exempt';
        chargeId: string | null;
      }[] = [{ ...planLine(plan.sub, plan.period), chargeId: null }];
      const waiting = chargesByCustomer.get(plan.sub.customer_id);
      if (waiting) {
        for (let k = 0; k < waiting.length; k += 1) {
          const charge = waiting[k]!;
          if (charge.effective_on > plan.period.end) continue;
          if (charge.subscription_id !== null && charge.subscription_id !== plan.sub.id) continue;
          newLines.push({
            kind: charge.kind,
            description: charge.description,
            amount: charge.amount,
            taxMode: charge.tax_mode,
            chargeId: charge.id,
          });
          chargeLinks.push({ chargeId: charge.id, invoiceId: id });
          waiting.splice(k, 1);
          k -= 1;
        }
      }
      let totals = invoiceTotals(newLines, branch.rule, branch.pkp);
      if (totals.total < 0) {
        // Credits larger than the period (a big downgrade credit): the rest becomes customer credit.
        newLines.push({
          kind: 'other',
          description: 'Sisa kredit dipindah ke saldo pelanggan',
          amount: -totals.total,
          taxMode: 'exempt',
          chargeId: null,
        });
        credits.push({
          customer_id: plan.sub.customer_id,
          amount: -totals.total,
          kind: 'billing_credit',
          ref_id: id,
          user_id: ctx.session?.user.id ?? null,
        });
        totals = invoiceTotals(newLines, branch.rule, branch.pkp);
      }
      totals.lines.forEach((priced, j) => {
        const line = newLines[j]!;
        lineRows.push({
          id: uuidv7(now),
          invoice_id: id,
          kind: line.kind,
          description: line.description,
          quantity: 1,
          unit_price: line.amount,
          amount: line.amount,
          tax_mode: priced.taxMode,
          ppn: priced.ppn,
          charge_id: line.chargeId,
        });
      });
      const dueDate = addDays(plan.issueDate, settings.dueDays);
      invoices.push({
        id,
        number: numbers[start + i]!,
        customer_id: plan.sub.customer_id,
        subscription_id: plan.sub.id,
        period: plan.period.key,
        period_start: plan.period.start,
        period_end: plan.period.end,
        issue_date: plan.issueDate,
        due_date: dueDate,
        status: draft ? 'draft' : totals.total === 0 ? 'paid' : 'issued',
        subtotal: totals.subtotal,
        discount: totals.discount,
        ppn: totals.ppn,
        total: totals.total,
        paid: 0,
        credited: 0,
        notes: '',
        void_reason: '',
        paid_on: !draft && totals.total === 0 ? plan.issueDate : null,
      });
      invoiceIds.push(id);
      byKey.set(`${plan.sub.id}|${plan.period.key}`, id);
      totalAmount += totals.total;
      if (!draft && totals.total > 0) {
        messages.push({
          templateKey: 'invoice.issued',
          customerId: plan.sub.customer_id,
          dedupeKey: `invoice.issued:${id}`,
          vars: {
            nomor: numbers[start + i]!,
            periode: periodName(plan.period.key),
            paket: plan.sub.plan_name,
            jumlah: totals.total,
            saldo: totals.total,
            jatuh_tempo: longDate(dueDate),
          },
        });
      }
    });

    await ctx.writer.insertMany(ctx.db, 'invoices', invoices);
    for (let l = 0; l < lineRows.length; l += CHUNK) {
      await ctx.writer.insertMany(ctx.db, 'invoice_lines', lineRows.slice(l, l + CHUNK));
    }
    for (const link of chargeLinks) {
      await ctx.writer.update(ctx.db, 'billing_charges', link.chargeId, { invoice_id: link.invoiceId });
    }
    if (credits.length > 0) await ctx.writer.insertMany(ctx.db, 'customer_credit_movements', credits);
    await queueCustomerMessages(ctx, messages);
  }
  return { invoiceIds, totalAmount, byKey };
}

/** Per subscription: the latest invoiced period and how many periods it has invoices for. */
async function invoicedPeriods(
  ctx: Pick<HandlerContext, 'db'>,
  subscriptionId?: string,
): Promise<Map<string, { max: string; count: number }>> {
  let query = ctx.db
    .selectFrom('invoices')
    .select([
      'subscription_id',
      (eb) => eb.fn.max('period').as('max'),
      (eb) => eb.fn.countAll<number>().as('count'),
    ])
    .where('period', 'is not', null)
    .where('subscription_id', 'is not', null)
    .groupBy('subscription_id');
  if (subscriptionId) query = query.where('subscription_id', '=', subscriptionId);
  const rows = await query.execute();
  return new Map(
    rows.map((row) => [row.subscription_id!, { max: String(row.max), count: Number(row.count) }]),
  );
}

async function existingKeysOf(ctx: Pick<HandlerContext, 'db'>, subscriptionId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('invoices')
    .select('period')
    .where('subscription_id', '=', subscriptionId)
    .where('period', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.period!));
}

/** Plans the missing period invoices of the given subscriptions (set-based: two reads in all). */
async function planMissing(
  ctx: HandlerContext,
  settings: BillingSettings,
  subs: LiveSubscription[],
  stop: { upTo?: LocalDate; untilKey?: string },
  subscriptionId?: string,
): Promise<PeriodInvoicePlan[]> {
  const invoiced = await invoicedPeriods(ctx, subscriptionId);
  const plans: PeriodInvoicePlan[] = [];
  for (const sub of subs) {
    const last = invoiced.get(sub.id);
    const anchor = billingAnchorDay(settings, sub);
    const firstKey = periodContaining(sub.activated_on, anchor).key;
    const gaps =
      last !== undefined &&
      !(last.max >= firstKey && last.count >= monthIndex(last.max) - monthIndex(firstKey) + 1);
    // Gaps are rare (a period run by hand ahead of the scheduler): only then are the keys read.
    const existing = gaps ? await existingKeysOf(ctx, sub.id) : undefined;
    plans.push(...periodsToBill(settings, sub, gaps ? undefined : last, existing, stop));
  }
  return plans;
}

/**
 * Creates every period invoice whose issue date is on or before `upTo` and that does not exist yet,
 * for every live subscription: missed periods too (the scheduler's catch-up). Idempotent.
 */
export async function runBilling(
  ctx: HandlerContext,
  upTo: LocalDate,
): Promise<{ created: number; invoiceIds: string[] }> {
  const branch = await billingBranch(ctx);
  const settings = await readBillingSettings(ctx);
  const subs = (await liveSubscriptions(ctx)
    .where('s.activated_on', '<=', upTo)
    .execute()) as LiveSubscription[];
  const plans = await planMissing(ctx, settings, subs, { upTo });
  const { invoiceIds } = await createPeriodInvoices(ctx, branch, settings, plans);
  return { created: invoiceIds.length, invoiceIds };
}

/**
 * The invoice of the period containing `day` for a subscription, made (with any missing earlier
 * periods) when it does not exist. Null when the subscription is not live on that day.
 */
export async function ensurePeriodInvoice(
  ctx: HandlerContext,
  subscriptionId: string,
  day: LocalDate,
): Promise<string | null> {
  const settings = await readBillingSettings(ctx);
  const sub = (await liveSubscriptions(ctx).where('s.id', '=', subscriptionId).executeTakeFirst()) as
    LiveSubscription | undefined;
  if (!sub || sub.activated_on > day) return null;
  const period = periodContaining(day, billingAnchorDay(settings, sub));
  const existing = await ctx.db
    .selectFrom('invoices')
    .select('id')
    .where('subscription_id', '=', subscriptionId)
    .where('period', '=', period.key)
    .executeTakeFirst();
  if (existing) return existing.id;
  const branch = await billingBranch(ctx);
  const plans = await planMissing(ctx, settings, [sub], { untilKey: period.key }, subscriptionId);
  const { byKey } = await createPeriodInvoices(ctx, branch, settings, plans);
  return byKey.get(`${subscriptionId}|${period.key}`) ?? null;
}

/**
 * `billing.run`: the invoice of one period for every subscription live in it that has none. Issued on
 * the period's issue day, or today when that has passed (drafts in draft mode). A second run creates
 * nothing, drafts included: a draft is that period's invoice.
 */
export async function runBillingPeriod(ctx: HandlerContext, input: ParsedInput<'billing.run'>) {
  const branch = await billingBranch(ctx);
  const settings = await readBillingSettings(ctx);
  const subs = (await liveSubscriptions(ctx).execute()) as LiveSubscription[];
  const invoiced = new Set(
    (
      await ctx.db
        .selectFrom('invoices')
        .select('subscription_id')
        .where('period', '=', input.period)
        .where('subscription_id', 'is not', null)
        .execute()
    ).map((row) => row.subscription_id!),
  );
  let skipped = 0;
  const plans: PeriodInvoicePlan[] = [];
  for (const sub of subs) {
    const period = periodOf(input.period, billingAnchorDay(settings, sub));
    if (sub.activated_on > period.end) continue;
    if (invoiced.has(sub.id)) {
      skipped += 1;
      continue;
    }
    const nominal = nominalIssueDate(settings, sub, period);
    plans.push({ sub, period, issueDate: nominal > branch.today ? nominal : branch.today });
  }
  const { invoiceIds, totalAmount } = await createPeriodInvoices(ctx, branch, settings, plans);
  await ctx.audit({
    entity: 'billing_run',
    entityId: null,
    before: null,
    after: {
      period: input.period,
      created: invoiceIds.length,
      skipped,
      totalAmount,
      drafts: settings.issueMode === 'draft',
    },
  });
  return { created: invoiceIds.length, skipped, totalAmount };
}
