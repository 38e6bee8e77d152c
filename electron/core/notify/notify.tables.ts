import type { SyncColumns } from '../db/schema';

export type NotifyChannel = 'whatsapp' | 'email' | 'discord';
export type NotifyTemplateRow = SyncColumns & {
  key: string;
  channel: NotifyChannel;
  subject: string;
  body: string;
  wa_template: string;
  wa_language: string;
  enabled: number;
};
export type NotifyState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type NotifyOutboxRow = {
  id: string;
  dedupe_key: string;
  channel: NotifyChannel;
  adapter: string;
  template_key: string;
  customer_id: string | null;
  recipient: string;
  subject: string;
  body: string;
  payload: string;
  state: NotifyState;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  provider_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
};

export type NotifyTables = {
  notify_templates: NotifyTemplateRow;
  notify_outbox: NotifyOutboxRow;
};
