import type { HandlerSlice } from '../api-types';
import { listAudit, verifyAudit } from './audit.service';

export const auditApi = {
  'audit.log.list': (ctx, input) => listAudit(ctx.db, input),
  'audit.log.verify': (ctx) => verifyAudit(ctx.db, ctx),
} satisfies HandlerSlice<'audit.log.list' | 'audit.log.verify'>;
