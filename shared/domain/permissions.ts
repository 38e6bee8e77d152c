/** Every permission the product knows. Roles hold a subset; `owner` holds all of them. */
export const PERMISSIONS = [
  'dashboard.view',
  'users.view',
  'users.manage',
  'roles.manage',
  'audit.view',
  'settings.manage',
  'backup.manage',
  'pos.sell',
  'pos.discount',
  'pos.void',
  'inventory.view',
  'inventory.manage',
  'inventory.adjust',
  'orders.view',
  'orders.manage',
  'customers.view',
  'customers.manage',
  'billing.view',
  'billing.collect',
  'billing.manage',
  'network.view',
  'network.manage',
  'reports.view',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Who may call a channel: nobody signed in (`public`), anyone signed in, or holders of one permission. */
export type Access = 'public' | 'authenticated' | Permission;

export const DEFAULT_ROLE_KEYS = ['owner', 'manager', 'cashier', 'technician', 'warehouse'] as const;
export type DefaultRoleKey = (typeof DEFAULT_ROLE_KEYS)[number];

/** The permissions each default role starts with. Owners always hold every permission. */
export const DEFAULT_ROLE_PERMISSIONS: Record<DefaultRoleKey, readonly Permission[]> = {
  owner: PERMISSIONS,
  manager: [
    'dashboard.view',
    'users.view',
    'audit.view',
    'pos.sell',
    'pos.discount',
    'pos.void',
    'inventory.view',
    'inventory.manage',
    'inventory.adjust',
    'orders.view',
    'orders.manage',
    'customers.view',
    'customers.manage',
    'billing.view',
    'billing.collect',
    'billing.manage',
    'network.view',
    'reports.view',
  ],
  cashier: ['dashboard.view', 'pos.sell', 'inventory.view', 'orders.view', 'customers.view', 'billing.collect'],
  technician: ['dashboard.view', 'network.view', 'network.manage', 'customers.view'],
  warehouse: ['dashboard.view', 'inventory.view', 'inventory.manage', 'orders.view'],
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** True when a holder of `granted` may use something guarded by `access`. */
export function allows(granted: readonly Permission[], access: Access, signedIn: boolean): boolean {
  if (access === 'public') return true;
  if (!signedIn) return false;
  if (access === 'authenticated') return true;
  return granted.includes(access);
}
