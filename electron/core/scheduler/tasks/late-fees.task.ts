import { addDays } from '../../../../shared/domain/calendar';
import { addInvoiceLine } from '../../billing/invoice-lines';
import { readDunningPolicy } from '../dunning-policy';
import { longDate } from '../invoice-words';
import { openInvoicesDueBy, recordDunningStep } from '../open-invoices';
import { nothing, type SchedulerTaskRun } from '../scheduler-task';

export const LATE_FEE_STEP = 'late_fee';

/**
 * Adds the late fee, once, to every invoice still unpaid `grace_days` after its due date: a fixed
 * amount, or a percentage of what is left to pay, rounded down. Caught-up days take it once too: the
 * invoice's 'late_fee' step is what says it was taken.
 */
export const lateFeesTask: SchedulerTaskRun = async (ctx, { day }) => {
  const policy = await readDunningPolicy(ctx);
  if (policy.lateFee.type === 'none' || policy.lateFee.value <= 0) return nothing('off');
  const invoices = await openInvoicesDueBy(ctx, addDays(day, -policy.graceDays), {
    withoutStep: LATE_FEE_STEP,
  });
  let count = 0;
  for (const invoice of invoices) {
    const amount =
      policy.lateFee.type === 'fixed'
        ? policy.lateFee.value
        : Math.floor((invoice.balance * policy.lateFee.value) / 100);
    if (amount > 0) {
      const rate = policy.lateFee.type === 'percent' ? ` ${policy.lateFee.value}%` : '';
      await addInvoiceLine(ctx, invoice.id, {
        kind: 'late_fee',
        description: `Denda keterlambatan${rate} (jatuh tempo ${longDate(invoice.dueDate)})`,
        amount,
        taxMode: 'exempt',
      });
      count += 1;
    }
    await recordDunningStep(ctx, invoice.id, LATE_FEE_STEP, day);
  }
  return { count, steps: invoices.length, note: '' };
};
