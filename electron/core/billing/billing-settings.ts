import type { BillingSettings } from '../../../shared/contract/billing.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import { findBranch } from '../settings/settings.service';
import type { BillingSettingsRow } from './billing.tables';

export type { BillingSettings };

/** What a branch bills by until someone saves its billing settings (the migration's defaults). */
export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  billingMode: 'fixed',
  billingDay: 1,
  issueDaysBefore: 0,
  dueDays: 10,
  reminderBeforeDays: [3],
  reminderOnDue: true,
  reminderAfterDays: [1, 3],
  graceDays: 3,
  lateFeeType: 'none',
  lateFeeValue: 0,
  isolirAfterDays: 5,
  autoIsolir: true,
  autoReactivate: true,
  paymentInstructions: '',
  issueMode: 'issue',
};

function dayList(json: string, fallback: number[]): number[] {
  try {
    const value: unknown = JSON.parse(json);
    if (Array.isArray(value) && value.every((d) => Number.isInteger(d) && d > 0)) return value as number[];
  } catch {
    // A damaged list falls back to the default rather than stopping billing.
  }
  return fallback;
}

function toSettings(row: BillingSettingsRow): BillingSettings {
  return {
    billingMode: row.billing_mode,
    billingDay: row.billing_day,
    issueDaysBefore: row.issue_days_before,
    dueDays: row.due_days,
    reminderBeforeDays: dayList(row.reminder_before_days, DEFAULT_BILLING_SETTINGS.reminderBeforeDays),
    reminderOnDue: row.reminder_on_due === 1,
    reminderAfterDays: dayList(row.reminder_after_days, DEFAULT_BILLING_SETTINGS.reminderAfterDays),
    graceDays: row.grace_days,
    lateFeeType: row.late_fee_type,
    lateFeeValue: row.late_fee_value,
    isolirAfterDays: row.isolir_after_days,
    autoIsolir: row.auto_isolir === 1,
    autoReactivate: row.auto_reactivate === 1,
    paymentInstructions: row.payment_instructions,
    issueMode: row.issue_mode,
  };
}

function toRow(
  settings: BillingSettings,
): Omit<BillingSettingsRow, 'id' | 'created_at' | 'updated_at' | 'hlc' | 'origin_device' | 'deleted_at'> {
  return {
    billing_mode: settings.billingMode,
    billing_day: settings.billingDay,
    issue_days_before: settings.issueDaysBefore,
    due_days: settings.dueDays,
    reminder_before_days: JSON.stringify(settings.reminderBeforeDays),
    reminder_on_due: settings.reminderOnDue ? 1 : 0,
    reminder_after_days: JSON.stringify(settings.reminderAfterDays),
    grace_days: settings.graceDays,
    late_fee_type: settings.lateFeeType,
    late_fee_value: settings.lateFeeValue,
    isolir_after_days: settings.isolirAfterDays,
    auto_isolir: settings.autoIsolir ? 1 : 0,
    auto_reactivate: settings.autoReactivate ? 1 : 0,
    payment_instructions: settings.paymentInstructions,
    issue_mode: settings.issueMode,
  };
}

function findRow(ctx: Pick<HandlerContext, 'db'>) {
  return ctx.db
    .selectFrom('billing_settings')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** The branch's billing settings; the defaults when none were ever saved. */
export async function readBillingSettings(ctx: Pick<HandlerContext, 'db'>): Promise<BillingSettings> {
  const row = await findRow(ctx);
  return row ? toSettings(row) : { ...DEFAULT_BILLING_SETTINGS };
}

/** Saves the fields given; the row (id = the branch's id) is made on the first save. */
export async function updateBillingSettings(
  ctx: HandlerContext,
  input: ParsedInput<'billing.settings.update'>,
): Promise<BillingSettings> {
  const before = await readBillingSettings(ctx);
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const after: BillingSettings = { ...before, ...defined };
  if (after.lateFeeType === 'percent' && after.lateFeeValue > 100) {
    throw new AppError(
      'VALIDATION',
      { id: 'Denda persen paling besar 100%.', en: 'A percent late fee is at most 100%.' },
      { fields: { lateFeeValue: 'at most 100 for percent' } },
    );
  }
  const row = await findRow(ctx);
  if (row) {
    await ctx.writer.update(ctx.db, 'billing_settings', row.id, toRow(after));
  } else {
    const branch = await findBranch(ctx.db);
    await ctx.writer.insert(ctx.db, 'billing_settings', { id: branch?.id, ...toRow(after) });
  }
  await ctx.audit({ entity: 'billing_settings', entityId: row?.id ?? null, before, after });
  return after;
}
