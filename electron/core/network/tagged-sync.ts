/**
 * The sync managed logins share (PPP secrets, hotspot users): make the router's items of one menu
 * match Gerai's rows. Live rows are set (found by name, so an existing router item is adopted; else,
 * renamed on the router, by Gerai's tag `gerai:<row id>`) or added; deleted rows are removed when the
 * router's item still carries their tag (a same-named item that is not Gerai's stays). Disabled
 * logins also lose their sessions.
 */
import type { JobEnv } from './router-jobs';
import { geraiComment, taggedRowId } from './router-comment';
import { BULK_LOOKUP, itemsByKey, removeItems, settleAll } from './router-ops';
import type { RouterAttributes, RouterClient, RouterRecord } from './routeros/routeros-client';

/** Chunk for `IN (…)` lists: well under SQLite's bound-parameter limit. */
const IN_CHUNK = 900;

/** `load` run on the ids a chunk at a time, the results joined. */
export async function rowsByIds<T>(
  ids: readonly string[],
  load: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(...(await load(ids.slice(i, i + IN_CHUNK))));
  return out;
}

/** What the sync reads of a managed login's row. */
export type TaggedRow = {
  id: string;
  name: string;
  note: string;
  disabled: number;
  deleted_at: number | null;
};

export type TaggedSync<R extends TaggedRow> = {
  /** The router menu of the items, e.g. `/ppp/secret`. */
  menu: string;
  /** The rows to sync (deleted ones included), all of the job's router. */
  rows: readonly R[];
  /** The `secrets` row holding a row's password. */
  secretName: (rowId: string) => string;
  /** What a live row's item carries; a property left undefined is one the item should not have. */
  attributes: (row: R, password: string | undefined) => RouterAttributes;
  /** Properties cleared (`unset`) on an existing item that has them when `attributes` leaves them out. */
  clearable: readonly string[];
  /**
   * For a batch of more than BULK_LOOKUP rows: read the whole menu once (true), or look the names up
   * first and read the whole menu only when many rows are still unfound (false).
   */
  printMenuForMany: boolean;
  /** Ends the sessions of these disabled logins (by name); resolves with how many ended. */
  kick: (names: string[]) => Promise<number>;
};

type Items = { byName: Map<string, RouterRecord[]>; byTag: Map<string, RouterRecord> };

/** The menu's items for these rows, by name and by Gerai's tag (renamed on the router). */
async function taggedItems(
  client: RouterClient,
  sync: Pick<TaggedSync<TaggedRow>, 'menu' | 'rows' | 'printMenuForMany'>,
  proplist: readonly string[],
): Promise<Items> {
  const { menu, rows } = sync;
  const byTag = new Map<string, RouterRecord>();
  const tagAll = (items: Iterable<RouterRecord>) => {
    for (const item of items) {
      const tag = taggedRowId(item.comment);
      if (tag !== null && !byTag.has(tag)) byTag.set(tag, item);
    }
  };
  if (sync.printMenuForMany && rows.length > BULK_LOOKUP) {
    const all = await client.print(menu, { proplist });
    tagAll(all);
    const names = new Set(rows.map((row) => row.name));
    const byName = new Map<string, RouterRecord[]>();
    for (const item of all) {
      const name = item.name ?? '';
      if (names.has(name)) byName.set(name, [...(byName.get(name) ?? []), item]);
    }
    return { byName, byTag };
  }
  const byName = await itemsByKey(
    client,
    menu,
    rows.map((row) => row.name),
    { proplist },
  );
  for (const items of byName.values()) tagAll(items);
  const unfound = rows.filter(
    (row) => row.deleted_at === null && !byName.has(row.name) && !byTag.has(row.id),
  );
  if (unfound.length > BULK_LOOKUP) {
    tagAll(await client.print(menu, { proplist }));
  } else {
    const renamed = await settleAll(unfound, (row) =>
      client.print(menu, { query: { comment: geraiComment(row.id, row.note) }, proplist }),
    );
    tagAll(renamed.flat());
  }
  return { byName, byTag };
}

/** Runs the sync (see the file's comment); resolves with what it did, kept as the job's result. */
export async function syncTaggedItems<R extends TaggedRow>(
  { db, client, secrets }: Pick<JobEnv, 'db' | 'client' | 'secrets'>,
  sync: TaggedSync<R>,
): Promise<{ added: number; updated: number; removed: number; skipped: number; kicked: number }> {
  const { menu, rows } = sync;
  const live = rows.filter((row) => row.deleted_at === null);
  const sealed = await rowsByIds(
    live.map((row) => sync.secretName(row.id)),
    (chunk) => db.selectFrom('secrets').select(['name', 'value']).where('name', 'in', chunk).execute(),
  );
  const passwords = new Map(sealed.map((row) => [row.name, secrets.decrypt(row.value)]));
  const existing = await taggedItems(client, sync, ['.id', 'name', ...sync.clearable, 'comment']);
  const counts = { added: 0, updated: 0, removed: 0, skipped: 0, kicked: 0 };
  await settleAll(
    rows,
    async (row) => {
      const items = existing.byName.get(row.name) ?? [];
      if (row.deleted_at !== null) {
        // Only the item carrying this row's tag: a same-named item that is not Gerai's stays.
        const ours = items.filter((item) => taggedRowId(item.comment) === row.id);
        counts.skipped += items.length - ours.length;
        counts.removed += await removeItems(client, menu, ours);
        return;
      }
      const attributes = sync.attributes(row, passwords.get(sync.secretName(row.id)));
      const item = items[0] ?? existing.byTag.get(row.id);
      if (item?.['.id']) {
        await client.set(menu, item['.id'], attributes);
        // A property left out means "none": clear what the router has.
        for (const property of sync.clearable) {
          if (attributes[property] === undefined && item[property])
            await client.unset(menu, item['.id'], property);
        }
        counts.updated++;
      } else {
        await client.add(menu, attributes);
        counts.added++;
      }
    },
    (row) => row.name,
  );
  const disabled = live.filter((row) => row.disabled === 1).map((row) => row.name);
  if (disabled.length > 0) counts.kicked = await sync.kick(disabled);
  return counts;
}
