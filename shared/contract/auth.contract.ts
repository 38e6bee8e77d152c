import { z } from 'zod';
import { defineChannels } from './channel';
import { Empty, Id, Ok, Password, PermissionSchema } from './common.schema';

export const SessionUser = z.strictObject({
  id: Id,
  username: z.string(),
  name: z.string(),
  roleId: Id,
  /** owner, manager, cashier, technician, warehouse — null for a custom role. */
  roleKey: z.string().nullable(),
  roleName: z.string(),
  permissions: z.array(PermissionSchema),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const authChannels = defineChannels({
  'auth.session.login': {
    summary: 'Signs in. Five wrong passwords lock the account for five minutes (LOCKED).',
    input: z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(200) }),
    output: z.strictObject({ token: z.string(), user: SessionUser, idleTimeoutMinutes: z.number().int().positive() }),
    access: 'public',
    writes: true,
  },
  'auth.session.logout': {
    summary: 'Ends the current session.',
    input: Empty,
    output: Ok,
    access: 'authenticated',
    writes: true,
  },
  'auth.session.me': {
    summary: 'The signed-in user, with the permissions of their role.',
    input: Empty,
    output: z.strictObject({ user: SessionUser, idleTimeoutMinutes: z.number().int().positive() }),
    access: 'authenticated',
    writes: false,
  },
  'auth.password.change': {
    summary: 'Changes the signed-in user’s own password.',
    input: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password }),
    output: Ok,
    access: 'authenticated',
    writes: true,
  },
});
