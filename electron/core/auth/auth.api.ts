import type { HandlerSlice } from '../api-types';
import { changePassword, login, logout, me } from './auth.service';

export const authApi = {
  'auth.session.login': login,
  'auth.session.logout': (ctx) => logout(ctx),
  'auth.session.me': (ctx) => me(ctx),
  'auth.password.change': changePassword,
} satisfies HandlerSlice<'auth.session.login' | 'auth.session.logout' | 'auth.session.me' | 'auth.password.change'>;
