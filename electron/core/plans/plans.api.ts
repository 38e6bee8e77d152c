import type { plansChannels } from '../../../shared/contract/plans.contract';
import type { HandlerSlice } from '../api-types';
import { archivePlan, createPlan, listPlans, planOut, updatePlan } from './plans.service';

export const plansApi = {
  'plans.list': listPlans,
  'plans.get': (ctx, input) => planOut(ctx, input.id),
  'plans.create': createPlan,
  'plans.update': updatePlan,
  'plans.archive': archivePlan,
} satisfies HandlerSlice<keyof typeof plansChannels>;
