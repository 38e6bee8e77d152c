import type { HandlerSlice } from '../api-types';
import { createOwner, setupStatus } from './setup.service';

export const setupApi = {
  'setup.status': (ctx) => setupStatus(ctx),
  'setup.owner.create': createOwner,
} satisfies HandlerSlice<'setup.status' | 'setup.owner.create'>;
