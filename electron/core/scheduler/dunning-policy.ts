import { readBillingSettings } from '../billing/billing-settings';
import type { HandlerContext } from '../context';
import type { ReminderPolicy } from './reminder-schedule';

/** The branch's dunning rules, as the scheduler's tasks read them from the billing settings. */
export type DunningPolicy = {
  reminders: ReminderPolicy;
  graceDays: number;
  lateFee: { type: 'none' | 'fixed' | 'percent'; value: number };
  autoIsolir: boolean;
  isolirAfterDays: number;
};

export async function readDunningPolicy(ctx: Pick<HandlerContext, 'db'>): Promise<DunningPolicy> {
  const s = await readBillingSettings(ctx);
  return {
    reminders: { beforeDays: s.reminderBeforeDays, onDue: s.reminderOnDue, afterDays: s.reminderAfterDays },
    graceDays: s.graceDays,
    lateFee: { type: s.lateFeeType, value: s.lateFeeValue },
    autoIsolir: s.autoIsolir,
    isolirAfterDays: s.isolirAfterDays,
  };
}
