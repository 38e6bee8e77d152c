import type { NotifySettings, NotifyTemplate } from '../../../shared/contract/notify.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { deleteSecret, storeSecret } from '../network/secret-store';
import { AppError } from '../platform/errors';
import type { NotifyChannel } from './notify.tables';
import { forgetQueueState } from './notify-queue';
import {
  channelsReady,
  readStoredSettings,
  SECRET_NAMES,
  secretFlags,
  toNotifySettings,
  writeStoredSettings,
  type StoredSettings,
} from './notify-settings';
import {
  effectiveTemplate,
  templateRow,
  templateRows,
  type EffectiveTemplate,
} from './notify-template-store';
import {
  CUSTOMER_CHANNELS,
  NOTIFY_TEMPLATE_KEYS,
  renderText,
  SAMPLE_VARS,
  TEMPLATE_VARIABLES,
  unknownVariables,
  type CustomerChannel,
  type NotifyTemplateKey,
} from './notify-templates';

function toNotifyTemplate(
  key: NotifyTemplateKey,
  channel: CustomerChannel,
  template: EffectiveTemplate,
): NotifyTemplate {
  return {
    key,
    channel,
    subject: template.subject,
    body: template.body,
    waTemplate: template.waTemplate,
    waLanguage: template.waLanguage,
    enabled: template.enabled,
    customized: template.customized,
    variables: [...TEMPLATE_VARIABLES[key]],
    preview: {
      subject: renderText(template.subject, SAMPLE_VARS),
      body: renderText(template.body, SAMPLE_VARS),
    },
  };
}

export async function listTemplates(ctx: HandlerContext): Promise<NotifyTemplate[]> {
  const rows = await templateRows(ctx.db);
  return NOTIFY_TEMPLATE_KEYS.flatMap((key) =>
    CUSTOMER_CHANNELS.map((channel) =>
      toNotifyTemplate(key, channel, effectiveTemplate(key, channel, rows.get(`${key}:${channel}`))),
    ),
  );
}

function auditView(template: EffectiveTemplate) {
  return {
    subject: template.subject,
    body: template.body,
    waTemplate: template.waTemplate,
    waLanguage: template.waLanguage,
    enabled: template.enabled,
  };
}

/** Changes one template (writing its row the first time); a variable the key does not know is refused. */
export async function updateTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'notify.templates.update'>,
): Promise<NotifyTemplate> {
  const row = await templateRow(ctx.db, input.key, input.channel);
  const before = effectiveTemplate(input.key, input.channel, row);
  const next = {
    subject: input.subject ?? before.subject,
    body: input.body ?? before.body,
    waTemplate: input.waTemplate ?? before.waTemplate,
    waLanguage: input.waLanguage ?? before.waLanguage,
    enabled: input.enabled ?? before.enabled,
  };
  const fields: Record<string, string> = {};
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownVariables(input.key, next[field]);
    if (unknown.length) fields[field] = `unknown variable ${unknown.map((name) => `{${name}}`).join(', ')}`;
  }
  if (Object.keys(fields).length) {
    const names = Object.values(fields).join('; ');
    throw new AppError(
      'VALIDATION',
      {
        id: `Templat memakai variabel yang tidak dikenal: ${names.replace(/unknown variable /g, '')}.`,
        en: `The template uses unknown variables: ${names.replace(/unknown variable /g, '')}.`,
      },
      { fields },
    );
  }
  const patch = {
    subject: next.subject,
    body: next.body,
    wa_template: next.waTemplate,
    wa_language: next.waLanguage,
    enabled: next.enabled ? 1 : 0,
  };
  if (row) await ctx.writer.update(ctx.db, 'notify_templates', row.id, patch);
  else
    await ctx.writer.insert(ctx.db, 'notify_templates', { key: input.key, channel: input.channel, ...patch });
  forgetQueueState(ctx.db);
  const after = effectiveTemplate(
    input.key,
    input.channel,
    await templateRow(ctx.db, input.key, input.channel),
  );
  await ctx.audit({
    entity: 'notify_template',
    entityId: after.rowId,
    before: { key: input.key, channel: input.channel, ...auditView(before) },
    after: { key: input.key, channel: input.channel, ...auditView(after) },
  });
  return toNotifyTemplate(input.key, input.channel, after);
}

/** Back to the built-in text: the edited row is removed. */
export async function resetTemplate(
  ctx: HandlerContext,
  input: ParsedInput<'notify.templates.reset'>,
): Promise<NotifyTemplate> {
  const row = await templateRow(ctx.db, input.key, input.channel);
  const before = effectiveTemplate(input.key, input.channel, row);
  if (row) await ctx.writer.softDelete(ctx.db, 'notify_templates', row.id);
  forgetQueueState(ctx.db);
  const after = effectiveTemplate(input.key, input.channel, undefined);
  await ctx.audit({
    entity: 'notify_template',
    entityId: row?.id ?? null,
    before: { key: input.key, channel: input.channel, ...auditView(before) },
    after: { key: input.key, channel: input.channel, reset: true },
  });
  return toNotifyTemplate(input.key, input.channel, after);
}

export async function getNotifySettings(ctx: HandlerContext): Promise<NotifySettings> {
  return toNotifySettings(await readStoredSettings(ctx.db), await secretFlags(ctx.db));
}

/** Saves one write-only secret: a value stores it, '' removes it, undefined keeps it. Answers whether it changed. */
async function saveSecret(ctx: HandlerContext, name: string, value: string | undefined): Promise<boolean> {
  if (value === undefined) return false;
  if (value === '') await deleteSecret(ctx.db, name);
  else await storeSecret(ctx.db, ctx.secrets, name, value, ctx.clock.now());
  return true;
}

/**
 * Changes gateway settings. Secrets go sealed into `secrets` and are only ever reported as set; the
 * audit names which ones changed, never their values. Messages held for a channel that can now send
 * are made due and the sender woken.
 */
export async function updateNotifySettings(
  ctx: HandlerContext,
  input: ParsedInput<'notify.settings.update'>,
): Promise<NotifySettings> {
  const before = await readStoredSettings(ctx.db);
  const flagsBefore = await secretFlags(ctx.db);
  const { token, ...whatsapp } = input.whatsapp ?? {};
  const { password, ...email } = input.email ?? {};
  const next: StoredSettings = {
    whatsapp: { ...before.whatsapp, ...whatsapp },
    email: { ...before.email, ...email },
    adminEmail: input.adminEmail ?? before.adminEmail,
  };
  if (input.email?.security === 'tls' && input.email.port === undefined && before.email.port === 587)
    next.email.port = 465;
  await writeStoredSettings(ctx.db, next);
  const changedSecrets = {
    whatsappToken: await saveSecret(ctx, SECRET_NAMES.whatsappToken, token),
    smtpPassword: await saveSecret(ctx, SECRET_NAMES.smtpPassword, password),
    discordWebhook: await saveSecret(ctx, SECRET_NAMES.discordWebhook, input.discord?.webhookUrl),
  };
  forgetQueueState(ctx.db);
  const flags = await secretFlags(ctx.db);
  const ready = channelsReady(next, flags);
  const now = ctx.clock.now();
  const wake = (Object.keys(ready) as NotifyChannel[]).filter((channel) => ready[channel]);
  let woken = 0;
  if (wake.length) {
    const result = await ctx.db
      .updateTable('notify_outbox')
      .set({ next_attempt_at: now, last_error: null, updated_at: now })
      .where('state', '=', 'pending')
      .where('next_attempt_at', 'is', null)
      .where('channel', 'in', wake)
      .executeTakeFirst();
    woken = Number(result.numUpdatedRows);
  }
  const after = toNotifySettings(next, flags);
  await ctx.audit({
    entity: 'notify_settings',
    entityId: null,
    before: { ...toNotifySettings(before, flagsBefore) },
    after: {
      ...after,
      secretsChanged: Object.entries(changedSecrets)
        .filter(([, changed]) => changed)
        .map(([name]) => name),
      heldMessagesWoken: woken,
    },
  });
  ctx.afterCommit(() => ctx.notify.kick());
  return after;
}
