import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ChannelOutput } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import type { AuditInput, CoreDeps } from '../context';
import type { AuditRow, DB } from '../db/schema';
import { uuidv7 } from '../platform/ids';
import { redact } from '../platform/logger';

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit_head';

type Db = Kysely<DB> | Transaction<DB>;
type Actor = { userId: string | null; username: string | null };

/** The fields a link's hash covers, in a fixed order. */
function linkHash(prevHash: string, row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): string {
  const fields = [
    row.id,
    row.at,
    row.user_id,
    row.username,
    row.channel,
    row.entity,
    row.entity_id,
    row.before_json,
    row.after_json,
    row.origin_device,
    row.hlc,
  ];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one hash-chained entry. Runs inside the caller's transaction. */
export async function appendAudit(db: Db, deps: CoreDeps, actor: Actor, channel: string, entry: AuditInput) {
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('origin_device', '=', deps.device.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const now = deps.clock.now();
  const row = {
    id: uuidv7(now),
    at: now,
    user_id: actor.userId,
    username: actor.username,
    channel,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before ? JSON.stringify(redact(entry.before)) : null,
    after_json: entry.after ? JSON.stringify(redact(entry.after)) : null,
    origin_device: deps.device.id,
    hlc: deps.hlc.next(),
  };
  const hash = linkHash(prevHash, row);
  await db
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash })
    .execute();
  await db
    .insertInto('meta')
    .values({ key: HEAD_KEY, value: hash })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash }))
    .execute();
}

/** Newest first, filtered; pages with `beforeSeq`. */
export async function listAudit(db: Db, input: ParsedInput<'audit.log.list'>): Promise<ChannelOutput<'audit.log.list'>> {
  const limit = input.limit ?? 100;
  let query = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit + 1);
  if (input.userId) query = query.where('user_id', '=', input.userId);
  if (input.entity) query = query.where('entity', '=', input.entity);
  if (input.from !== undefined) query = query.where('at', '>=', input.from);
  if (input.to !== undefined) query = query.where('at', '<=', input.to);
  if (input.beforeSeq !== undefined) query = query.where('seq', '<', input.beforeSeq);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => ({
      id: row.id,
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      username: row.username,
      channel: row.channel,
      entity: row.entity,
      entityId: row.entity_id,
      before: parseObject(row.before_json),
      after: parseObject(row.after_json),
    })),
    nextBeforeSeq: rows.length > limit ? page[page.length - 1]!.seq : null,
  };
}

function parseObject(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { unreadable: json };
  }
}

/**
 * Walks every device's chain in order and reports the first entry whose stored hash or link does not
 * match; also checks this device's newest entry against the recorded head, so a removed tail shows.
 */
export async function verifyAudit(db: Db, deps: CoreDeps): Promise<ChannelOutput<'audit.log.verify'>> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq', 'asc').execute();
  const lastHashByDevice = new Map<string, string>();
  let checked = 0;
  for (const row of rows) {
    checked++;
    const expectedPrev = lastHashByDevice.get(row.origin_device) ?? GENESIS;
    if (row.prev_hash !== expectedPrev) {
      return { ok: false, checked, firstBroken: { id: row.id, seq: row.seq, reason: 'link to the previous entry is broken' } };
    }
    if (linkHash(row.prev_hash, row) !== row.hash) {
      return { ok: false, checked, firstBroken: { id: row.id, seq: row.seq, reason: 'entry was changed after it was written' } };
    }
    lastHashByDevice.set(row.origin_device, row.hash);
  }
  const head = await db.selectFrom('meta').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  const localLast = lastHashByDevice.get(deps.device.id) ?? null;
  if (head && head.value !== localLast) {
    const last = rows.filter((row) => row.origin_device === deps.device.id).at(-1);
    return {
      ok: false,
      checked,
      firstBroken: {
        id: last?.id ?? '00000000-0000-7000-8000-000000000000',
        seq: last?.seq ?? 0,
        reason: 'entries after this one were removed',
      },
    };
  }
  return { ok: true, checked, firstBroken: null };
}
