import { z } from 'zod';
import { defineChannels } from './channel';
import { EpochMs } from './common.schema';

export const BackupFile = z.strictObject({ fileName: z.string(), bytes: z.number().int(), createdAt: EpochMs });
export type BackupFile = z.infer<typeof BackupFile>;

const fileName = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.db$/, 'a backup file name ending in .db');

export const backupChannels = defineChannels({
  'backup.create': {
    summary: 'Copies the live database to a new file in the backups folder, online.',
    input: z.strictObject({}),
    output: BackupFile,
    access: 'backup.manage',
    writes: false,
  },
  'backup.list': {
    summary: 'Backup files in the backups folder, newest first.',
    input: z.strictObject({}),
    output: z.array(BackupFile),
    access: 'backup.manage',
    writes: false,
  },
  'backup.restore': {
    summary: 'Checks a backup and restores it at the next start; the current database is kept beside it.',
    input: z.strictObject({ fileName }),
    output: z.strictObject({ restartRequired: z.literal(true) }),
    access: 'backup.manage',
    writes: false,
  },
});
