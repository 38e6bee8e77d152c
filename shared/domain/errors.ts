/** Every error code a channel can answer with. A closed set: the renderer switches over it. */
export const APP_ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'INSUFFICIENT_STOCK',
  'ROUTER_UNREACHABLE',
  'SCHEMA_TOO_NEW',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Field path (dot-joined) → message. */
export type FieldErrors = Record<string, string>;

export type ErrorBody = { code: AppErrorCode; message: string; fields?: FieldErrors };

/** The envelope every channel answers with, over Electron IPC and HTTP alike. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
