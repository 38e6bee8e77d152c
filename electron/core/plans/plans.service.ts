import { sql } from 'kysely';
import { rateLimitOf, type Plan } from '../../../shared/contract/plans.contract';
import type { ParsedInput } from '../api-types';
import type { HandlerContext } from '../context';
import { AppError, notFound } from '../platform/errors';
import { ensurePlanProfiles, followPlanProfile } from '../subscriptions/subscription-provisioning';
import type { PlanRow } from './plans.tables';

type Db = Pick<HandlerContext, 'db'>;

function selectPlans(ctx: Db) {
  return ctx.db
    .selectFrom('plans as p')
    .selectAll('p')
    .select(
      sql<number>`(SELECT count(*) FROM subscriptions s WHERE s.plan_id = p.id AND s.deleted_at IS NULL AND s.state != 'terminated')`.as(
        'live_subscriptions',
      ),
    )
    .where('p.deleted_at', 'is', null);
}

function toPlan(row: PlanRow & { live_subscriptions: number }): Plan {
  return {
    id: row.id,
    name: row.name,
    service: row.service,
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    rateLimit: rateLimitOf(row.upload_kbps, row.download_kbps),
    price: row.price,
    taxMode: row.tax_mode,
    routerProfile: row.router_profile,
    isolirMethod: row.isolir_method,
    isolirProfile: row.isolir_profile,
    isolirAddressList: row.isolir_address_list,
    installationFee: row.installation_fee,
    notes: row.notes,
    archived: row.archived === 1,
    liveSubscriptions: Number(row.live_subscriptions),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function planOut(ctx: Db, id: string): Promise<Plan> {
  const row = await selectPlans(ctx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound({ id: 'Paket', en: 'Plan' });
  return toPlan(row);
}

/** The plan row (live); NOT_FOUND otherwise. */
export async function requirePlan(ctx: Db, id: string): Promise<PlanRow> {
  const row = await ctx.db
    .selectFrom('plans')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound({ id: 'Paket', en: 'Plan' });
  return row;
}

export async function listPlans(ctx: HandlerContext, input: ParsedInput<'plans.list'>): Promise<Plan[]> {
  let query = selectPlans(ctx);
  if (!input.includeArchived) query = query.where('p.archived', '=', 0);
  if (input.query) {
    const like = `%${input.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(p.name LIKE ${like} ESCAPE '\\' OR p.router_profile LIKE ${like} ESCAPE '\\')`,
    );
  }
  const rows = await query.orderBy('p.archived').orderBy('p.price').orderBy('p.name').execute();
  return rows.map(toPlan);
}

async function assertNameFree(ctx: Db, name: string, exceptId?: string) {
  let query = ctx.db
    .selectFrom('plans')
    .select('id')
    .where(sql<boolean>`name = ${name} COLLATE NOCASE`)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError(
      'CONFLICT',
      { id: `Sudah ada paket bernama ${name}.`, en: `A plan named ${name} already exists.` },
      { fields: { name: 'already used' } },
    );
  }
}

/** The isolir settings must name what their method needs (checked again after a partial update). */
function assertIsolirSettings(
  plan: Pick<PlanRow, 'isolir_method' | 'isolir_profile' | 'isolir_address_list' | 'router_profile'>,
) {
  if (plan.isolir_method === 'profile' && !plan.isolir_profile) {
    throw new AppError(
      'VALIDATION',
      {
        id: 'Isolir lewat profil perlu nama profil isolir.',
        en: 'Isolir by profile needs an isolir profile name.',
      },
      { fields: { isolirProfile: 'required when isolir is by profile' } },
    );
  }
  if (plan.isolir_method === 'profile' && plan.isolir_profile === plan.router_profile) {
    throw new AppError(
      'VALIDATION',
      {
        id: 'Profil isolir harus berbeda dari profil paket.',
        en: 'The isolir profile must differ from the plan’s profile.',
      },
      { fields: { isolirProfile: 'must differ from the plan’s own profile' } },
    );
  }
  if (plan.isolir_method === 'address-list' && !plan.isolir_address_list) {
    throw new AppError(
      'VALIDATION',
      { id: 'Isolir lewat address-list perlu nama daftar.', en: 'Isolir by address list needs a list name.' },
      { fields: { isolirAddressList: 'required when isolir is by address list' } },
    );
  }
}

function summary(row: PlanRow) {
  return {
    name: row.name,
    service: row.service,
    downloadKbps: row.download_kbps,
    uploadKbps: row.upload_kbps,
    price: row.price,
    taxMode: row.tax_mode,
    routerProfile: row.router_profile,
    isolirMethod: row.isolir_method,
    isolirProfile: row.isolir_profile,
    isolirAddressList: row.isolir_address_list,
    installationFee: row.installation_fee,
    archived: row.archived === 1,
  };
}

export async function createPlan(ctx: HandlerContext, input: ParsedInput<'plans.create'>): Promise<Plan> {
  await assertNameFree(ctx, input.name);
  const row = await ctx.writer.insert(ctx.db, 'plans', {
    name: input.name,
    service: input.service,
    download_kbps: input.downloadKbps,
    upload_kbps: input.uploadKbps,
    price: input.price,
    tax_mode: input.taxMode,
    router_profile: input.routerProfile,
    isolir_method: input.isolirMethod,
    isolir_profile: input.isolirProfile,
    isolir_address_list: input.isolirAddressList,
    installation_fee: input.installationFee,
    archived: 0,
    notes: input.notes,
  });
  await ctx.audit({ entity: 'plan', entityId: row.id, before: null, after: summary(row) });
  return planOut(ctx, row.id);
}

/**
 * Changes a plan. Speeds and the router profile take effect on the routers of its live subscriptions
 * (profile upserted, secrets moved and sessions kicked); isolir settings cannot change under isolated
 * subscriptions, and address-list isolir needs every live subscription to have a static IP.
 */
export async function updatePlan(ctx: HandlerContext, input: ParsedInput<'plans.update'>): Promise<Plan> {
  const before = await requirePlan(ctx, input.id);
  if (input.name !== undefined) await assertNameFree(ctx, input.name, before.id);
  const after: PlanRow = {
    ...before,
    name: input.name ?? before.name,
    download_kbps: input.downloadKbps ?? before.download_kbps,
    upload_kbps: input.uploadKbps ?? before.upload_kbps,
    price: input.price ?? before.price,
    tax_mode: input.taxMode ?? before.tax_mode,
    router_profile: input.routerProfile ?? before.router_profile,
    isolir_method: input.isolirMethod ?? before.isolir_method,
    isolir_profile: input.isolirProfile ?? before.isolir_profile,
    isolir_address_list: input.isolirAddressList ?? before.isolir_address_list,
    installation_fee: input.installationFee ?? before.installation_fee,
    notes: input.notes ?? before.notes,
  };
  assertIsolirSettings(after);
  const live = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('plan_id', '=', before.id)
    .where('deleted_at', 'is', null)
    .where('state', 'in', ['active', 'isolated'])
    .execute();
  const isolirChanged =
    after.isolir_method !== before.isolir_method ||
    after.isolir_profile !== before.isolir_profile ||
    after.isolir_address_list !== before.isolir_address_list;
  if (isolirChanged && live.some((sub) => sub.state === 'isolated')) {
    const count = live.filter((sub) => sub.state === 'isolated').length;
    throw new AppError('CONFLICT', {
      id: `${count} langganan paket ini sedang terisolir: aktifkan kembali dulu sebelum mengubah cara isolir.`,
      en: `${count} subscription(s) on this plan are isolated: reactivate them before changing how isolir works.`,
    });
  }
  if (after.isolir_method === 'address-list') {
    const without = live.filter((sub) => !sub.remote_address);
    if (without.length > 0) {
      throw new AppError(
        'CONFLICT',
        {
          id: `Isolir lewat address-list perlu IP statis, tetapi ${without.length} langganan paket ini tidak punya (mis. ${without[0]!.code}).`,
          en: `Address-list isolir needs static IPs, but ${without.length} subscription(s) on this plan have none (e.g. ${without[0]!.code}).`,
        },
        { fields: { isolirMethod: 'live subscriptions without a static IP' } },
      );
    }
  }
  await ctx.writer.update(ctx.db, 'plans', before.id, {
    name: after.name,
    download_kbps: after.download_kbps,
    upload_kbps: after.upload_kbps,
    price: after.price,
    tax_mode: after.tax_mode,
    router_profile: after.router_profile,
    isolir_method: after.isolir_method,
    isolir_profile: after.isolir_profile,
    isolir_address_list: after.isolir_address_list,
    installation_fee: after.installation_fee,
    notes: after.notes,
  });
  const jobIds: string[] = [];
  const speedChanged =
    after.download_kbps !== before.download_kbps || after.upload_kbps !== before.upload_kbps;
  const profileChanged = after.router_profile !== before.router_profile;
  if (speedChanged || profileChanged || isolirChanged) {
    for (const routerId of new Set(live.map((sub) => sub.router_id)))
      jobIds.push(...(await ensurePlanProfiles(ctx, routerId, after)));
  }
  if (profileChanged) {
    // Isolated subscriptions stay on the isolir profile (by profile) until reactivated onto the new one.
    for (const sub of live) {
      if (sub.state === 'isolated' && after.isolir_method === 'profile') continue;
      jobIds.push(...(await followPlanProfile(ctx, sub, after)));
    }
  }
  await ctx.audit({
    entity: 'plan',
    entityId: before.id,
    before: summary(before),
    after: { ...summary(after), jobIds },
  });
  return planOut(ctx, before.id);
}

export async function archivePlan(ctx: HandlerContext, input: ParsedInput<'plans.archive'>): Promise<Plan> {
  const before = await requirePlan(ctx, input.id);
  if (input.archived && before.archived === 0) {
    await ctx.writer.update(ctx.db, 'plans', before.id, { archived: 1 });
  } else if (!input.archived && before.archived === 1) {
    await assertNameFree(ctx, before.name, before.id);
    await ctx.writer.update(ctx.db, 'plans', before.id, { archived: 0 });
  }
  await ctx.audit({
    entity: 'plan',
    entityId: before.id,
    before: { archived: before.archived === 1 },
    after: { archived: input.archived },
  });
  return planOut(ctx, before.id);
}
