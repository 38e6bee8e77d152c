import type { DriftRow, RouterJob } from '../../../shared/contract/network.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { enqueueHotspotUserSync } from './hotspot-users';
import type { AddressListEntryRow, PppSecretRow, RouterRow } from './network.tables';
import { inOwnTransaction } from './own-transaction';
import { enqueuePppSecretSync } from './ppp.service';
import { enqueueAddressListSync } from './firewall.service';
import { geraiComment, routerBool, taggedRowId } from './router-comment';
import { asAppError } from './router-errors';
import { enqueueJob, type JobOperations, type TaggedMenu } from './router-jobs';
import { removeItems } from './router-ops';
import { requireRouter } from './routers.service';
import { rowsByIds } from './tagged-sync';
import type { RouterRecord } from './routeros/routeros-client';

/** What drifted, and what fixes it. */
export type DriftReport = {
  checkedAt: number;
  drift: DriftRow[];
  /** Rows to sync again (missing on the router, or different there). */
  secretIds: string[];
  entryIds: string[];
  hotspotUserIds: string[];
  /** Row ids of router items tagged `gerai:` whose row is deleted or unknown (extras). */
  extraSecretTags: string[];
  extraEntryTags: string[];
  /**
   * Hotspot users: only tags of deleted managed-user rows. Vouchers carry `gerai:<batch id>` on the
   * same menu and are never extras here.
   */
  extraHotspotUserTags: string[];
};

type Compared<R> = {
  missing: R[];
  different: { row: R; differences: Record<string, [string, string]> }[];
  extra: RouterRecord[];
};

/**
 * Matches rows to router items — by tag first (`gerai:<row id>`), else by key (an untagged item or
 * someone else's with the same name) — and sorts the rest into missing and extra. An item counts as
 * extra only when it carries Gerai's tag and no live row claims it: untagged items are never Gerai's.
 */
function compare<R extends { id: string; deleted_at: number | null }>(
  rows: readonly R[],
  items: readonly RouterRecord[],
  keyOfRow: (row: R) => string,
  keyOfItem: (item: RouterRecord) => string,
  differences: (row: R, item: RouterRecord) => Record<string, [string, string]>,
): Compared<R> {
  const byTag = new Map<string, RouterRecord>();
  const byKey = new Map<string, RouterRecord>();
  for (const item of items) {
    const tag = taggedRowId(item.comment);
    if (tag !== null && !byTag.has(tag)) byTag.set(tag, item);
    const key = keyOfItem(item);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  const live = rows.filter((row) => row.deleted_at === null);
  const liveIds = new Set(live.map((row) => row.id));
  const matched = new Set<RouterRecord>();
  const out: Compared<R> = { missing: [], different: [], extra: [] };
  for (const row of live) {
    const tagged = byTag.get(row.id);
    const item = tagged ?? byKey.get(keyOfRow(row));
    // An item tagged for another live row belongs to that row.
    const claimedElsewhere = !tagged && item !== undefined && liveIds.has(taggedRowId(item.comment) ?? '');
    if (!item || claimedElsewhere || matched.has(item)) {
      out.missing.push(row);
      continue;
    }
    matched.add(item);
    const found = differences(row, item);
    if (taggedRowId(item.comment) !== row.id) found.comment = [geraiComment(row.id), item.comment ?? ''];
    if (Object.keys(found).length > 0) out.different.push({ row, differences: found });
  }
  for (const item of items) {
    const tag = taggedRowId(item.comment);
    if (tag !== null && !matched.has(item) && !liveIds.has(tag)) out.extra.push(item);
  }
  return out;
}

/** The drift rows of one menu: missing, then different, then extra. */
function driftRows<R>(
  menu: DriftRow['menu'],
  compared: Compared<R>,
  nameOfRow: (row: R) => string,
  nameOfItem: (item: RouterRecord) => string,
): DriftRow[] {
  return [
    ...compared.missing.map((row) => ({
      kind: 'missing' as const,
      menu,
      name: nameOfRow(row),
      differences: {},
    })),
    ...compared.different.map(({ row, differences }) => ({
      kind: 'different' as const,
      menu,
      name: nameOfRow(row),
      differences,
    })),
    ...compared.extra.map((item) => ({
      kind: 'extra' as const,
      menu,
      name: nameOfItem(item),
      differences: {},
    })),
  ];
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** What differs on a managed login's item (PPP secret, hotspot user): these and its address properties. */
function loginDifferences(
  row: Pick<PppSecretRow, 'name' | 'profile' | 'disabled'>,
  item: RouterRecord,
  addresses: Record<string, string>,
): Record<string, [string, string]> {
  const found: Record<string, [string, string]> = {};
  const check = (name: string, want: string, have: string) => {
    if (want !== have) found[name] = [want, have];
  };
  check('name', row.name, item.name ?? '');
  check('profile', row.profile, item.profile ?? 'default');
  check('disabled', yesNo(row.disabled === 1), yesNo(routerBool(item.disabled)));
  for (const [property, want] of Object.entries(addresses)) check(property, want, item[property] ?? '');
  return found;
}

const entryKey = (list: string, address: string) => `${list} ${address}`;

function entryDifferences(row: AddressListEntryRow, item: RouterRecord): Record<string, [string, string]> {
  const found: Record<string, [string, string]> = {};
  if (row.list !== item.list) found.list = [row.list, item.list ?? ''];
  if (row.address !== item.address) found.address = [row.address, item.address ?? ''];
  return found;
}

/**
 * Reads the router's PPP secrets, address lists and hotspot users (one `print` each, only the
 * compared properties) and compares them with Gerai's rows for that router, deleted ones included.
 */
export async function computeDrift(ctx: HandlerContext, router: RouterRow): Promise<DriftReport> {
  let secretItems: RouterRecord[];
  let entryItems: RouterRecord[];
  let userItems: RouterRecord[];
  try {
    const client = await ctx.network.clients.get(ctx.store.db, router);
    [secretItems, entryItems, userItems] = await Promise.all([
      client.print('/ppp/secret', {
        proplist: ['.id', 'name', 'profile', 'disabled', 'remote-address', 'comment'],
      }),
      client.print('/ip/firewall/address-list', { proplist: ['.id', 'list', 'address', 'comment'] }),
      client.print('/ip/hotspot/user', {
        proplist: ['.id', 'name', 'profile', 'disabled', 'address', 'mac-address', 'comment'],
      }),
    ]);
  } catch (error) {
    throw asAppError(error, router.name);
  }
  const [secretRows, entryRows, userRows] = await Promise.all([
    ctx.db
      .selectFrom('ppp_secrets')
      .select(['id', 'name', 'profile', 'service', 'remote_address', 'disabled', 'note', 'deleted_at'])
      .where('router_id', '=', router.id)
      .execute(),
    ctx.db
      .selectFrom('address_list_entries')
      .select(['id', 'list', 'address', 'note', 'deleted_at'])
      .where('router_id', '=', router.id)
      .execute(),
    ctx.db.selectFrom('hotspot_users').selectAll().where('router_id', '=', router.id).execute(),
  ]);
  const secrets = compare(
    secretRows as PppSecretRow[],
    secretItems,
    (row) => row.name,
    (item) => item.name ?? '',
    (row, item) => loginDifferences(row, item, { 'remote-address': row.remote_address }),
  );
  const entries = compare(
    entryRows as AddressListEntryRow[],
    entryItems,
    (row) => entryKey(row.list, row.address),
    (item) => entryKey(item.list ?? '', item.address ?? ''),
    entryDifferences,
  );
  const users = compare(
    userRows,
    userItems,
    (row) => row.name,
    (item) => item.name ?? '',
    (row, item) => loginDifferences(row, item, { address: row.address, 'mac-address': row.mac_address }),
  );
  const deletedUsers = new Set(userRows.filter((row) => row.deleted_at !== null).map((row) => row.id));
  const extraUsers = users.extra.filter((item) => deletedUsers.has(taggedRowId(item.comment)!));
  const drift: DriftRow[] = [
    ...driftRows(
      'ppp.secret',
      secrets,
      (row) => row.name,
      (item) => item.name ?? '',
    ),
    ...driftRows(
      'address-list',
      entries,
      (row) => entryKey(row.list, row.address),
      (item) => entryKey(item.list ?? '', item.address ?? ''),
    ),
    ...driftRows(
      'hotspot.user',
      { ...users, extra: extraUsers },
      (row) => row.name,
      (item) => item.name ?? '',
    ),
  ];
  const tags = (items: RouterRecord[]) => [...new Set(items.map((item) => taggedRowId(item.comment)!))];
  return {
    checkedAt: ctx.clock.now(),
    drift,
    secretIds: [...secrets.missing, ...secrets.different.map((d) => d.row)].map((row) => row.id),
    entryIds: [...entries.missing, ...entries.different.map((d) => d.row)].map((row) => row.id),
    hotspotUserIds: [...users.missing, ...users.different.map((d) => d.row)].map((row) => row.id),
    extraSecretTags: tags(secrets.extra),
    extraEntryTags: tags(entries.extra),
    extraHotspotUserTags: tags(extraUsers),
  };
}

export async function previewReconcile(ctx: HandlerContext, input: ParsedInput<'network.reconcile.preview'>) {
  const report = await computeDrift(ctx, await requireRouter(ctx, input.routerId));
  return { checkedAt: report.checkedAt, drift: report.drift };
}

/** Jobs that fix the drift found now: sync what is missing or different, remove Gerai's extras. */
export async function applyReconcile(
  ctx: HandlerContext,
  input: ParsedInput<'network.reconcile.apply'>,
): Promise<{ jobs: RouterJob[]; fixed: number }> {
  const router = await requireRouter(ctx, input.routerId);
  const report = await computeDrift(ctx, router);
  return inOwnTransaction(ctx, async (tx) => {
    const jobs: RouterJob[] = [];
    if (report.secretIds.length > 0)
      jobs.push(
        await enqueuePppSecretSync(
          tx,
          router.id,
          report.secretIds,
          `Reconcile: ${report.secretIds.length} PPP secrets`,
        ),
      );
    if (report.extraSecretTags.length > 0) {
      jobs.push(
        await enqueueJob(
          tx,
          router.id,
          'router.tagged.remove',
          { menu: '/ppp/secret', rowIds: report.extraSecretTags },
          `Reconcile: remove ${report.extraSecretTags.length} PPP secrets`,
        ),
      );
    }
    if (report.entryIds.length > 0)
      jobs.push(
        await enqueueAddressListSync(
          tx,
          router.id,
          report.entryIds,
          `Reconcile: ${report.entryIds.length} address-list entries`,
        ),
      );
    if (report.extraEntryTags.length > 0) {
      jobs.push(
        await enqueueJob(
          tx,
          router.id,
          'router.tagged.remove',
          { menu: '/ip/firewall/address-list', rowIds: report.extraEntryTags },
          `Reconcile: remove ${report.extraEntryTags.length} address-list entries`,
        ),
      );
    }
    if (report.hotspotUserIds.length > 0) {
      jobs.push(
        await enqueueHotspotUserSync(
          tx,
          router.id,
          report.hotspotUserIds,
          `Reconcile: ${report.hotspotUserIds.length} hotspot users`,
        ),
      );
    }
    if (report.extraHotspotUserTags.length > 0) {
      jobs.push(
        await enqueueJob(
          tx,
          router.id,
          'router.tagged.remove',
          { menu: '/ip/hotspot/user', rowIds: report.extraHotspotUserTags },
          `Reconcile: remove ${report.extraHotspotUserTags.length} hotspot users`,
        ),
      );
    }
    const count = (kind: DriftRow['kind']) => report.drift.filter((row) => row.kind === kind).length;
    await tx.audit({
      entity: 'router',
      entityId: router.id,
      before: { missing: count('missing'), extra: count('extra'), different: count('different') },
      after: { reconcileJobs: jobs.map((job) => job.id) },
    });
    return { jobs, fixed: report.drift.length };
  });
}

const TABLE_OF: Record<TaggedMenu, 'ppp_secrets' | 'address_list_entries' | 'hotspot_users'> = {
  '/ppp/secret': 'ppp_secrets',
  '/ip/firewall/address-list': 'address_list_entries',
  '/ip/hotspot/user': 'hotspot_users',
};

export const reconcileOperations: Pick<JobOperations, 'router.tagged.remove'> = {
  /** Removes items tagged for these rows, unless a row has come back to life since the preview. */
  async 'router.tagged.remove'({ menu, rowIds }, { db, client }) {
    const wanted = new Set(rowIds);
    const rows = await rowsByIds(rowIds, (chunk) =>
      db
        .selectFrom(TABLE_OF[menu])
        .select('id')
        .where('id', 'in', chunk)
        .where('deleted_at', 'is', null)
        .execute(),
    );
    const live = new Set(rows.map((row) => row.id));
    const items = await client.print(menu, { proplist: ['.id', 'comment'] });
    const targets = items.filter((item) => {
      const tag = taggedRowId(item.comment);
      return tag !== null && wanted.has(tag) && !live.has(tag);
    });
    return { removed: await removeItems(client, menu, targets) };
  },
};
