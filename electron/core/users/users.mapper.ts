import type { SessionUser, User } from '../../../shared/contract/index';
import { permissionsOf } from '../roles/role-permissions';
import type { UserWithRoleRow } from './users.repository';

export function toUser(row: UserWithRoleRow): User {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roleId: row.role_id,
    roleName: row.role_name,
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export function toSessionUser(row: UserWithRoleRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    roleId: row.role_id,
    roleKey: row.role_key,
    roleName: row.role_name,
    permissions: permissionsOf({ key: row.role_key, permissions: row.role_permissions }),
  };
}
