import { z } from 'zod';
import { PERMISSIONS } from '../domain/permissions';

export const Id = z.string().uuid();
export const EpochMs = z.number().int().nonnegative();
export const Empty = z.strictObject({});
export const Ok = z.strictObject({ ok: z.literal(true) });
export const PermissionSchema = z.enum(PERMISSIONS);

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'username: 3–32 letters, digits, dot, dash or underscore');
export const PersonName = z.string().trim().min(1).max(80);
/** At least 8 characters; more is better. Length is capped so scrypt cannot be fed megabytes. */
export const Password = z.string().min(8).max(200);
