import type { HandlerSlice } from '../api-types';
import { createRole, listRoles, updateRole } from './roles.service';

export const rolesApi = {
  'roles.list': (ctx) => listRoles(ctx),
  'roles.create': createRole,
  'roles.update': updateRole,
} satisfies HandlerSlice<'roles.list' | 'roles.create' | 'roles.update'>;
