import type { HandlerSlice } from '../api-types';
import { createBackup, listBackups, scheduleRestore } from './backup.service';

export const backupApi = {
  'backup.create': (ctx) => createBackup(ctx),
  'backup.list': (ctx) => listBackups(ctx),
  'backup.restore': scheduleRestore,
} satisfies HandlerSlice<'backup.create' | 'backup.list' | 'backup.restore'>;
