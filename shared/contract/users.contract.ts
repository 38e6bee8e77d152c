import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs, Id, Password, PermissionSchema, PersonName, Username } from './common.schema';

export const User = z.strictObject({
  id: Id,
  username: z.string(),
  name: z.string(),
  roleId: Id,
  roleName: z.string(),
  disabled: z.boolean(),
  lockedUntil: EpochMs.nullable(),
  lastLoginAt: EpochMs.nullable(),
  createdAt: EpochMs,
});
export type User = z.infer<typeof User>;

export const Role = z.strictObject({
  id: Id,
  key: z.string().nullable(),
  name: z.string(),
  permissions: z.array(PermissionSchema),
  /** Default roles cannot be renamed; the owner role cannot be changed at all. */
  system: z.boolean(),
  userCount: z.number().int().nonnegative(),
});
export type Role = z.infer<typeof Role>;

const RoleName = z.string().trim().min(2).max(40);

export const usersChannels = defineChannels({
  'users.list': {
    summary: 'Every user of this branch, disabled ones included.',
    input: z.strictObject({ search: z.string().max(80).optional() }),
    output: z.array(User),
    access: 'users.view',
    writes: false,
  },
  'users.create': {
    summary: 'Adds a user with a role.',
    input: z.strictObject({ username: Username, name: PersonName, password: Password, roleId: Id }),
    output: User,
    access: 'users.manage',
    writes: true,
  },
  'users.update': {
    summary: 'Renames a user, changes their role, resets their password or re-enables them; unlocks a locked account.',
    input: z.strictObject({
      id: Id,
      name: PersonName.optional(),
      roleId: Id.optional(),
      password: Password.optional(),
      disabled: z.boolean().optional(),
      unlock: z.literal(true).optional(),
    }),
    output: User,
    access: 'users.manage',
    writes: true,
  },
  'users.disable': {
    summary: 'Disables a user and ends their sessions. The last active owner cannot be disabled.',
    input: z.strictObject({ id: Id }),
    output: User,
    access: 'users.manage',
    writes: true,
  },
  'roles.list': {
    summary: 'Default and custom roles with their permissions.',
    input: z.strictObject({}),
    output: z.array(Role),
    access: 'users.view',
    writes: false,
  },
  'roles.create': {
    summary: 'Adds a custom role.',
    input: z.strictObject({ name: RoleName, permissions: z.array(PermissionSchema).max(100) }),
    output: Role,
    access: 'roles.manage',
    writes: true,
  },
  'roles.update': {
    summary: 'Changes a role’s permissions (and a custom role’s name). The owner role is fixed.',
    input: z.strictObject({ id: Id, name: RoleName.optional(), permissions: z.array(PermissionSchema).max(100).optional() }),
    output: Role,
    access: 'roles.manage',
    writes: true,
  },
});
