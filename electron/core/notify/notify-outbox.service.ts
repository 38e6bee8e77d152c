import { sql, type Kysely, type Transaction } from 'kysely';
import type { NotifyEntry } from '../../../shared/contract/notify.contract';
import { normalizeIndonesianPhone } from '../../../shared/domain/phone';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { inOwnTransaction } from '../network/own-transaction';
import { AppError, notFound } from '../platform/errors';
import { uuidv7 } from '../platform/ids';
import { findBranch } from '../settings/settings.service';
import { adapterFor, type MessagePayload } from './adapter-types';
import type { NotifyOutboxRow } from './notify.tables';
import { channelsReady, NOT_SET_UP, readStoredSettings, secretFlags } from './notify-settings';

type Db = Kysely<DB> | Transaction<DB>;
type EntryRow = NotifyOutboxRow & { customer_name: string | null };

const MESSAGE = { id: 'Pesan', en: 'Message' };

export function toNotifyEntry(row: EntryRow): NotifyEntry {
  return {
    id: row.id,
    channel: row.channel,
    adapter: row.adapter,
    templateKey: row.template_key,
    customerId: row.customer_id,
    customerName: row.customer_name,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    state: row.state,
    held: row.state === 'pending' && row.next_attempt_at === null,
    attempts: row.attempts,
    nextAttemptAt: row.state === 'pending' ? row.next_attempt_at : null,
    lastError: row.last_error,
    providerId: row.provider_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

function entriesQuery(db: Db) {
  return db
    .selectFrom('notify_outbox as o')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .selectAll('o')
    .select('c.name as customer_name');
}

export async function entryById(db: Db, id: string): Promise<NotifyEntry | null> {
  const row = await entriesQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toNotifyEntry(row) : null;
}

/** The visible log, newest first, with counts per state for the filter chips. */
export async function listOutbox(ctx: HandlerContext, input: ParsedInput<'notify.outbox.list'>) {
  let query = entriesQuery(ctx.db);
  if (input.state) query = query.where('o.state', '=', input.state);
  if (input.channel) query = query.where('o.channel', '=', input.channel);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`o.recipient LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`o.template_key LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`o.subject LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`c.name LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  const [rows, total, states] = await Promise.all([
    query
      .orderBy('o.created_at', 'desc')
      .orderBy(sql`o.rowid`, 'desc')
      .offset(input.offset)
      .limit(input.limit)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('notify_outbox')
      .select([
        'state',
        sql<number>`next_attempt_at IS NULL`.as('held'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy(['state', sql`next_attempt_at IS NULL`])
      .execute(),
  ]);
  const counts = { pending: 0, held: 0, sending: 0, sent: 0, failed: 0, cancelled: 0 };
  for (const row of states) {
    counts[row.state] += Number(row.n);
    if (row.state === 'pending' && Number(row.held) === 1) counts.held += Number(row.n);
  }
  return { entries: rows.map(toNotifyEntry), total: Number(total.n), counts };
}

async function requireEntry(db: Db, id: string): Promise<NotifyEntry> {
  const entry = await entryById(db, id);
  if (!entry) throw notFound(MESSAGE);
  return entry;
}

/** Makes a failed or waiting message due now (one more attempt; a held one stays held without a gateway). */
export async function retryMessage(
  ctx: HandlerContext,
  input: ParsedInput<'notify.outbox.retry'>,
): Promise<NotifyEntry> {
  const before = await requireEntry(ctx.db, input.id);
  if (before.state === 'sent' || before.state === 'cancelled') {
    throw new AppError('CONFLICT', {
      id: before.state === 'sent' ? 'Pesan ini sudah terkirim.' : 'Pesan ini sudah dibatalkan.',
      en:
        before.state === 'sent' ? 'This message has already been sent.' : 'This message has been cancelled.',
    });
  }
  const ready = channelsReady(await readStoredSettings(ctx.db), await secretFlags(ctx.db))[before.channel];
  if (before.state !== 'sending') {
    const now = ctx.clock.now();
    // Without a gateway the message goes back to being held: trying it now could only hold it again.
    await ctx.db
      .updateTable('notify_outbox')
      .set(
        ready
          ? { state: 'pending', next_attempt_at: now, updated_at: now }
          : {
              state: 'pending',
              next_attempt_at: null,
              last_error: NOT_SET_UP[before.channel],
              updated_at: now,
            },
      )
      .where('id', '=', input.id)
      .where('state', 'in', ['pending', 'failed'])
      .execute();
  }
  const after = await requireEntry(ctx.db, input.id);
  await ctx.audit({
    entity: 'notify_outbox',
    entityId: input.id,
    before: { state: before.state, attempts: before.attempts },
    after: { state: after.state, channel: after.channel, templateKey: after.templateKey },
  });
  if (ready) ctx.afterCommit(() => ctx.notify.kick());
  return after;
}

/** Cancels a message not yet sent (an attempt already under way may still deliver it). */
export async function cancelMessage(
  ctx: HandlerContext,
  input: ParsedInput<'notify.outbox.cancel'>,
): Promise<NotifyEntry> {
  const before = await requireEntry(ctx.db, input.id);
  if (before.state === 'sent') {
    throw new AppError('CONFLICT', {
      id: 'Pesan ini sudah terkirim.',
      en: 'This message has already been sent.',
    });
  }
  if (before.state !== 'cancelled') {
    const now = ctx.clock.now();
    await ctx.db
      .updateTable('notify_outbox')
      .set({ state: 'cancelled', next_attempt_at: null, updated_at: now })
      .where('id', '=', input.id)
      .where('state', 'in', ['pending', 'sending', 'failed'])
      .execute();
  }
  const after = await requireEntry(ctx.db, input.id);
  await ctx.audit({
    entity: 'notify_outbox',
    entityId: input.id,
    before: { state: before.state },
    after: { state: after.state, channel: after.channel, templateKey: after.templateKey },
  });
  return after;
}

function testRecipient(channel: ParsedInput<'notify.test'>['channel'], to: string): string {
  if (channel === 'discord') return 'Discord';
  if (channel === 'whatsapp') {
    const phone = normalizeIndonesianPhone(to);
    if (!phone) {
      throw new AppError(
        'VALIDATION',
        {
          id: 'Nomor WhatsApp tidak valid (mis. 0812-3456-7890).',
          en: 'Not a valid WhatsApp number (e.g. 0812-3456-7890).',
        },
        { fields: { to: 'not an Indonesian phone number' } },
      );
    }
    return phone;
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(to)) {
    throw new AppError(
      'VALIDATION',
      { id: 'Alamat email tidak valid.', en: 'Not a valid email address.' },
      { fields: { to: 'not an email address' } },
    );
  }
  return to;
}

/**
 * Queues a test message (it shows in the log like any other), tries it at once outside any
 * transaction, and answers the outcome: sent, retrying (a retryable failure; it stays queued),
 * failed, or held (no gateway).
 */
export async function sendTestMessage(ctx: HandlerContext, input: ParsedInput<'notify.test'>) {
  const recipient = testRecipient(input.channel, input.to);
  const id = await inOwnTransaction(ctx, async (tx) => {
    const settings = await readStoredSettings(tx.db);
    const ready = channelsReady(settings, await secretFlags(tx.db))[input.channel];
    const branch = (await findBranch(tx.db))?.name ?? 'Gerai';
    const now = tx.clock.now();
    const rowId = uuidv7(now);
    const subject = `Pesan uji dari ${branch}`;
    const body = `Ini pesan uji dari Gerai (${branch}). Jika Anda menerimanya, saluran ${input.channel === 'whatsapp' ? 'WhatsApp' : input.channel === 'email' ? 'email' : 'Discord'} sudah siap.`;
    const payload: MessagePayload =
      input.channel === 'discord'
        ? { discord: { content: `**${subject}**`, embeds: [{ title: subject, description: body }] } }
        : input.channel === 'whatsapp'
          ? { wa: { template: 'hello_world', language: 'en_US', parameters: [] } }
          : {};
    await tx.db
      .insertInto('notify_outbox')
      .values({
        id: rowId,
        dedupe_key: `test:${rowId}`,
        channel: input.channel,
        adapter: ready ? adapterFor(input.channel, settings) : 'none',
        template_key: 'test',
        customer_id: null,
        recipient,
        subject,
        body,
        payload: JSON.stringify(payload),
        state: 'pending',
        attempts: 0,
        next_attempt_at: ready ? now : null,
        last_error: ready ? null : NOT_SET_UP[input.channel],
        provider_id: null,
        created_at: now,
        updated_at: now,
        sent_at: null,
      })
      .execute();
    await tx.audit({
      entity: 'notify_outbox',
      entityId: rowId,
      before: null,
      after: { test: true, channel: input.channel, recipient },
    });
    return { rowId, ready };
  });
  const result = id.ready ? await ctx.notify.sender.sendNow(id.rowId) : 'held';
  const entry = (await entryById(ctx.db, id.rowId))!;
  const outcome =
    result === 'skipped'
      ? entry.state === 'sent'
        ? 'sent'
        : entry.state === 'failed'
          ? 'failed'
          : entry.held
            ? 'held'
            : 'retrying'
      : result;
  return { outcome, entry };
}
