import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../../shared/contract/index';
import { DEFAULT_ROLE_KEYS, DEFAULT_ROLE_PERMISSIONS, type DefaultRoleKey } from '../../../shared/domain/permissions';
import type { ParsedInput } from '../api-types';
import type { CoreDeps, HandlerContext } from '../context';
import type { DB, RoleRow } from '../db/schema';
import { AppError, notFound } from '../platform/errors';
import { permissionsOf } from './role-permissions';

type Db = Kysely<DB> | Transaction<DB>;

const ROLE = { id: 'Peran', en: 'Role' };

export const DEFAULT_ROLE_NAMES: Record<DefaultRoleKey, string> = {
  owner: 'Pemilik',
  manager: 'Manajer',
  cashier: 'Kasir',
  technician: 'Teknisi',
  warehouse: 'Gudang',
};

export function findRoleById(db: Db, id: string) {
  return db.selectFrom('roles').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export function findRoleByKey(db: Db, key: DefaultRoleKey) {
  return db.selectFrom('roles').selectAll().where('key', '=', key).where('deleted_at', 'is', null).executeTakeFirst();
}

async function userCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['role_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .groupBy('role_id')
    .execute();
  return new Map(rows.map((row) => [row.role_id, Number(row.n)]));
}

function toRole(row: RoleRow, userCount: number): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    permissions: permissionsOf(row),
    system: row.system === 1,
    userCount,
  };
}

async function roleOut(db: Db, id: string): Promise<Role> {
  const row = (await findRoleById(db, id))!;
  return toRole(row, (await userCounts(db)).get(id) ?? 0);
}

/** Creates the five default roles; part of first-run setup. */
export async function seedDefaultRoles(db: Db, deps: Pick<CoreDeps, 'writer'>): Promise<void> {
  for (const key of DEFAULT_ROLE_KEYS) {
    await deps.writer.insert(db, 'roles', {
      key,
      name: DEFAULT_ROLE_NAMES[key],
      permissions: JSON.stringify(DEFAULT_ROLE_PERMISSIONS[key]),
      system: 1,
    });
  }
}

export async function listRoles(ctx: HandlerContext): Promise<Role[]> {
  const rows = await ctx.db.selectFrom('roles').selectAll().where('deleted_at', 'is', null).orderBy('system', 'desc').orderBy('name').execute();
  const counts = await userCounts(ctx.db);
  return rows.map((row) => toRole(row, counts.get(row.id) ?? 0));
}

async function assertNameFree(ctx: HandlerContext, name: string, exceptId?: string) {
  let query = ctx.db.selectFrom('roles').select('id').where('deleted_at', 'is', null).where(({ eb, fn }) => eb(fn('lower', ['name']), '=', name.toLowerCase()));
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', { id: `Peran "${name}" sudah ada.`, en: `Role "${name}" already exists.` }, { fields: { name: 'taken' } });
  }
}

export async function createRole(ctx: HandlerContext, input: ParsedInput<'roles.create'>): Promise<Role> {
  await assertNameFree(ctx, input.name);
  const row = await ctx.writer.insert(ctx.db, 'roles', {
    key: null,
    name: input.name,
    permissions: JSON.stringify([...new Set(input.permissions)]),
    system: 0,
  });
  const role = await roleOut(ctx.db, row.id);
  await ctx.audit({ entity: 'role', entityId: role.id, before: null, after: role });
  return role;
}

export async function updateRole(ctx: HandlerContext, input: ParsedInput<'roles.update'>): Promise<Role> {
  const current = await findRoleById(ctx.db, input.id);
  if (!current) throw notFound(ROLE);
  if (current.key === 'owner') {
    throw new AppError('CONFLICT', { id: 'Peran Pemilik tidak dapat diubah.', en: 'The owner role cannot be changed.' });
  }
  const before = await roleOut(ctx.db, current.id);
  const patch: Partial<Pick<RoleRow, 'name' | 'permissions'>> = {};
  if (input.name !== undefined && input.name !== current.name) {
    if (current.system === 1) {
      throw new AppError(
        'CONFLICT',
        { id: 'Nama peran bawaan tidak dapat diubah.', en: 'A default role cannot be renamed.' },
        { fields: { name: 'default role' } },
      );
    }
    await assertNameFree(ctx, input.name, current.id);
    patch.name = input.name;
  }
  if (input.permissions !== undefined) patch.permissions = JSON.stringify([...new Set(input.permissions)]);
  await ctx.writer.update(ctx.db, 'roles', current.id, patch);
  const after = await roleOut(ctx.db, current.id);
  await ctx.audit({ entity: 'role', entityId: current.id, before, after });
  return after;
}
