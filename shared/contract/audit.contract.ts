import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

export const AuditEntry = z.strictObject({
  id: Id,
  seq: z.number().int().positive(),
  at: EpochMs,
  userId: Id.nullable(),
  username: z.string().nullable(),
  channel: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Redacted before/after summary; secrets never appear. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditChannels = defineChannels({
  'audit.log.list': {
    summary: 'Audit entries, newest first, filtered by user, entity and time range.',
    input: z.strictObject({
      userId: Id.optional(),
      entity: z.string().max(60).optional(),
      from: EpochMs.optional(),
      to: EpochMs.optional(),
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.strictObject({ entries: z.array(AuditEntry), nextBeforeSeq: z.number().int().nullable() }),
    access: 'audit.view',
    writes: false,
  },
  'audit.log.verify': {
    summary: 'Walks the hash chain and names the first entry whose hash does not match.',
    input: z.strictObject({}),
    output: z.strictObject({
      ok: z.boolean(),
      checked: z.number().int().nonnegative(),
      firstBroken: z.strictObject({ id: Id, seq: z.number().int(), reason: z.string() }).nullable(),
    }),
    access: 'audit.view',
    writes: false,
  },
});
