import type { schedulerChannels } from '../../../shared/contract/scheduler.contract';
import type { HandlerSlice } from '../api-types';
import { agingReport } from './aging-report';
import { collectionsReport } from './collections-report';
import { schedulerStatus } from './scheduler-status';

export const schedulerApi = {
  'scheduler.runDue': (ctx, input) =>
    ctx.scheduler.run(ctx, input.until, {
      userId: ctx.session?.user.id ?? null,
      username: ctx.session?.user.username ?? null,
    }),
  'scheduler.status': (ctx) => schedulerStatus(ctx),
  'billing.reports.aging': (ctx, input) => agingReport(ctx, input),
  'billing.reports.collections': (ctx, input) => collectionsReport(ctx, input),
} satisfies HandlerSlice<keyof typeof schedulerChannels>;
