import { z } from 'zod';
import { defineChannels } from './channel';
import { Empty } from './common.schema';

const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

export const Settings = z.strictObject({
  branchName: z.string().trim().min(1).max(100),
  branchAddress: z.string().trim().max(300),
  branchPhone: z.string().trim().max(30),
  /** NPWP, shown on receipts and invoices when the branch is PKP. 15 or 16 digits. */
  npwp: z.string().trim().regex(/^(\d{15}|\d{16})?$/, 'NPWP: 15 or 16 digits'),
  pkp: z.boolean(),
  timeZone,
  language: z.enum(['id', 'en']),
  idleTimeoutMinutes: z.number().int().min(1).max(720),
});
export type Settings = z.infer<typeof Settings>;

export const settingsChannels = defineChannels({
  'settings.get': {
    summary: 'The branch profile, time zone, default language and idle timeout.',
    input: Empty,
    output: Settings,
    access: 'authenticated',
    writes: false,
  },
  'settings.update': {
    summary: 'Changes any of the branch settings.',
    input: Settings.partial().strict(),
    output: Settings,
    access: 'settings.manage',
    writes: true,
  },
});
