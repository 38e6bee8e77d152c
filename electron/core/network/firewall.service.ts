import type { AddressListEntry, RouterJob } from '../../../shared/contract/network.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import type { AddressListEntryRow } from './network.tables';
import { geraiComment, routerBool, taggedRowId } from './router-comment';
import { asAppError, isRetryable } from './router-errors';
import { enqueueJob, type JobOperations } from './router-jobs';
import { itemsByKey, removeItems, settleAll } from './router-ops';
import { readFromRouter, requireRouter } from './routers.service';
import { RouterLoginError } from './routeros/routeros-errors';
import type { RouterRecord } from './routeros/routeros-client';

type EnqueueContext = Parameters<typeof enqueueJob>[0];

const ADDRESS_LIST = '/ip/firewall/address-list';

// ---- queues --------------------------------------------------------------------------------------

export async function listQueues(ctx: HandlerContext, input: ParsedInput<'network.queues.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/queue/simple'));
  return rows.map((row) => ({
    routerItemId: row['.id'] ?? '',
    name: row.name ?? '',
    target: row.target ?? '',
    maxLimit: row['max-limit'] ?? '',
    disabled: routerBool(row.disabled),
    comment: row.comment ?? '',
  }));
}

export async function upsertQueue(ctx: HandlerContext, input: ParsedInput<'network.queues.upsert'>): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const { routerId, ...queue } = input;
  const job = await enqueueJob(ctx, routerId, 'queue.upsert', queue, `Queue ${input.name}`);
  await ctx.audit({ entity: 'queue', entityId: null, before: null, after: { routerId, ...queue, jobId: job.id } });
  return job;
}

// ---- address lists (isolir) ----------------------------------------------------------------------

/** Queues making the router's address-list entries match these rows (added, or removed when deleted). */
export function enqueueAddressListSync(ctx: EnqueueContext, routerId: string, entryIds: string[], label: string): Promise<RouterJob> {
  return enqueueJob(ctx, routerId, 'address-list.sync', { entryIds }, label);
}

function liveEntry(ctx: Pick<HandlerContext, 'db'>, routerId: string, list: string, address: string): Promise<AddressListEntryRow | undefined> {
  return ctx.db
    .selectFrom('address_list_entries')
    .selectAll()
    .where('router_id', '=', routerId)
    .where('list', '=', list)
    .where('address', '=', address)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Puts an address on a list (billing's isolir uses this); an entry already there keeps its row. */
export async function addToAddressList(ctx: HandlerContext, routerId: string, list: string, address: string, note: string): Promise<{ entry: AddressListEntryRow; job: RouterJob }> {
  const existing = await liveEntry(ctx, routerId, list, address);
  let entry: AddressListEntryRow;
  if (existing) {
    if (existing.note !== note) await ctx.writer.update(ctx.db, 'address_list_entries', existing.id, { note });
    entry = { ...existing, note };
  } else {
    entry = await ctx.writer.insert(ctx.db, 'address_list_entries', { router_id: routerId, list, address, note });
  }
  const job = await enqueueAddressListSync(ctx, routerId, [entry.id], `Address list ${list}: add ${address}`);
  return { entry, job };
}

/** Takes an address off a list; null when Gerai has no such entry. */
export async function removeFromAddressList(ctx: HandlerContext, routerId: string, list: string, address: string): Promise<{ entry: AddressListEntryRow; job: RouterJob } | null> {
  const entry = await liveEntry(ctx, routerId, list, address);
  if (!entry) return null;
  await ctx.writer.softDelete(ctx.db, 'address_list_entries', entry.id);
  const job = await enqueueAddressListSync(ctx, routerId, [entry.id], `Address list ${list}: remove ${address}`);
  return { entry, job };
}

export async function addAddressListEntry(ctx: HandlerContext, input: ParsedInput<'network.addressList.add'>): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const { entry, job } = await addToAddressList(ctx, input.routerId, input.list, input.address, input.note);
  await ctx.audit({ entity: 'address_list_entry', entityId: entry.id, before: null, after: { routerId: input.routerId, list: entry.list, address: entry.address, note: entry.note, jobId: job.id } });
  return job;
}

export async function removeAddressListEntry(ctx: HandlerContext, input: ParsedInput<'network.addressList.remove'>): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const removed = await removeFromAddressList(ctx, input.routerId, input.list, input.address);
  if (!removed) {
    throw new AppError('NOT_FOUND', {
      id: `Gerai tidak mengelola ${input.address} di daftar ${input.list}.`,
      en: `Gerai manages no entry ${input.address} on list ${input.list}.`,
    });
  }
  await ctx.audit({ entity: 'address_list_entry', entityId: removed.entry.id, before: { list: input.list, address: input.address, note: removed.entry.note }, after: { removed: true, jobId: removed.job.id } });
  return removed.job;
}

const entryKey = (list: string, address: string) => `${list}\u0000${address}`;

/** Gerai's entries merged with the router's; Gerai's alone (none on-router) when the router cannot be reached. */
export async function listAddressList(ctx: HandlerContext, input: ParsedInput<'network.addressList.list'>): Promise<AddressListEntry[]> {
  const router = await requireRouter(ctx, input.routerId);
  let rowsQuery = ctx.db.selectFrom('address_list_entries').selectAll().where('router_id', '=', router.id).where('deleted_at', 'is', null);
  if (input.list) rowsQuery = rowsQuery.where('list', '=', input.list);
  const rows = await rowsQuery.orderBy('list').orderBy('address').execute();
  let items: RouterRecord[] = [];
  try {
    const client = await ctx.network.clients.get(ctx.store.db, router);
    items = await client.print(ADDRESS_LIST, input.list ? { query: { list: input.list } } : {});
  } catch (error) {
    if (!(isRetryable(error) || error instanceof RouterLoginError)) throw asAppError(error, router.name);
    ctx.logger.info('router unreachable: listing Gerai’s address-list entries only', { router: router.name });
  }
  const byKey = new Map(items.map((item) => [entryKey(item.list ?? '', item.address ?? ''), item]));
  const out: AddressListEntry[] = rows.map((row) => {
    const item = byKey.get(entryKey(row.list, row.address));
    return { routerItemId: item?.['.id'] ?? null, list: row.list, address: row.address, comment: geraiComment(row.id, row.note), timeout: item?.timeout ?? '', managed: true };
  });
  const managed = new Set(rows.map((row) => entryKey(row.list, row.address)));
  for (const item of items) {
    if (managed.has(entryKey(item.list ?? '', item.address ?? ''))) continue;
    out.push({ routerItemId: item['.id'] ?? null, list: item.list ?? '', address: item.address ?? '', comment: item.comment ?? '', timeout: item.timeout ?? '', managed: false });
  }
  return out;
}

// ---- router operations ---------------------------------------------------------------------------

export const firewallOperations: Pick<JobOperations, 'queue.upsert' | 'address-list.sync'> = {
  async 'queue.upsert'({ name, target, maxLimit, disabled }, { client }) {
    const [item] = await client.print('/queue/simple', { query: { name }, proplist: ['.id', 'name'] });
    const attributes = { name, target, 'max-limit': maxLimit || '0/0', disabled };
    if (item?.['.id']) {
      await client.set('/queue/simple', item['.id'], attributes);
      return { updated: 1 };
    }
    await client.add('/queue/simple', attributes);
    return { added: 1 };
  },

  /** Live entries are added (or tagged when already there); deleted ones removed if the router's item is still Gerai's. */
  async 'address-list.sync'({ entryIds }, { db, client, router }) {
    const rows: AddressListEntryRow[] = [];
    for (let i = 0; i < entryIds.length; i += 900) {
      rows.push(...(await db.selectFrom('address_list_entries').selectAll().where('id', 'in', entryIds.slice(i, i + 900)).where('router_id', '=', router.id).execute()));
    }
    const existing = await itemsByKey(
      client,
      ADDRESS_LIST,
      rows.map((row) => entryKey(row.list, row.address)),
      {
        proplist: ['.id', 'list', 'address', 'comment'],
        keyOf: (item) => entryKey(item.list ?? '', item.address ?? ''),
        queryOf: (key) => {
          const [list = '', address = ''] = key.split('\u0000');
          return { list, address };
        },
      },
    );
    const counts = { added: 0, updated: 0, removed: 0, skipped: 0 };
    await settleAll(
      rows,
      async (row) => {
        const items = existing.get(entryKey(row.list, row.address)) ?? [];
        if (row.deleted_at !== null) {
          const ours = items.filter((item) => taggedRowId(item.comment) === row.id);
          counts.skipped += items.length - ours.length;
          counts.removed += await removeItems(client, ADDRESS_LIST, ours);
          return;
        }
        const comment = geraiComment(row.id, row.note);
        const [item] = items;
        if (item?.['.id']) {
          if (item.comment !== comment) await client.set(ADDRESS_LIST, item['.id'], { comment });
          counts.updated++;
        } else {
          await client.add(ADDRESS_LIST, { list: row.list, address: row.address, comment });
          counts.added++;
        }
      },
      (row) => `${row.list} ${row.address}`,
    );
    return counts;
  },
};
