import { sql } from 'kysely';
import { addDays } from '../../../../shared/domain/calendar';
import { queueAdminAlert } from '../../notify/notify-queue';
import { AppError } from '../../platform/errors';
import { isolateSubscription } from '../../subscriptions/subscription-lifecycle';
import { readDunningPolicy } from '../dunning-policy';
import { openInvoicesDueBy, recordDunningStep } from '../open-invoices';
import { nothing, type SchedulerTaskRun } from '../scheduler-task';

export const ISOLIR_STEP = 'isolir';

/**
 * Auto-isolir: a subscription whose invoice is still unpaid `isolir_after_days` after its due date is
 * isolated (isolir profile or address list, session kicked), once per invoice. The step is recorded
 * even when the subscription was no longer active, so a subscription a person reactivated by hand is
 * not isolated again for the same invoice. One that cannot be isolated (e.g. address-list isolir
 * without a static IP) is undone on its own savepoint, reported to the admins and tried again the
 * next day: it never stops the scheduler for everyone else.
 */
export const isolirTask: SchedulerTaskRun = async (ctx, { day }) => {
  const policy = await readDunningPolicy(ctx);
  if (!policy.autoIsolir) return nothing('off');
  const invoices = await openInvoicesDueBy(ctx, addDays(day, -policy.isolirAfterDays), {
    withoutStep: ISOLIR_STEP,
    withSubscription: true,
  });
  let count = 0;
  let steps = 0;
  const failed: string[] = [];
  for (const invoice of invoices) {
    await sql`SAVEPOINT scheduler_isolir`.execute(ctx.db);
    try {
      if (await isolateSubscription(ctx, invoice.subscriptionId!, `overdue ${invoice.number}`)) count += 1;
      await recordDunningStep(ctx, invoice.id, ISOLIR_STEP, day);
      steps += 1;
      await sql`RELEASE scheduler_isolir`.execute(ctx.db);
    } catch (error) {
      await sql`ROLLBACK TO scheduler_isolir`.execute(ctx.db);
      await sql`RELEASE scheduler_isolir`.execute(ctx.db);
      if (!(error instanceof AppError)) throw error;
      failed.push(`• ${invoice.customerName} — ${invoice.number}: ${error.messageFor('id')}`);
    }
  }
  if (failed.length > 0) {
    await queueAdminAlert(ctx, {
      dedupeKey: `alert:isolir-failed:${day}`,
      title: `${failed.length} langganan gagal diisolir otomatis`,
      text: `Isolir otomatis tidak bisa dijalankan (dicoba lagi besok):\n${failed.slice(0, 10).join('\n')}`,
    });
  }
  return { count, steps, note: failed.length > 0 ? `failed ${failed.length}` : '' };
};
