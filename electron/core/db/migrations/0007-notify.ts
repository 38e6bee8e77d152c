import { sql, type Kysely } from 'kysely';

/**
 * Notifications: editable message templates and one outbox of messages to send (WhatsApp through
 * a Fonnte-style gateway or the Cloud API, email over SMTP, Discord webhooks for admin alerts), each
 * retried with backoff and kept as a visible log. Gateway tokens live in `secrets`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sync = sql.raw(`
    id TEXT PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    origin_device TEXT NOT NULL,
    deleted_at INTEGER`);
  const run = (query: ReturnType<typeof sql>) => query.execute(db);

  await run(sql`CREATE TABLE notify_templates (
    ${sync},
    key TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email', 'discord')),
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    -- The approved template's name for the WhatsApp Cloud API (its parameters are the body's {vars} in order).
    wa_template TEXT NOT NULL DEFAULT '',
    wa_language TEXT NOT NULL DEFAULT 'id',
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1))
  ) STRICT`);
  await run(
    sql`CREATE UNIQUE INDEX notify_templates_key ON notify_templates (key, channel) WHERE deleted_at IS NULL`,
  );

  // Local to the device that sends.
  await run(sql`CREATE TABLE notify_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    -- Unique per message meant (e.g. 'reminder:<invoice>:due:whatsapp'): queuing it twice does nothing.
    dedupe_key TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email', 'discord')),
    adapter TEXT NOT NULL,
    template_key TEXT NOT NULL DEFAULT '',
    customer_id TEXT,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error TEXT,
    provider_id TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    sent_at INTEGER
  ) STRICT`);
  await run(sql`CREATE UNIQUE INDEX notify_outbox_dedupe ON notify_outbox (dedupe_key)`);
  await run(sql`CREATE INDEX notify_outbox_due ON notify_outbox (state, next_attempt_at)`);
  await run(sql`CREATE INDEX notify_outbox_created ON notify_outbox (created_at)`);
}
