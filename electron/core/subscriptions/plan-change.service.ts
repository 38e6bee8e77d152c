/**
 * Plan change mid-period (upgrade or downgrade). The period's invoice is made first if missing, so
 * the old plan is billed for the whole period; then the unused days of the old plan are credited and
 * the new plan charged for the same days, as two `billing_charges` rows the next invoice picks up.
 * Later periods already invoiced at the old plan get the same pair for their whole length.
 */
import type { PlanChangePreview } from '../../../shared/contract/subscriptions.contract';
import { periodContaining, periodOf } from '../../../shared/domain/billing-cycle';
import type { LocalDate } from '../../../shared/domain/calendar';
import { prorateChange, prorationNet, type PeriodProration } from '../../../shared/domain/proration';
import type { ParsedInput } from '../api-types';
import { readBillingSettings } from '../billing/billing-settings';
import { billingAnchorDay, ensurePeriodInvoice } from '../billing/invoice-run';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { requirePlan } from '../plans/plans.service';
import type { PlanRow } from '../plans/plans.tables';
import { serviceOf } from './subscription-accounts';
import { currentIsolation } from './subscription-lifecycle';
import {
  ensurePlanProfiles,
  moveIsolation,
  moveToProfile,
  needsStaticAddress,
  type Isolation,
} from './subscription-provisioning';
import {
  branchToday,
  illegalTransition,
  loadSubscription,
  recordTransition,
  type LoadedSubscription,
} from './subscription-records';
import { subscriptionOut } from './subscriptions.service';

const CHANGE_PLAN = { id: 'diganti paketnya', en: 'moved to another plan' };
const SERVICE_TEXT: Record<PlanRow['service'], string> = { pppoe: 'PPPoE', hotspot: 'hotspot' };

function invalidDate(en: string, id: string): AppError {
  return new AppError('VALIDATION', { id, en }, { fields: { effectiveOn: en } });
}

/** Checks the change is allowed and settles the day it takes effect (today unless told). */
async function checkChange(
  ctx: HandlerContext,
  input: { id: string; planId: string; effectiveOn?: string | undefined },
): Promise<{ loaded: LoadedSubscription; newPlan: PlanRow; effectiveOn: LocalDate; anchorDay: number }> {
  const loaded = await loadSubscription(ctx, input.id);
  const { sub, plan } = loaded;
  if (sub.state !== 'active' && sub.state !== 'isolated') throw illegalTransition(sub, CHANGE_PLAN);
  if (input.planId === plan.id) {
    throw new AppError(
      'CONFLICT',
      {
        id: `Langganan ${sub.code} sudah memakai paket ${plan.name}.`,
        en: `Subscription ${sub.code} is already on plan ${plan.name}.`,
      },
      { fields: { planId: 'already on this plan' } },
    );
  }
  const newPlan = await requirePlan(ctx, input.planId);
  if (newPlan.archived === 1) {
    throw new AppError(
      'VALIDATION',
      {
        id: `Paket ${newPlan.name} sudah diarsipkan.`,
        en: `Plan ${newPlan.name} is archived.`,
      },
      { fields: { planId: 'archived plan' } },
    );
  }
  const service = serviceOf(sub, plan);
  if (newPlan.service !== service) {
    // The login on the router is a PPP secret or a hotspot user: it cannot turn into the other.
    throw new AppError(
      'VALIDATION',
      {
        id: `Paket ${newPlan.name} untuk ${SERVICE_TEXT[newPlan.service]}, langganan ${sub.code} memakai ${SERVICE_TEXT[service]}; hentikan lalu buat langganan baru untuk pindah layanan.`,
        en: `Plan ${newPlan.name} is a ${SERVICE_TEXT[newPlan.service]} plan and subscription ${sub.code} uses ${SERVICE_TEXT[service]}; terminate it and create a new subscription to switch service.`,
      },
      { fields: { planId: `not a ${SERVICE_TEXT[service]} plan` } },
    );
  }
  if (newPlan.isolir_method === 'address-list' && !sub.remote_address) throw needsStaticAddress(sub, newPlan);
  const today = await branchToday(ctx);
  const effectiveOn = input.effectiveOn ?? today;
  const settings = await readBillingSettings(ctx);
  const anchorDay = billingAnchorDay(settings, sub);
  const current = periodContaining(today, anchorDay);
  if (effectiveOn > today) {
    throw invalidDate(
      `a plan change takes effect on the router at once: ${effectiveOn} is after today (${today})`,
      `Ganti paket langsung berlaku di router: ${effectiveOn} setelah hari ini (${today}).`,
    );
  }
  if (sub.activated_on && effectiveOn < sub.activated_on) {
    throw invalidDate(
      `${effectiveOn} is before the activation (${sub.activated_on})`,
      `${effectiveOn} sebelum tanggal aktivasi (${sub.activated_on}).`,
    );
  }
  if (effectiveOn < current.start) {
    throw invalidDate(
      `${effectiveOn} is before the current period (from ${current.start}); earlier periods are already billed`,
      `${effectiveOn} sebelum periode berjalan (mulai ${current.start}); periode sebelumnya sudah ditagih.`,
    );
  }
  return { loaded, newPlan, effectiveOn, anchorDay };
}

/** The prorations for the period containing `effectiveOn` and every later period already invoiced. */
async function prorations(
  ctx: Pick<HandlerContext, 'db'>,
  { sub, plan }: LoadedSubscription,
  newPlan: PlanRow,
  effectiveOn: LocalDate,
  anchorDay: number,
): Promise<PlanChangePreview> {
  const period = periodContaining(effectiveOn, anchorDay);
  const periods: PeriodProration[] = [prorateChange(plan.price, newPlan.price, period, effectiveOn)];
  const later = await ctx.db
    .selectFrom('invoices')
    .select('period')
    .where('subscription_id', '=', sub.id)
    .where('deleted_at', 'is', null)
    .where('status', '!=', 'void')
    .where('period', '>', period.key)
    .orderBy('period')
    .execute();
  for (const { period: key } of later) {
    if (!key) continue;
    const next = periodOf(key, anchorDay);
    if (next.start <= period.end) continue;
    periods.push(prorateChange(plan.price, newPlan.price, next, next.start));
  }
  const credit = periods.reduce((sum, p) => sum + p.credit, 0);
  const charge = periods.reduce((sum, p) => sum + p.charge, 0);
  return {
    effectiveOn,
    oldPlan: { id: plan.id, name: plan.name, price: plan.price },
    newPlan: { id: newPlan.id, name: newPlan.name, price: newPlan.price },
    periods,
    credit,
    charge,
    net: prorationNet(periods),
  };
}

export async function previewPlanChange(
  ctx: HandlerContext,
  input: ParsedInput<'subscriptions.changePlan.preview'>,
): Promise<PlanChangePreview> {
  const { loaded, newPlan, effectiveOn, anchorDay } = await checkChange(ctx, input);
  return prorations(ctx, loaded, newPlan, effectiveOn, anchorDay);
}

function describe(kind: 'credit' | 'charge', plan: PlanRow, p: PeriodProration): string {
  const range = `${p.from} s.d. ${p.periodEnd}`;
  return kind === 'credit'
    ? `Pengembalian ${p.days}/${p.periodDays} hari paket ${plan.name} (${range})`
    : `Paket ${plan.name} ${p.days}/${p.periodDays} hari (${range})`;
}

export async function changePlan(ctx: HandlerContext, input: ParsedInput<'subscriptions.changePlan'>) {
  const { loaded, newPlan, effectiveOn, anchorDay } = await checkChange(ctx, input);
  const { sub, plan } = loaded;
  // The period is billed at the old plan before anything is prorated against it.
  const invoiceId = await ensurePeriodInvoice(ctx, sub.id, effectiveOn);
  const proration = await prorations(ctx, loaded, newPlan, effectiveOn, anchorDay);
  const chargeIds: string[] = [];
  if (invoiceId !== null) {
    const userId = ctx.session?.user.id ?? null;
    for (const p of proration.periods) {
      const rows = [
        {
          kind: 'proration_credit' as const,
          amount: p.credit,
          taxMode: plan.tax_mode,
          text: describe('credit', plan, p),
        },
        {
          kind: 'proration_charge' as const,
          amount: p.charge,
          taxMode: newPlan.tax_mode,
          text: describe('charge', newPlan, p),
        },
      ];
      for (const row of rows) {
        if (row.amount === 0) continue;
        const charge = await ctx.writer.insert(ctx.db, 'billing_charges', {
          customer_id: sub.customer_id,
          subscription_id: sub.id,
          kind: row.kind,
          description: row.text,
          amount: row.amount,
          tax_mode: row.taxMode,
          effective_on: p.from,
          invoice_id: null,
          user_id: userId,
        });
        chargeIds.push(charge.id);
      }
    }
  }
  // The router: the new plan's profiles first (jobs run in order), then the secret moves, or the
  // isolation moves to the new plan's way.
  let jobIds = await ensurePlanProfiles(ctx, sub.router_id, newPlan);
  let isolation: Isolation | null = null;
  if (sub.state === 'isolated') {
    const moved = await moveIsolation(ctx, sub, newPlan, await currentIsolation(ctx, sub.id));
    isolation = moved.isolation;
    jobIds = [...jobIds, ...moved.jobIds];
  } else {
    jobIds = [...jobIds, ...(await moveToProfile(ctx, sub, newPlan, newPlan.router_profile))];
  }
  const credited =
    invoiceId === null ? { ...proration, periods: [], credit: 0, charge: 0, net: 0 } : proration;
  await recordTransition(ctx, sub, {
    kind: 'plan_change',
    to: sub.state,
    reason: input.reason,
    details: {
      fromPlanId: plan.id,
      fromPlan: plan.name,
      toPlanId: newPlan.id,
      toPlan: newPlan.name,
      effectiveOn,
      invoiceId,
      credit: credited.credit,
      charge: credited.charge,
      chargeIds,
      ...(isolation ? { isolation } : {}),
      jobIds,
    },
    patch: { plan_id: newPlan.id },
  });
  return { subscription: await subscriptionOut(ctx, sub.id), proration: credited, jobIds };
}
