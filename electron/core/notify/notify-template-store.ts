import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { NotifyTemplateRow } from './notify.tables';
import {
  DEFAULT_TEMPLATES,
  type CustomerChannel,
  type NotifyTemplateKey,
  type TemplateText,
} from './notify-templates';

type Db = Kysely<DB> | Transaction<DB>;

/** A template as messages use it: the edited row when there is one, else the built-in text. */
export type EffectiveTemplate = TemplateText & {
  enabled: boolean;
  customized: boolean;
  rowId: string | null;
};

/*
 * The built-in texts live in code and a row is written only when someone edits a template. Seeding rows
 * on every device would give two devices two rows for the same (key, channel) once sync joins them.
 */

export function effectiveTemplate(
  key: NotifyTemplateKey,
  channel: CustomerChannel,
  row: NotifyTemplateRow | undefined,
): EffectiveTemplate {
  if (!row) return { ...DEFAULT_TEMPLATES[key][channel], enabled: true, customized: false, rowId: null };
  return {
    subject: row.subject,
    body: row.body,
    waTemplate: row.wa_template,
    waLanguage: row.wa_language,
    enabled: row.enabled === 1,
    customized: true,
    rowId: row.id,
  };
}

export async function templateRow(
  db: Db,
  key: NotifyTemplateKey,
  channel: CustomerChannel,
): Promise<NotifyTemplateRow | undefined> {
  return db
    .selectFrom('notify_templates')
    .selectAll()
    .where('key', '=', key)
    .where('channel', '=', channel)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function readTemplate(
  db: Db,
  key: NotifyTemplateKey,
  channel: CustomerChannel,
): Promise<EffectiveTemplate> {
  return effectiveTemplate(key, channel, await templateRow(db, key, channel));
}

/** Every live template row, by `key:channel`. */
export async function templateRows(db: Db): Promise<Map<string, NotifyTemplateRow>> {
  const rows = await db.selectFrom('notify_templates').selectAll().where('deleted_at', 'is', null).execute();
  return new Map(rows.map((row) => [`${row.key}:${row.channel}`, row]));
}
