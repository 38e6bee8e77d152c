import type { NotifyChannel } from './notify.tables';
import type { SendConfig, StoredSettings } from './notify-settings';

/** What a queued message carries besides its text (JSON in `notify_outbox.payload`). */
export type MessagePayload = {
  /** WhatsApp Cloud API template: name, language and the body's parameters in order. */
  wa?: { template: string; language: string; parameters: string[] };
  /** Discord webhook body. */
  discord?: { content: string; embeds?: { title: string; description: string; color?: number }[] };
};

export type OutgoingMessage = {
  id: string;
  channel: NotifyChannel;
  recipient: string;
  subject: string;
  body: string;
  payload: MessagePayload;
};

/** How one attempt went. Retryable failures wait for their next attempt; the rest mark the message failed. */
export type SendOutcome =
  | { ok: true; providerId: string | null }
  | {
      ok: false;
      retryable: boolean;
      error: string;
      /** The provider said when to come back (Discord 429). */ retryAfterMs?: number;
    };

export type AdapterEnv = { config: SendConfig; timeoutMs: number; signal: AbortSignal };

export type AdapterName = 'fonnte' | 'wa-cloud' | 'smtp' | 'discord';

export type Adapter = (message: OutgoingMessage, env: AdapterEnv) => Promise<SendOutcome>;

/** The gateway a channel sends through with these settings. */
export function adapterFor(channel: NotifyChannel, settings: StoredSettings): AdapterName {
  if (channel === 'whatsapp') return settings.whatsapp.provider === 'cloud' ? 'wa-cloud' : 'fonnte';
  if (channel === 'email') return 'smtp';
  return 'discord';
}

export function retryable(error: string, retryAfterMs?: number): SendOutcome {
  return retryAfterMs === undefined
    ? { ok: false, retryable: true, error }
    : { ok: false, retryable: true, error, retryAfterMs };
}

export function permanent(error: string): SendOutcome {
  return { ok: false, retryable: false, error };
}
