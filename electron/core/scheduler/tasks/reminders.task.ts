import { addDays, daysBetween } from '../../../../shared/domain/calendar';
import { queueCustomerMessages, type CustomerMessage } from '../../notify/notify-queue';
import { readDunningPolicy } from '../dunning-policy';
import { invoiceMessageVars } from '../invoice-words';
import { openInvoicesDueBy, recordDunningStep } from '../open-invoices';
import { reminderDue } from '../reminder-schedule';
import { nothing, type SchedulerTaskRun } from '../scheduler-task';

const TEMPLATE = {
  before: 'invoice.reminder.before',
  due: 'invoice.reminder.due',
  after: 'invoice.reminder.after',
} as const;

/**
 * Payment reminders before, on and after the due date, each once per invoice and only while it is
 * unpaid. A day already gone when it is caught up sends none: today's run then sends each invoice only
 * the latest reminder that applies (see `reminderDue`), never a burst of stale ones.
 */
export const remindersTask: SchedulerTaskRun = async (ctx, { day, missed }) => {
  if (missed) return nothing('day-passed');
  const policy = await readDunningPolicy(ctx);
  const earliest = Math.max(0, ...policy.reminders.beforeDays);
  const invoices = await openInvoicesDueBy(ctx, addDays(day, earliest));
  if (invoices.length === 0) return nothing();
  const taken = new Map<string, Set<string>>();
  const rows = await ctx.db
    .selectFrom('dunning_steps as s')
    .innerJoin('invoices as i', 'i.id', 's.invoice_id')
    .select(['s.invoice_id', 's.step'])
    .where('i.status', 'in', ['issued', 'partial'])
    .where('s.step', 'like', 'reminder:%')
    .where('s.deleted_at', 'is', null)
    .execute();
  for (const row of rows) {
    let steps = taken.get(row.invoice_id);
    if (!steps) taken.set(row.invoice_id, (steps = new Set()));
    steps.add(row.step);
  }
  const messages: CustomerMessage[] = [];
  for (const invoice of invoices) {
    const step = reminderDue(invoice.dueDate, day, policy.reminders, taken.get(invoice.id) ?? new Set());
    if (!step) continue;
    messages.push({
      templateKey: TEMPLATE[step.kind],
      customerId: invoice.customerId,
      dedupeKey: `reminder:${invoice.id}:${step.step}`,
      vars: invoiceMessageVars(invoice, Math.abs(daysBetween(day, invoice.dueDate))),
    });
    await recordDunningStep(ctx, invoice.id, step.step, day);
  }
  // One batch: a billing day can remind thousands of customers.
  const count = await queueCustomerMessages(ctx, messages);
  const steps = messages.length;
  return { count, steps, note: '' };
};
