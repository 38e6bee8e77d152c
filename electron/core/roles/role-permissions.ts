import { PERMISSIONS, isPermission, type Permission } from '../../../shared/domain/permissions';

/** The permissions a role row grants. The owner role always grants every permission, new ones included. */
export function permissionsOf(role: { key: string | null; permissions: string }): Permission[] {
  if (role.key === 'owner') return [...PERMISSIONS];
  try {
    const parsed: unknown = JSON.parse(role.permissions);
    return Array.isArray(parsed) ? parsed.filter((p): p is Permission => typeof p === 'string' && isPermission(p)) : [];
  } catch {
    return [];
  }
}
