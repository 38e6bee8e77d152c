import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Users with their role's key, name and permissions; soft-deleted rows excluded. */
export function selectUsersWithRole(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .selectAll('users')
    .select(['roles.name as role_name', 'roles.key as role_key', 'roles.permissions as role_permissions'])
    .where('users.deleted_at', 'is', null);
}

export type UserWithRoleRow = Awaited<ReturnType<ReturnType<typeof selectUsersWithRole>['executeTakeFirstOrThrow']>>;

export function findUserById(db: Db, id: string) {
  return selectUsersWithRole(db).where('users.id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Db, username: string) {
  return selectUsersWithRole(db).where('users.username', '=', username).executeTakeFirst();
}

export async function countActiveOwners(db: Db, exceptUserId?: string): Promise<number> {
  let query = db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('roles.key', '=', 'owner')
    .where('users.disabled', '=', 0)
    .where('users.deleted_at', 'is', null);
  if (exceptUserId) query = query.where('users.id', '!=', exceptUserId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
