import type { Kysely, Transaction } from 'kysely';
import type { Router, RouterStatus } from '../../../shared/contract/network.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import type { DB } from '../db/schema';
import { AppError, notFound } from '../platform/errors';
import type { RouterRow } from './network.tables';
import { asAppError } from './router-errors';
import { routerBool } from './router-comment';
import { cancelJobs, openJobCounts } from './router-jobs';
import { probeRouter, readStatus, saveStatus, toRouterStatus } from './router-status';
import type { RouterClient, RouterRecord } from './routeros/routeros-client';
import { deleteSecret, routerSecretName, storedSecretNames, storeSecret } from './secret-store';

type Db = Kysely<DB> | Transaction<DB>;

const ROUTER = { id: 'Router', en: 'Router' };

/** RouterOS's API port: 8728, or 8729 for API-SSL. */
export function defaultPort(tls: boolean): number {
  return tls ? 8729 : 8728;
}

/** A live (not removed) router, or NOT_FOUND. */
export async function requireRouter(ctx: { db: Db }, id: string): Promise<RouterRow> {
  const row = await ctx.db.selectFrom('routers').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound(ROUTER);
  return row;
}

function toRouter(row: RouterRow, status: RouterStatus, hasPassword: boolean, pendingJobs: number): Router {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls === 1,
    username: row.username,
    hasPassword,
    branch: row.branch,
    location: row.location,
    latitude: row.latitude,
    longitude: row.longitude,
    notes: row.notes,
    hotspotDns: row.hotspot_dns,
    status,
    pendingJobs,
  };
}

async function routerOut(ctx: HandlerContext, id: string): Promise<Router> {
  const row = await requireRouter(ctx, id);
  const [status, secrets, jobs] = await Promise.all([
    readStatus(ctx.db, id),
    storedSecretNames(ctx.db, [routerSecretName(id)]),
    openJobCounts(ctx.db),
  ]);
  return toRouter(row, toRouterStatus(status), secrets.size > 0, jobs.get(id) ?? 0);
}

/** What the audit log keeps of a router: everything but the password (only whether one is stored). */
function auditSummary(router: Router): Record<string, unknown> {
  return {
    name: router.name,
    host: router.host,
    port: router.port,
    tls: router.tls,
    username: router.username,
    passwordStored: router.hasPassword,
    branch: router.branch,
    location: router.location,
    latitude: router.latitude,
    longitude: router.longitude,
    notes: router.notes,
    hotspotDns: router.hotspotDns,
  };
}

async function assertNameFree(ctx: HandlerContext, name: string, exceptId: string | null): Promise<void> {
  let query = ctx.db
    .selectFrom('routers')
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', { id: `Nama router ${name} sudah dipakai.`, en: `Router name ${name} is taken.` }, { fields: { name: 'taken' } });
  }
}

export async function createRouter(ctx: HandlerContext, input: ParsedInput<'network.routers.create'>): Promise<Router> {
  await assertNameFree(ctx, input.name, null);
  const row = await ctx.writer.insert(ctx.db, 'routers', {
    name: input.name,
    host: input.host,
    port: input.port ?? defaultPort(input.tls),
    tls: input.tls ? 1 : 0,
    username: input.username,
    branch: input.branch,
    location: input.location,
    latitude: input.latitude,
    longitude: input.longitude,
    notes: input.notes,
    hotspot_dns: input.hotspotDns,
  });
  if (input.password !== '') await storeSecret(ctx.db, ctx.secrets, routerSecretName(row.id), input.password, ctx.clock.now());
  const out = await routerOut(ctx, row.id);
  await ctx.audit({ entity: 'router', entityId: row.id, before: null, after: auditSummary(out) });
  return out;
}

export async function updateRouter(ctx: HandlerContext, input: ParsedInput<'network.routers.update'>): Promise<Router> {
  const row = await requireRouter(ctx, input.id);
  const before = await routerOut(ctx, row.id);
  if (input.name !== undefined && input.name !== row.name) await assertNameFree(ctx, input.name, row.id);
  const tls = input.tls ?? row.tls === 1;
  // Switching API-SSL on or off moves a router on the default port to the other default port.
  const port = input.port ?? (row.port === defaultPort(row.tls === 1) ? defaultPort(tls) : row.port);
  await ctx.writer.update(ctx.db, 'routers', row.id, {
    name: input.name ?? row.name,
    host: input.host ?? row.host,
    port,
    tls: tls ? 1 : 0,
    username: input.username ?? row.username,
    branch: input.branch ?? row.branch,
    location: input.location ?? row.location,
    latitude: input.latitude === undefined ? row.latitude : input.latitude,
    longitude: input.longitude === undefined ? row.longitude : input.longitude,
    notes: input.notes ?? row.notes,
    hotspot_dns: input.hotspotDns ?? row.hotspot_dns,
  });
  const passwordChanged = input.password !== undefined && input.password !== '';
  if (passwordChanged) await storeSecret(ctx.db, ctx.secrets, routerSecretName(row.id), input.password!, ctx.clock.now());
  const after = await routerOut(ctx, row.id);
  await ctx.audit({ entity: 'router', entityId: row.id, before: auditSummary(before), after: { ...auditSummary(after), passwordChanged } });
  const reconnect =
    passwordChanged || after.host !== before.host || after.port !== before.port || after.tls !== before.tls || after.username !== before.username;
  // The next call logs in with the new address, user or password.
  if (reconnect) {
    ctx.afterCommit(() => {
      ctx.network.traffic.stopRouter(row.id);
      ctx.network.clients.forget(row.id);
    });
  }
  return after;
}

export async function listRouters(ctx: HandlerContext): Promise<Router[]> {
  const rows = await ctx.db.selectFrom('routers').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
  const [statuses, secrets, jobs] = await Promise.all([
    ctx.db.selectFrom('router_status').selectAll().execute(),
    storedSecretNames(ctx.db, rows.map((row) => routerSecretName(row.id))),
    openJobCounts(ctx.db),
  ]);
  const statusOf = new Map(statuses.map((status) => [status.router_id, status]));
  return rows.map((row) =>
    toRouter(row, toRouterStatus(statusOf.get(row.id)), secrets.has(routerSecretName(row.id)), jobs.get(row.id) ?? 0),
  );
}

export async function removeRouter(ctx: HandlerContext, input: ParsedInput<'network.routers.remove'>): Promise<{ ok: true }> {
  const before = await routerOut(ctx, input.id);
  await ctx.writer.softDelete(ctx.db, 'routers', input.id);
  const cancelled = await cancelJobs(ctx.db, ctx.clock.now(), { routerId: input.id });
  await deleteSecret(ctx.db, routerSecretName(input.id));
  await ctx.audit({ entity: 'router', entityId: input.id, before: auditSummary(before), after: { removed: true, jobsCancelled: cancelled } });
  ctx.afterCommit(() => {
    ctx.network.traffic.stopRouter(input.id);
    ctx.network.clients.forget(input.id);
  });
  return { ok: true };
}

/** Probes the router, stores and announces its status. */
async function refreshStatus(ctx: HandlerContext, row: RouterRow, withClient?: (client: RouterClient) => Promise<void>): Promise<RouterStatus> {
  const previous = await readStatus(ctx.db, row.id);
  const status = await probeRouter({ db: ctx.store.db, clients: ctx.network.clients, clock: ctx.clock }, row, previous, withClient);
  const out = toRouterStatus(status);
  if (await saveStatus(ctx.db, status, previous)) ctx.events.emit('network.router.status', { routerId: row.id, status: out });
  return out;
}

export async function testRouter(ctx: HandlerContext, input: ParsedInput<'network.routers.test'>): Promise<RouterStatus> {
  return refreshStatus(ctx, await requireRouter(ctx, input.id));
}

type InterfaceRow = { name: string; type: string; running: boolean; disabled: boolean };

/** Status and interfaces, read now. A router that cannot be reached answers its status and no interfaces. */
export async function routerDashboard(ctx: HandlerContext, input: ParsedInput<'network.routers.dashboard'>) {
  const row = await requireRouter(ctx, input.id);
  let interfaces: InterfaceRow[] = [];
  const status = await refreshStatus(ctx, row, async (client) => {
    const rows = await client.print('/interface', { proplist: ['name', 'type', 'running', 'disabled'] });
    interfaces = rows.map((item) => ({
      name: item.name ?? '',
      type: item.type ?? '',
      running: routerBool(item.running),
      disabled: routerBool(item.disabled),
    }));
  });
  return { status, interfaces: status.online ? interfaces : [] };
}

/**
 * Reads something from the router now (screens: lists, active sessions). Failures become the
 * caller's error: ROUTER_UNREACHABLE when it cannot be reached or refuses the login.
 */
export async function readFromRouter<T>(ctx: HandlerContext, routerId: string, read: (client: RouterClient, router: RouterRow) => Promise<T>): Promise<T> {
  const row = await requireRouter(ctx, routerId);
  try {
    return await read(await ctx.network.clients.get(ctx.store.db, row), row);
  } catch (error) {
    throw asAppError(error, row.name);
  }
}

export type { RouterRecord };
