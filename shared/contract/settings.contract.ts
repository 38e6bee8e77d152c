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
  /** Cash totals round to this step (0 = none). */
  cashRounding: z.union([z.literal(0), z.literal(100), z.literal(500), z.literal(1000)]),
  /** Cart discounts above this percent need someone holding pos.discount (or their PIN). */
  discountLimitPercent: z.number().int().min(0).max(100),
  /** PPN rate; DPP is 11/12 of the price (PMK 131/2024). */
  ppnRatePercent: z.number().min(0).max(100),
  /** The merchant's static QRIS string; empty when the shop takes no QRIS. */
  qrisStatic: z.string().trim().max(512),
  receiptWidth: z.union([z.literal(58), z.literal(80)]),
  /** host:port of an ESC/POS network printer, empty to save receipts to files. */
  receiptPrinter: z
    .string()
    .trim()
    .max(100)
    .regex(/^([A-Za-z0-9.-]+(:\d{1,5})?)?$/, 'host or host:port'),
  receiptFooter: z.string().max(300),
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
