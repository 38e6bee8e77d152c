import type { HandlerContext } from '../context';
import type { CustomerRow } from '../customers/customers.tables';
import { uuidv7 } from '../platform/ids';
import { findBranch } from '../settings/settings.service';
import { adapterFor, type MessagePayload } from './adapter-types';
import type { NotifyOutboxRow } from './notify.tables';
import {
  channelsReady,
  NOT_SET_UP,
  readStoredSettings,
  secretFlags,
  type StoredSettings,
} from './notify-settings';
import { readTemplate, type EffectiveTemplate } from './notify-template-store';
import {
  cloudParameters,
  CUSTOMER_CHANNELS,
  renderText,
  type CustomerChannel,
  type NotifyTemplateKey,
} from './notify-templates';
import type { NotifyChannel } from './notify.tables';

export type CustomerMessage = {
  templateKey: NotifyTemplateKey;
  customerId: string;
  /** One per meaning (e.g. `reminder:<invoice>:due`); `:<channel>` is appended per channel. */
  dedupeKey: string;
  vars: Record<string, string | number>;
};

type QueueContext = Pick<HandlerContext, 'db' | 'clock' | 'afterCommit' | 'notify' | 'events'>;

/** What a transaction reads once however many messages it queues (settings, templates, branch name). */
type QueueState = {
  settings: StoredSettings;
  ready: Record<NotifyChannel, boolean>;
  branchName: string;
  templates: Map<string, EffectiveTemplate>;
  kickRegistered: boolean;
};

/** Per transaction: the billing run may queue tens of thousands of messages in one. */
const stateByTransaction = new WeakMap<object, QueueState>();

async function queueState(ctx: QueueContext): Promise<QueueState> {
  const cached = ctx.db.isTransaction ? stateByTransaction.get(ctx.db) : undefined;
  if (cached) return cached;
  const settings = await readStoredSettings(ctx.db);
  const state: QueueState = {
    settings,
    ready: channelsReady(settings, await secretFlags(ctx.db)),
    branchName: (await findBranch(ctx.db))?.name ?? '',
    templates: new Map(),
    kickRegistered: false,
  };
  if (ctx.db.isTransaction) stateByTransaction.set(ctx.db, state);
  return state;
}

/** Forgets what this transaction read (after templates or settings change in it). */
export function forgetQueueState(db: object): void {
  stateByTransaction.delete(db);
}

async function templateFor(
  ctx: QueueContext,
  state: QueueState,
  key: NotifyTemplateKey,
  channel: CustomerChannel,
): Promise<EffectiveTemplate> {
  const id = `${key}:${channel}`;
  let template = state.templates.get(id);
  if (!template) {
    template = await readTemplate(ctx.db, key, channel);
    state.templates.set(id, template);
  }
  return template;
}

function wakeAfterCommit(ctx: QueueContext, state: QueueState): void {
  if (state.kickRegistered) return;
  state.kickRegistered = true;
  ctx.afterCommit(() => {
    ctx.notify.kick();
    ctx.events.emit('notify.outbox', { id: null });
  });
}

type NewOutboxRow = NotifyOutboxRow;

function outboxRow(
  now: number,
  ready: boolean,
  fields: Pick<
    NotifyOutboxRow,
    'dedupe_key' | 'channel' | 'template_key' | 'customer_id' | 'recipient' | 'subject' | 'body'
  > & {
    payload: MessagePayload;
    settings: StoredSettings;
  },
): NewOutboxRow {
  return {
    id: uuidv7(now),
    dedupe_key: fields.dedupe_key,
    channel: fields.channel,
    adapter: ready ? adapterFor(fields.channel, fields.settings) : 'none',
    template_key: fields.template_key,
    customer_id: fields.customer_id,
    recipient: fields.recipient,
    subject: fields.subject,
    body: fields.body,
    payload: JSON.stringify(fields.payload),
    state: 'pending',
    attempts: 0,
    // A channel without a gateway holds its messages: the log shows them, saving the settings wakes them.
    next_attempt_at: ready ? now : null,
    last_error: ready ? null : NOT_SET_UP[fields.channel],
    provider_id: null,
    created_at: now,
    updated_at: now,
    sent_at: null,
  };
}

/** Inserts rows, skipping dedupe keys already queued; answers how many went in. */
async function insertRows(ctx: QueueContext, rows: NewOutboxRow[]): Promise<number> {
  let inserted = 0;
  // 18 columns × 400 rows stays well under SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 400) {
    const result = await ctx.db
      .insertInto('notify_outbox')
      .values(rows.slice(start, start + 400))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

type CustomerContact = Pick<CustomerRow, 'id' | 'name' | 'code' | 'phone' | 'email'>;

async function customerContacts(ctx: QueueContext, ids: string[]): Promise<Map<string, CustomerContact>> {
  const contacts = new Map<string, CustomerContact>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['id', 'name', 'code', 'phone', 'email'])
      .where('id', 'in', ids.slice(start, start + 500))
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) contacts.set(row.id, row);
  }
  return contacts;
}

/**
 * Queues many customer messages in the caller's transaction (the billing run's path): one read of the
 * customers per 500, one insert per 400 rows. Per message and channel (WhatsApp to the customer's
 * number, email to their address) whose template and channel are enabled; a channel without a gateway
 * holds its message. Answers how many were queued (0 for a dedupe key already queued).
 */
export async function queueCustomerMessages(
  ctx: QueueContext,
  messages: readonly CustomerMessage[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const state = await queueState(ctx);
  const contacts = await customerContacts(ctx, [...new Set(messages.map((message) => message.customerId))]);
  const now = ctx.clock.now();
  const rows: NewOutboxRow[] = [];
  for (const message of messages) {
    const customer = contacts.get(message.customerId);
    if (!customer) continue;
    const vars = { nama: customer.name, kode: customer.code, cabang: state.branchName, ...message.vars };
    for (const channel of CUSTOMER_CHANNELS) {
      if (!state.settings[channel].enabled) continue;
      const recipient = channel === 'whatsapp' ? customer.phone : customer.email;
      if (!recipient) continue;
      const template = await templateFor(ctx, state, message.templateKey, channel);
      if (!template.enabled) continue;
      const payload: MessagePayload =
        channel === 'whatsapp'
          ? {
              wa: {
                template: template.waTemplate,
                language: template.waLanguage,
                parameters: cloudParameters(template.body, vars),
              },
            }
          : {};
      rows.push(
        outboxRow(now, state.ready[channel], {
          dedupe_key: `${message.dedupeKey}:${channel}`,
          channel,
          template_key: message.templateKey,
          customer_id: customer.id,
          recipient,
          subject: renderText(template.subject, vars),
          body: renderText(template.body, vars),
          payload,
          settings: state.settings,
        }),
      );
    }
  }
  const inserted = await insertRows(ctx, rows);
  if (inserted > 0) wakeAfterCommit(ctx, state);
  return inserted;
}

/** Queues one customer message (see `queueCustomerMessages`); answers how many channel messages went in. */
export async function queueCustomerMessage(ctx: HandlerContext, message: CustomerMessage): Promise<number> {
  return queueCustomerMessages(ctx, [message]);
}

/** Discord's limits: content 2,000 characters, an embed's description 4,096. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Queues an alert for the admins: to the Discord webhook, and by email to the admin address when one
 * is set. Held like any message while its channel has no gateway. Answers how many were queued.
 */
export async function queueAdminAlert(
  ctx: HandlerContext,
  alert: { dedupeKey: string; title: string; text: string },
): Promise<number> {
  const state = await queueState(ctx);
  const now = ctx.clock.now();
  const title = clip(alert.title, 256);
  const rows: NewOutboxRow[] = [
    outboxRow(now, state.ready.discord, {
      dedupe_key: `${alert.dedupeKey}:discord`,
      channel: 'discord',
      template_key: 'admin.alert',
      customer_id: null,
      recipient: 'Discord',
      subject: title,
      body: alert.text,
      payload: {
        discord: {
          content: clip(`**${title}**`, 2000),
          embeds: [{ title, description: clip(alert.text, 4096), color: 0xd97706 }],
        },
      },
      settings: state.settings,
    }),
  ];
  if (state.settings.adminEmail && state.settings.email.enabled) {
    rows.push(
      outboxRow(now, state.ready.email, {
        dedupe_key: `${alert.dedupeKey}:email`,
        channel: 'email',
        template_key: 'admin.alert',
        customer_id: null,
        recipient: state.settings.adminEmail,
        subject: `[Gerai${state.branchName ? ` ${state.branchName}` : ''}] ${title}`,
        body: alert.text,
        payload: {},
        settings: state.settings,
      }),
    );
  }
  const inserted = await insertRows(ctx, rows);
  if (inserted > 0) wakeAfterCommit(ctx, state);
  return inserted;
}
