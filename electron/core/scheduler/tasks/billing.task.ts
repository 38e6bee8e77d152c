import { runBilling } from '../../billing/invoice-run';
import type { SchedulerTaskRun } from '../scheduler-task';

/** Makes every period invoice whose issue date has come (a second run for the same day makes none). */
export const billingTask: SchedulerTaskRun = async (ctx, { day }) => {
  const { created } = await runBilling(ctx, day);
  return { count: created, steps: 0, note: '' };
};
