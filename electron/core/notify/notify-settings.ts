import type { Kysely, Transaction } from 'kysely';
import type { NotifySettings } from '../../../shared/contract/notify.contract';
import type { DB } from '../db/schema';
import { readSecret, storedSecretNames } from '../network/secret-store';
import type { SecretCipher } from '../platform/secrets';
import type { NotifyChannel } from './notify.tables';

type Db = Kysely<DB> | Transaction<DB>;

/** The `meta` row holding the non-secret gateway settings (local to the device that sends). */
export const SETTINGS_META_KEY = 'notify.settings';

/** `secrets` rows: never in tables, outputs, audit or logs. */
export const SECRET_NAMES = {
  whatsappToken: 'notify:whatsapp.token',
  smtpPassword: 'notify:email.password',
  /** A Discord webhook URL carries its token, so the whole URL is a secret. */
  discordWebhook: 'notify:discord.webhook',
} as const;

export const DEFAULT_FONNTE_URL = 'https://api.fonnte.com/send';
export const DEFAULT_CLOUD_BASE_URL = 'https://graph.facebook.com/v21.0';

/** What is stored in `meta` (no secrets). */
export type StoredSettings = {
  whatsapp: {
    enabled: boolean;
    provider: 'none' | 'fonnte' | 'cloud';
    fonnteUrl: string;
    cloudBaseUrl: string;
    cloudPhoneNumberId: string;
  };
  email: {
    enabled: boolean;
    host: string;
    port: number;
    security: 'tls' | 'starttls' | 'none';
    user: string;
    from: string;
  };
  adminEmail: string;
};

export const DEFAULT_SETTINGS: StoredSettings = {
  whatsapp: {
    enabled: true,
    provider: 'none',
    fonnteUrl: DEFAULT_FONNTE_URL,
    cloudBaseUrl: DEFAULT_CLOUD_BASE_URL,
    cloudPhoneNumberId: '',
  },
  email: { enabled: true, host: '', port: 587, security: 'starttls', user: '', from: '' },
  adminEmail: '',
};

export async function readStoredSettings(db: Db): Promise<StoredSettings> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', SETTINGS_META_KEY)
    .executeTakeFirst();
  if (!row) return structuredClone(DEFAULT_SETTINGS);
  const saved = JSON.parse(row.value) as Partial<StoredSettings>;
  return {
    whatsapp: { ...DEFAULT_SETTINGS.whatsapp, ...saved.whatsapp },
    email: { ...DEFAULT_SETTINGS.email, ...saved.email },
    adminEmail: saved.adminEmail ?? '',
  };
}

export async function writeStoredSettings(db: Db, settings: StoredSettings): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('meta')
    .values({ key: SETTINGS_META_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

export type SecretFlags = { whatsappToken: boolean; smtpPassword: boolean; discordWebhook: boolean };

export async function secretFlags(db: Db): Promise<SecretFlags> {
  const set = await storedSecretNames(db, Object.values(SECRET_NAMES));
  return {
    whatsappToken: set.has(SECRET_NAMES.whatsappToken),
    smtpPassword: set.has(SECRET_NAMES.smtpPassword),
    discordWebhook: set.has(SECRET_NAMES.discordWebhook),
  };
}

/** Whether each channel has a gateway that can send (the rest hold their messages). */
export function channelsReady(settings: StoredSettings, flags: SecretFlags): Record<NotifyChannel, boolean> {
  const wa = settings.whatsapp;
  return {
    whatsapp:
      wa.provider === 'fonnte'
        ? flags.whatsappToken && wa.fonnteUrl !== ''
        : wa.provider === 'cloud'
          ? flags.whatsappToken && wa.cloudPhoneNumberId !== ''
          : false,
    email: settings.email.host !== '' && settings.email.from !== '',
    discord: flags.discordWebhook,
  };
}

export function toNotifySettings(settings: StoredSettings, flags: SecretFlags): NotifySettings {
  return {
    whatsapp: { ...settings.whatsapp, tokenSet: flags.whatsappToken },
    email: { ...settings.email, passwordSet: flags.smtpPassword },
    discord: { webhookSet: flags.discordWebhook },
    adminEmail: settings.adminEmail,
    ready: channelsReady(settings, flags),
  };
}

/** Why a held message waits, per channel (shown in the log as its last error). */
export const NOT_SET_UP: Record<NotifyChannel, string> = {
  whatsapp: 'WhatsApp gateway not set up',
  email: 'Email (SMTP) not set up',
  discord: 'Discord webhook not set up',
};

/** Everything an adapter needs to send, secrets included; read when sending, never returned or logged. */
export type SendConfig = {
  settings: StoredSettings;
  ready: Record<NotifyChannel, boolean>;
  whatsappToken: string | null;
  smtpPassword: string | null;
  discordWebhook: string | null;
};

export async function readSendConfig(db: Db, cipher: SecretCipher): Promise<SendConfig> {
  const settings = await readStoredSettings(db);
  const [whatsappToken, smtpPassword, discordWebhook] = await Promise.all([
    readSecret(db, cipher, SECRET_NAMES.whatsappToken),
    readSecret(db, cipher, SECRET_NAMES.smtpPassword),
    readSecret(db, cipher, SECRET_NAMES.discordWebhook),
  ]);
  const flags = {
    whatsappToken: whatsappToken !== null,
    smtpPassword: smtpPassword !== null,
    discordWebhook: discordWebhook !== null,
  };
  return { settings, ready: channelsReady(settings, flags), whatsappToken, smtpPassword, discordWebhook };
}

/** Removes every stored secret's text from `message` (errors may echo URLs or credentials). */
export function scrubSecrets(message: string, config: SendConfig): string {
  let clean = message;
  for (const secret of [config.whatsappToken, config.smtpPassword, config.discordWebhook]) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('***');
  }
  return clean.slice(0, 500);
}
