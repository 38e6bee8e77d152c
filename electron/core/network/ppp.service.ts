import type { PppSecret, RouterJob } from '../../../shared/contract/network.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError } from '../platform/errors';
import type { PppSecretRow } from './network.tables';
import { geraiComment, routerBool } from './router-comment';
import { changeLoginRow } from './managed-login';
import { isRetryable, asAppError } from './router-errors';
import { enqueueJob, type JobOperations } from './router-jobs';
import { itemsByKey, removeItems, settleAll } from './router-ops';
import { readFromRouter, requireRouter } from './routers.service';
import { RouterLoginError } from './routeros/routeros-errors';
import type { RouterRecord } from './routeros/routeros-client';
import { deleteSecret, pppSecretName, storeSecret } from './secret-store';
import { rowsByIds, syncTaggedItems } from './tagged-sync';

type EnqueueContext = Parameters<typeof enqueueJob>[0];

// ---- for other modules (billing's isolir): the only way they change PPP on a router --------------

/** Queues making the router's PPP secrets match these rows (upserted, or removed when deleted). */
export function enqueuePppSecretSync(
  ctx: EnqueueContext,
  routerId: string,
  secretIds: string[],
  label: string,
): Promise<RouterJob> {
  return enqueueJob(ctx, routerId, 'ppp.secret.sync', { secretIds }, label);
}

/** Queues disconnecting a user's PPP session (it may dial in again unless its secret is disabled). */
export function enqueuePppKick(ctx: EnqueueContext, routerId: string, name: string): Promise<RouterJob> {
  return enqueueJob(ctx, routerId, 'ppp.active.kick', { name }, `PPP ${name}: disconnect`);
}

/**
 * Disables (isolir) or enables a managed secret and queues the router change; disabling also ends
 * the user's session on the router. Returns null when Gerai does not manage a secret of that name.
 */
export async function setPppSecretDisabled(
  ctx: HandlerContext,
  routerId: string,
  name: string,
  disabled: boolean,
): Promise<RouterJob | null> {
  const row = await liveSecret(ctx, routerId, name);
  if (!row) return null;
  if (row.disabled !== (disabled ? 1 : 0))
    await ctx.writer.update(ctx.db, 'ppp_secrets', row.id, { disabled: disabled ? 1 : 0 });
  return enqueuePppSecretSync(ctx, routerId, [row.id], `PPP ${name}: ${disabled ? 'disable' : 'enable'}`);
}

/**
 * Queues making a PPP profile on the router carry this rate-limit (`upload/download`, e.g. `5M/10M`),
 * adding the profile when missing; its addresses stay as the operator set them. With `onlyIfMissing`
 * an existing profile is left entirely as it is (an isolir profile the operator tuned).
 */
export function enqueuePppProfileUpsert(
  ctx: EnqueueContext,
  routerId: string,
  profile: { name: string; rateLimit: string; onlyIfMissing?: boolean },
): Promise<RouterJob> {
  const payload = {
    name: profile.name,
    rateLimit: profile.rateLimit,
    localAddress: '',
    remoteAddress: '',
    onlyIfMissing: profile.onlyIfMissing ?? false,
    rateLimitOnly: true,
  };
  return enqueueJob(
    ctx,
    routerId,
    'ppp.profile.upsert',
    payload,
    `PPP profile ${profile.name}${profile.onlyIfMissing ? ' (if missing)' : ''}`,
  );
}

/** Moves a managed secret to another profile (plan change, isolir) and queues the router change. */
export async function setPppSecretProfile(
  ctx: HandlerContext,
  secretId: string,
  profile: string,
  label: string,
): Promise<RouterJob> {
  const row = await changeLoginRow(ctx, 'ppp_secrets', secretId, { profile });
  return enqueuePppSecretSync(ctx, row.router_id, [row.id], label);
}

/**
 * Gives a managed secret another static address (empty: the profile's pool) and/or password (sealed
 * in the secret store) and queues the router change (no kick: callers add it).
 */
export async function setPppSecretLogin(
  ctx: HandlerContext,
  secretId: string,
  change: { remoteAddress?: string; password?: string },
  label: string,
): Promise<RouterJob> {
  const columns = { remote_address: change.remoteAddress };
  const password = { secretName: pppSecretName(secretId), value: change.password };
  const row = await changeLoginRow(ctx, 'ppp_secrets', secretId, columns, password);
  return enqueuePppSecretSync(ctx, row.router_id, [row.id], label);
}

// ---- channels ------------------------------------------------------------------------------------

function liveSecret(
  ctx: Pick<HandlerContext, 'db'>,
  routerId: string,
  name: string,
): Promise<PppSecretRow | undefined> {
  return ctx.db
    .selectFrom('ppp_secrets')
    .selectAll()
    .where('router_id', '=', routerId)
    .where('name', '=', name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

function managedSecret(row: PppSecretRow, item: RouterRecord | undefined): PppSecret {
  return {
    id: row.id,
    routerItemId: item?.['.id'] ?? null,
    name: row.name,
    profile: row.profile,
    service: row.service,
    remoteAddress: row.remote_address,
    disabled: row.disabled === 1,
    comment: geraiComment(row.id, row.note),
    managed: true,
  };
}

function routerSecret(item: RouterRecord): PppSecret {
  return {
    id: null,
    routerItemId: item['.id'] ?? null,
    name: item.name ?? '',
    profile: item.profile ?? 'default',
    service: item.service ?? 'any',
    remoteAddress: item['remote-address'] ?? '',
    disabled: routerBool(item.disabled),
    comment: item.comment ?? '',
    managed: false,
  };
}

/** What the audit log keeps of a secret (never its password). */
function secretSummary(
  row: Pick<PppSecretRow, 'name' | 'profile' | 'service' | 'remote_address' | 'disabled' | 'note'>,
) {
  return {
    name: row.name,
    profile: row.profile,
    service: row.service,
    remoteAddress: row.remote_address,
    disabled: row.disabled === 1,
    note: row.note,
  };
}

const SECRET_PROPS = ['.id', 'name', 'profile', 'service', 'remote-address', 'disabled', 'comment'] as const;

/**
 * Gerai's secrets (its database state) merged with the router's own by name. When the router cannot
 * be reached, Gerai's secrets alone, none marked as on the router: the list never fails for that.
 */
export async function listPppSecrets(
  ctx: HandlerContext,
  input: ParsedInput<'network.ppp.secrets.list'>,
): Promise<PppSecret[]> {
  const router = await requireRouter(ctx, input.routerId);
  const rows = await ctx.db
    .selectFrom('ppp_secrets')
    .selectAll()
    .where('router_id', '=', router.id)
    .where('deleted_at', 'is', null)
    .execute();
  let items: RouterRecord[] = [];
  try {
    const client = await ctx.network.clients.get(ctx.store.db, router);
    items = await client.print('/ppp/secret', { proplist: SECRET_PROPS });
  } catch (error) {
    if (!(isRetryable(error) || error instanceof RouterLoginError)) throw asAppError(error, router.name);
    ctx.logger.info('router unreachable: listing Gerai’s PPP secrets only', { router: router.name });
  }
  const byName = new Map(items.map((item) => [item.name ?? '', item]));
  const out = rows.map((row) => managedSecret(row, byName.get(row.name)));
  const managed = new Set(rows.map((row) => row.name));
  for (const item of items) if (!managed.has(item.name ?? '')) out.push(routerSecret(item));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export async function upsertPppSecret(
  ctx: HandlerContext,
  input: ParsedInput<'network.ppp.secrets.upsert'>,
): Promise<{ secret: PppSecret; job: RouterJob }> {
  await requireRouter(ctx, input.routerId);
  const existing = await liveSecret(ctx, input.routerId, input.name);
  const fields = {
    profile: input.profile,
    service: input.service,
    remote_address: input.remoteAddress,
    disabled: input.disabled ? 1 : 0,
    note: input.note,
  };
  let row: PppSecretRow;
  if (existing) {
    await ctx.writer.update(ctx.db, 'ppp_secrets', existing.id, fields);
    row = { ...existing, ...fields };
  } else {
    if (!input.password) {
      throw new AppError(
        'VALIDATION',
        { id: 'Secret baru perlu kata sandi.', en: 'A new secret needs a password.' },
        { fields: { password: 'required for a new secret' } },
      );
    }
    row = await ctx.writer.insert(ctx.db, 'ppp_secrets', {
      router_id: input.routerId,
      name: input.name,
      ...fields,
    });
  }
  if (input.password)
    await storeSecret(ctx.db, ctx.secrets, pppSecretName(row.id), input.password, ctx.clock.now());
  const job = await enqueuePppSecretSync(
    ctx,
    input.routerId,
    [row.id],
    `PPP ${row.name}: ${existing ? 'update' : 'create'}`,
  );
  await ctx.audit({
    entity: 'ppp_secret',
    entityId: row.id,
    before: existing ? secretSummary(existing) : null,
    after: { ...secretSummary(row), passwordChanged: Boolean(input.password), jobId: job.id },
  });
  return { secret: managedSecret(row, undefined), job };
}

export async function removePppSecret(
  ctx: HandlerContext,
  input: ParsedInput<'network.ppp.secrets.remove'>,
): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const row = await liveSecret(ctx, input.routerId, input.name);
  if (!row) {
    throw new AppError('NOT_FOUND', {
      id: `Gerai tidak mengelola secret ${input.name} di router ini.`,
      en: `Gerai manages no secret named ${input.name} on this router.`,
    });
  }
  await ctx.writer.softDelete(ctx.db, 'ppp_secrets', row.id);
  await deleteSecret(ctx.db, pppSecretName(row.id));
  const job = await enqueuePppSecretSync(ctx, input.routerId, [row.id], `PPP ${row.name}: remove`);
  await ctx.audit({
    entity: 'ppp_secret',
    entityId: row.id,
    before: secretSummary(row),
    after: { removed: true, jobId: job.id },
  });
  return job;
}

export async function listPppProfiles(ctx: HandlerContext, input: ParsedInput<'network.ppp.profiles.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/ppp/profile'));
  return rows.map((row) => ({
    routerItemId: row['.id'] ?? '',
    name: row.name ?? '',
    rateLimit: row['rate-limit'] ?? '',
    localAddress: row['local-address'] ?? '',
    remoteAddress: row['remote-address'] ?? '',
  }));
}

export async function upsertPppProfile(
  ctx: HandlerContext,
  input: ParsedInput<'network.ppp.profiles.upsert'>,
): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const { routerId, ...profile } = input;
  const job = await enqueueJob(ctx, routerId, 'ppp.profile.upsert', profile, `PPP profile ${input.name}`);
  await ctx.audit({
    entity: 'ppp_profile',
    entityId: null,
    before: null,
    after: { routerId, ...profile, jobId: job.id },
  });
  return job;
}

export async function listPppActive(ctx: HandlerContext, input: ParsedInput<'network.ppp.active.list'>) {
  const rows = await readFromRouter(ctx, input.routerId, (client) => client.print('/ppp/active'));
  return rows.map((row) => ({
    routerItemId: row['.id'] ?? '',
    name: row.name ?? '',
    service: row.service ?? '',
    callerId: row['caller-id'] ?? '',
    address: row.address ?? '',
    uptime: row.uptime ?? '',
  }));
}

export async function kickPppActive(
  ctx: HandlerContext,
  input: ParsedInput<'network.ppp.active.kick'>,
): Promise<RouterJob> {
  await requireRouter(ctx, input.routerId);
  const job = await enqueuePppKick(ctx, input.routerId, input.name);
  await ctx.audit({
    entity: 'ppp_session',
    entityId: null,
    before: null,
    after: { routerId: input.routerId, name: input.name, jobId: job.id },
  });
  return job;
}

// ---- router operations ---------------------------------------------------------------------------

export const pppOperations: Pick<
  JobOperations,
  'ppp.secret.sync' | 'ppp.active.kick' | 'ppp.profile.upsert'
> = {
  /**
   * The batch path: every secret at once on the client's tagged commands (tagged-sync.ts). For a big
   * batch the whole menu is read once. Disabled secrets also lose their session.
   */
  async 'ppp.secret.sync'({ secretIds }, env) {
    const rows = await rowsByIds(secretIds, (chunk) =>
      env.db
        .selectFrom('ppp_secrets')
        .selectAll()
        .where('id', 'in', chunk)
        .where('router_id', '=', env.router.id)
        .execute(),
    );
    return syncTaggedItems(env, {
      menu: '/ppp/secret',
      rows,
      secretName: pppSecretName,
      attributes: (row, password) => ({
        name: row.name,
        password,
        service: row.service,
        profile: row.profile,
        'remote-address': row.remote_address || undefined,
        disabled: row.disabled === 1,
        comment: geraiComment(row.id, row.note),
      }),
      clearable: ['remote-address'],
      printMenuForMany: true,
      kick: async (names) => {
        const sessions = await itemsByKey(env.client, '/ppp/active', names, { proplist: ['.id', 'name'] });
        return removeItems(env.client, '/ppp/active', [...sessions.values()].flat());
      },
    });
  },

  async 'ppp.active.kick'({ name }, { client }) {
    const sessions = await client.print('/ppp/active', { query: { name }, proplist: ['.id', 'name'] });
    return { kicked: await removeItems(client, '/ppp/active', sessions) };
  },

  async 'ppp.profile.upsert'(
    { name, rateLimit, localAddress, remoteAddress, onlyIfMissing, rateLimitOnly },
    { client },
  ) {
    const values: Record<string, string> = {
      'rate-limit': rateLimit,
      'local-address': localAddress,
      'remote-address': remoteAddress,
    };
    const [item] = await client.print('/ppp/profile', {
      query: { name },
      proplist: ['.id', 'name', ...Object.keys(values)],
    });
    const set = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
    if (!item?.['.id']) {
      await client.add('/ppp/profile', { name, ...set });
      return { added: 1 };
    }
    if (onlyIfMissing) return { kept: 1 };
    const id = item['.id'];
    if (rateLimitOnly) {
      if (rateLimit !== '') await client.set('/ppp/profile', id, { 'rate-limit': rateLimit });
      else if (item['rate-limit']) await client.unset('/ppp/profile', id, 'rate-limit');
      return { updated: 1 };
    }
    await client.set('/ppp/profile', id, set);
    // An empty field means "none": clear what the router has.
    await settleAll(
      Object.keys(values).filter((key) => values[key] === '' && item[key] !== undefined && item[key] !== ''),
      (key) => client.unset('/ppp/profile', id, key),
    );
    return { updated: 1 };
  },
};
