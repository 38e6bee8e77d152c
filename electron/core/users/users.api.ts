import type { HandlerSlice } from '../api-types';
import { createUser, disableUser, listUsers, updateUser } from './users.service';

export const usersApi = {
  'users.list': listUsers,
  'users.create': createUser,
  'users.update': updateUser,
  'users.disable': disableUser,
} satisfies HandlerSlice<'users.list' | 'users.create' | 'users.update' | 'users.disable'>;
