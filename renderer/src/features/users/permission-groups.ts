import { PERMISSIONS, type Permission } from '../../../../shared/domain/permissions';

export type PermissionGroup =
  'general' | 'users' | 'pos' | 'inventory' | 'orders' | 'customers' | 'billing' | 'network' | 'reports';

function groupOf(permission: Permission): PermissionGroup {
  const domain = permission.slice(0, permission.indexOf('.'));
  switch (domain) {
    case 'users':
    case 'roles':
      return 'users';
    case 'pos':
    case 'inventory':
    case 'orders':
    case 'customers':
    case 'billing':
    case 'network':
    case 'reports':
      return domain;
    default:
      return 'general';
  }
}

/** Every permission, grouped by the domain it guards, in the order the product lists them. */
export const PERMISSION_GROUPS: readonly { group: PermissionGroup; permissions: readonly Permission[] }[] =
  (() => {
    const groups = new Map<PermissionGroup, Permission[]>();
    for (const permission of PERMISSIONS) {
      const group = groupOf(permission);
      groups.set(group, [...(groups.get(group) ?? []), permission]);
    }
    return [...groups].map(([group, permissions]) => ({ group, permissions }));
  })();
