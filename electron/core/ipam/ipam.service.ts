import type { AddressHolder, IpPool } from '../../../shared/contract/ipam.contract';
import {
  findOverlap,
  formatIpv4,
  formatRange,
  freeAddresses,
  parseIpv4,
  parseRanges,
  rangesContain,
  rangesSize,
  type Ipv4Range,
} from '../../../shared/domain/ipv4';
import type { ChannelOutput } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { IpPoolRow } from '../map/map.tables';
import { requireRouter } from '../network/routers.service';
import { AppError, notFound } from '../platform/errors';
import { checkAddress, routerPools } from './ip-assign';

type Db = Pick<HandlerContext, 'db'>;

const POOL = { id: 'Pool IP', en: 'IP pool' };

/**
 * Every static address on a router and who holds it: live subscriptions first, then PPP secrets Gerai
 * manages that no subscription owns (a secret's remote address may also name a router pool: skipped).
 */
export async function routerHoldings(ctx: Db, routerId: string): Promise<Map<number, AddressHolder>> {
  const holdings = new Map<number, AddressHolder>();
  const subscriptions = await ctx.db
    .selectFrom('subscriptions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.code', 's.remote_address', 's.ppp_secret_id', 'c.name'])
    .where('s.router_id', '=', routerId)
    .where('s.remote_address', '!=', '')
    .where('s.deleted_at', 'is', null)
    .where('s.state', '!=', 'terminated')
    .execute();
  const ownedSecrets = new Set<string>();
  for (const row of subscriptions) {
    if (row.ppp_secret_id) ownedSecrets.add(row.ppp_secret_id);
    const address = parseIpv4(row.remote_address);
    if (address !== null && !holdings.has(address)) {
      holdings.set(address, { kind: 'subscription', id: row.id, code: row.code, name: row.name });
    }
  }
  const secrets = await ctx.db
    .selectFrom('ppp_secrets')
    .select(['id', 'name', 'remote_address'])
    .where('router_id', '=', routerId)
    .where('remote_address', '!=', '')
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of secrets) {
    if (ownedSecrets.has(row.id)) continue;
    const address = parseIpv4(row.remote_address);
    if (address !== null && !holdings.has(address))
      holdings.set(address, { kind: 'ppp_secret', id: row.id, code: '', name: row.name });
  }
  return holdings;
}

function parsedRanges(text: string): Ipv4Range[] {
  const parsed = parseRanges(text);
  return parsed.ok ? parsed.ranges : [];
}

function toPool(row: IpPoolRow, routerName: string, holdings: Map<number, AddressHolder>): IpPool {
  const ranges = parsedRanges(row.ranges);
  let used = 0;
  for (const address of holdings.keys()) if (rangesContain(ranges, address)) used += 1;
  return {
    id: row.id,
    routerId: row.router_id,
    routerName,
    name: row.name,
    ranges: row.ranges,
    notes: row.notes,
    size: rangesSize(ranges),
    used,
  };
}

async function requirePool(ctx: Db, id: string): Promise<IpPoolRow> {
  const row = await ctx.db
    .selectFrom('ip_pools')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound(POOL);
  return row;
}

async function poolOut(ctx: Db, id: string): Promise<IpPool> {
  const row = await requirePool(ctx, id);
  const router = await requireRouter(ctx, row.router_id);
  return toPool(row, router.name, await routerHoldings(ctx, row.router_id));
}

/** The ranges as typed, cleaned: pieces trimmed and joined by ", ". Throws VALIDATION on a bad range. */
function readRanges(text: string): { text: string; ranges: Ipv4Range[] } {
  const parsed = parseRanges(text);
  if (!parsed.ok) throw new AppError('VALIDATION', parsed.error, { fields: { ranges: parsed.error.en } });
  const cleaned = text
    .split(/[,\n;]/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .join(', ');
  return { text: cleaned, ranges: parsed.ranges };
}

async function assertNoOverlap(
  ctx: Db,
  routerId: string,
  ranges: Ipv4Range[],
  exceptPoolId: string | null,
): Promise<void> {
  for (const pool of await routerPools(ctx, routerId)) {
    if (pool.id === exceptPoolId) continue;
    const overlap = findOverlap(ranges, pool.ranges);
    if (!overlap) continue;
    const [mine, theirs] = overlap;
    const message = {
      id: `Rentang ${formatRange(mine)} bertumpuk dengan pool ${pool.name} (${formatRange(theirs)}) di router yang sama`,
      en: `Range ${formatRange(mine)} overlaps pool ${pool.name} (${formatRange(theirs)}) on the same router`,
    };
    throw new AppError('CONFLICT', message, { fields: { ranges: message.en } });
  }
}

async function assertNameFree(
  ctx: Db,
  routerId: string,
  name: string,
  exceptPoolId: string | null,
): Promise<void> {
  let query = ctx.db
    .selectFrom('ip_pools')
    .select('id')
    .where('router_id', '=', routerId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptPoolId) query = query.where('id', '!=', exceptPoolId);
  if (await query.executeTakeFirst()) {
    const message = {
      id: `Router ini sudah punya pool bernama ${name}`,
      en: `This router already has a pool named ${name}`,
    };
    throw new AppError('CONFLICT', message, { fields: { name: message.en } });
  }
}

/** Subscriptions' addresses inside `ranges` that `keep` (the pool's new ranges, or none) would drop. */
async function strandedAddresses(ctx: Db, routerId: string, ranges: Ipv4Range[], keep: Ipv4Range[]) {
  const holdings = await routerHoldings(ctx, routerId);
  const stranded: string[] = [];
  for (const [address, holder] of holdings) {
    if (holder.kind === 'subscription' && rangesContain(ranges, address) && !rangesContain(keep, address)) {
      stranded.push(`${formatIpv4(address)} (${holder.code})`);
    }
  }
  return stranded;
}

function poolSummary(row: Pick<IpPoolRow, 'router_id' | 'name' | 'ranges' | 'notes'>) {
  return { routerId: row.router_id, name: row.name, ranges: row.ranges, notes: row.notes };
}

export async function listPools(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.pools.list'>,
): Promise<IpPool[]> {
  let query = ctx.db
    .selectFrom('ip_pools as p')
    .innerJoin('routers as r', 'r.id', 'p.router_id')
    .selectAll('p')
    .select('r.name as router_name')
    .where('p.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null)
    .orderBy('r.name')
    .orderBy('p.name');
  if (input.routerId) query = query.where('p.router_id', '=', input.routerId);
  const rows = await query.execute();
  const holdingsByRouter = new Map<string, Map<number, AddressHolder>>();
  const out: IpPool[] = [];
  for (const { router_name: routerName, ...row } of rows) {
    let holdings = holdingsByRouter.get(row.router_id);
    if (!holdings) {
      holdings = await routerHoldings(ctx, row.router_id);
      holdingsByRouter.set(row.router_id, holdings);
    }
    out.push(toPool(row, routerName, holdings));
  }
  return out;
}

export async function createPool(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.pools.create'>,
): Promise<IpPool> {
  await requireRouter(ctx, input.routerId);
  const { text, ranges } = readRanges(input.ranges);
  await assertNameFree(ctx, input.routerId, input.name, null);
  await assertNoOverlap(ctx, input.routerId, ranges, null);
  const row = await ctx.writer.insert(ctx.db, 'ip_pools', {
    router_id: input.routerId,
    name: input.name,
    ranges: text,
    notes: input.notes,
  });
  await ctx.audit({ entity: 'ip_pool', entityId: row.id, before: null, after: poolSummary(row) });
  return poolOut(ctx, row.id);
}

export async function updatePool(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.pools.update'>,
): Promise<IpPool> {
  const before = await requirePool(ctx, input.id);
  const patch: Partial<Pick<IpPoolRow, 'name' | 'ranges' | 'notes'>> = {};
  if (input.name !== undefined && input.name !== before.name) {
    await assertNameFree(ctx, before.router_id, input.name, before.id);
    patch.name = input.name;
  }
  if (input.ranges !== undefined) {
    const { text, ranges } = readRanges(input.ranges);
    await assertNoOverlap(ctx, before.router_id, ranges, before.id);
    const stranded = await strandedAddresses(ctx, before.router_id, parsedRanges(before.ranges), ranges);
    if (stranded.length > 0) {
      const list =
        stranded.slice(0, 5).join(', ') + (stranded.length > 5 ? ` …(+${stranded.length - 5})` : '');
      const message = {
        id: `Rentang baru tidak lagi memuat alamat yang dipakai langganan: ${list}`,
        en: `The new ranges no longer hold addresses in use by subscriptions: ${list}`,
      };
      throw new AppError('CONFLICT', message, { fields: { ranges: message.en } });
    }
    patch.ranges = text;
  }
  if (input.notes !== undefined) patch.notes = input.notes;
  if (Object.keys(patch).length > 0) {
    await ctx.writer.update(ctx.db, 'ip_pools', before.id, patch);
    await ctx.audit({
      entity: 'ip_pool',
      entityId: before.id,
      before: poolSummary(before),
      after: poolSummary({ ...before, ...patch }),
    });
  }
  return poolOut(ctx, before.id);
}

export async function removePool(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.pools.remove'>,
): Promise<{ ok: true }> {
  const row = await requirePool(ctx, input.id);
  const stranded = await strandedAddresses(ctx, row.router_id, parsedRanges(row.ranges), []);
  if (stranded.length > 0) {
    const list = stranded.slice(0, 5).join(', ') + (stranded.length > 5 ? ` …(+${stranded.length - 5})` : '');
    throw new AppError('CONFLICT', {
      id: `Pool ${row.name} masih dipakai ${stranded.length} langganan: ${list}. Ubah alamat langganan itu dulu.`,
      en: `Pool ${row.name} is still used by ${stranded.length} subscription(s): ${list}. Change their addresses first.`,
    });
  }
  await ctx.writer.softDelete(ctx.db, 'ip_pools', row.id);
  await ctx.audit({ entity: 'ip_pool', entityId: row.id, before: poolSummary(row), after: null });
  return { ok: true };
}

export async function poolUsage(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.pools.usage'>,
): Promise<ChannelOutput<'ipam.pools.usage'>> {
  const row = await requirePool(ctx, input.poolId);
  const ranges = parsedRanges(row.ranges);
  const holdings = await routerHoldings(ctx, row.router_id);
  const inside = [...holdings]
    .filter(([address]) => rangesContain(ranges, address))
    .sort(([a], [b]) => a - b);
  const usedBySubscriptions = inside.filter(([, holder]) => holder.kind === 'subscription').length;
  const size = rangesSize(ranges);
  return {
    poolId: row.id,
    size,
    used: inside.length,
    usedBySubscriptions,
    usedBySecrets: inside.length - usedBySubscriptions,
    free: size - inside.length,
    nextFree: freeAddresses(ranges, new Set(holdings.keys()), input.freeLimit).map(formatIpv4),
    holders: inside.map(([address, holder]) => ({ address: formatIpv4(address), holder })),
  };
}

export async function checkAddressChannel(
  ctx: HandlerContext,
  input: ParsedInput<'ipam.addresses.check'>,
): Promise<ChannelOutput<'ipam.addresses.check'>> {
  await requireRouter(ctx, input.routerId);
  const problem = await checkAddress(ctx, input.routerId, input.address, input.exceptSubscriptionId);
  const value = parseIpv4(input.address);
  const pool =
    value === null
      ? undefined
      : (await routerPools(ctx, input.routerId)).find((candidate) => rangesContain(candidate.ranges, value));
  return {
    ok: problem === null,
    reason: problem?.reason ?? null,
    message: problem ? problem.message[ctx.locale] : null,
    conflict: problem?.reason === 'taken' ? problem.holder : null,
    poolName: pool?.name ?? null,
  };
}
