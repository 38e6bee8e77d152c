import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id } from './common.schema';

/** The messages Gerai sends customers; billing, subscriptions and the scheduler queue them by key. */
export const NOTIFY_TEMPLATE_KEYS = [
  'invoice.issued',
  'invoice.oneoff',
  'invoice.reminder.before',
  'invoice.reminder.due',
  'invoice.reminder.after',
  'subscription.isolated',
  'subscription.reactivated',
  'payment.received',
] as const;
export type NotifyTemplateKey = (typeof NOTIFY_TEMPLATE_KEYS)[number];

export const NotifyChannelName = z.enum(['whatsapp', 'email', 'discord']);
export type NotifyChannelName = z.infer<typeof NotifyChannelName>;
export const NotifyState = z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled']);
export type NotifyState = z.infer<typeof NotifyState>;
const TemplateKey = z.enum(NOTIFY_TEMPLATE_KEYS);
const TemplateChannel = z.enum(['whatsapp', 'email']);

/** One message of the outbox: the visible log. */
export const NotifyEntry = z.strictObject({
  id: Id,
  channel: NotifyChannelName,
  /** Which gateway carries it (fonnte, wa-cloud, smtp, discord) or none while no gateway is set up. */
  adapter: z.string(),
  /** A template key, `admin.alert` or `test`. */
  templateKey: z.string(),
  customerId: Id.nullable(),
  customerName: z.string().nullable(),
  /** +62… number, email address, or "Discord". */
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  state: NotifyState,
  /** Pending with no attempt planned: waits for its channel's gateway to be set up. */
  held: z.boolean(),
  attempts: z.number().int(),
  nextAttemptAt: EpochMs.nullable(),
  lastError: z.string().nullable(),
  providerId: z.string().nullable(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
  sentAt: EpochMs.nullable(),
});
export type NotifyEntry = z.infer<typeof NotifyEntry>;

export const NotifyTemplate = z.strictObject({
  key: TemplateKey,
  channel: TemplateChannel,
  subject: z.string(),
  body: z.string(),
  /** WhatsApp Cloud API: the approved template's name and language; its parameters are the body's variables in order. */
  waTemplate: z.string(),
  waLanguage: z.string(),
  enabled: z.boolean(),
  /** False while the built-in text is used. */
  customized: z.boolean(),
  /** The variables this template may use. */
  variables: z.array(z.string()),
  /** The body and subject filled with example values. */
  preview: z.strictObject({ subject: z.string(), body: z.string() }),
});
export type NotifyTemplate = z.infer<typeof NotifyTemplate>;

const SecuritySchema = z.enum(['tls', 'starttls', 'none']);
const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL');

export const NotifySettings = z.strictObject({
  whatsapp: z.strictObject({
    enabled: z.boolean(),
    provider: z.enum(['none', 'fonnte', 'cloud']),
    fonnteUrl: z.string(),
    cloudBaseUrl: z.string(),
    cloudPhoneNumberId: z.string(),
    tokenSet: z.boolean(),
  }),
  email: z.strictObject({
    enabled: z.boolean(),
    host: z.string(),
    port: z.number().int(),
    security: SecuritySchema,
    user: z.string(),
    from: z.string(),
    passwordSet: z.boolean(),
  }),
  discord: z.strictObject({ webhookSet: z.boolean() }),
  /** Admin alerts also go here by email when set. */
  adminEmail: z.string(),
  /** Which channels can send now (a gateway is set up). */
  ready: z.strictObject({ whatsapp: z.boolean(), email: z.boolean(), discord: z.boolean() }),
});
export type NotifySettings = z.infer<typeof NotifySettings>;

const EmailOrEmpty = z.union([z.literal(''), z.string().trim().email().max(120)]);
/** A write-only secret: a new value, or '' to remove the stored one; leave it out to keep it. */
const SecretInput = z.string().trim().max(2000);

export const notifyChannels = defineChannels({
  'notify.outbox.list': {
    summary:
      'The notification log: when, to whom, which template, state, attempts, last error and provider id.',
    input: z.strictObject({
      state: NotifyState.optional(),
      channel: NotifyChannelName.optional(),
      query: z.string().trim().max(80).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    output: z.strictObject({
      entries: z.array(NotifyEntry),
      total: z.number().int(),
      counts: z.strictObject({
        pending: z.number().int(),
        held: z.number().int(),
        sending: z.number().int(),
        sent: z.number().int(),
        failed: z.number().int(),
        cancelled: z.number().int(),
      }),
    }),
    access: 'billing.view',
    writes: false,
  },
  'notify.outbox.retry': {
    summary: 'Tries a failed or waiting message again now.',
    input: z.strictObject({ id: Id }),
    output: NotifyEntry,
    access: 'billing.manage',
    writes: true,
  },
  'notify.outbox.cancel': {
    summary: 'Cancels a message that has not been sent.',
    input: z.strictObject({ id: Id }),
    output: NotifyEntry,
    access: 'billing.manage',
    writes: true,
  },
  'notify.templates.list': {
    summary: 'Every customer message template per channel, with its variables and a preview.',
    input: z.strictObject({}),
    output: z.array(NotifyTemplate),
    access: 'settings.manage',
    writes: false,
  },
  'notify.templates.update': {
    summary: 'Changes one template; variables the template does not know are refused.',
    input: z.strictObject({
      key: TemplateKey,
      channel: TemplateChannel,
      subject: z.string().trim().max(200).optional(),
      body: z.string().trim().min(1).max(4000).optional(),
      waTemplate: z
        .string()
        .trim()
        .max(512)
        .regex(/^[a-z0-9_]*$/, 'lower-case letters, digits and underscores')
        .optional(),
      waLanguage: z
        .string()
        .trim()
        .regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'a language code like id or en_US')
        .optional(),
      enabled: z.boolean().optional(),
    }),
    output: NotifyTemplate,
    access: 'settings.manage',
    writes: true,
  },
  'notify.templates.reset': {
    summary: 'Puts one template back to the built-in Bahasa Indonesia text.',
    input: z.strictObject({ key: TemplateKey, channel: TemplateChannel }),
    output: NotifyTemplate,
    access: 'settings.manage',
    writes: true,
  },
  'notify.settings.get': {
    summary: 'Gateway settings per channel; secrets are only reported as set or not.',
    input: z.strictObject({}),
    output: NotifySettings,
    access: 'settings.manage',
    writes: false,
  },
  'notify.settings.update': {
    summary: 'Changes gateway settings (secrets are write-only); messages held for a gateway are woken.',
    input: z.strictObject({
      whatsapp: z
        .strictObject({
          enabled: z.boolean().optional(),
          provider: z.enum(['none', 'fonnte', 'cloud']).optional(),
          fonnteUrl: HttpUrl.optional(),
          cloudBaseUrl: HttpUrl.optional(),
          cloudPhoneNumberId: z
            .string()
            .trim()
            .regex(/^\d{0,30}$/, 'digits only')
            .optional(),
          token: SecretInput.optional(),
        })
        .optional(),
      email: z
        .strictObject({
          enabled: z.boolean().optional(),
          host: z
            .string()
            .trim()
            .max(200)
            .regex(/^[A-Za-z0-9.:[\]-]*$/, 'a host name or address')
            .optional(),
          port: z.number().int().min(1).max(65535).optional(),
          security: SecuritySchema.optional(),
          user: z.string().trim().max(200).optional(),
          from: EmailOrEmpty.optional(),
          password: SecretInput.optional(),
        })
        .optional(),
      discord: z.strictObject({ webhookUrl: z.union([z.literal(''), HttpUrl]).optional() }).optional(),
      adminEmail: EmailOrEmpty.optional(),
    }),
    output: NotifySettings,
    access: 'settings.manage',
    writes: true,
  },
  'notify.test': {
    summary:
      'Sends a test message through a channel now and answers how it went (it also appears in the log).',
    input: z.strictObject({
      channel: NotifyChannelName,
      /** A WhatsApp number or email address; ignored for Discord. */
      to: z.string().trim().max(120).default(''),
    }),
    output: z.strictObject({
      outcome: z.enum(['sent', 'retrying', 'failed', 'held']),
      entry: NotifyEntry,
    }),
    access: 'settings.manage',
    writes: false,
  },
});
