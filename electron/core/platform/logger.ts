import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

type Level = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<Level, (message: string, context?: Record<string, unknown>) => void>;

/** Keys whose values are secrets: matched at the end of the name (`managerPin`, `password_hash`, `apiKey`). */
const SECRET_KEY = /(pass|password|passwd|secret|token|pin|hash|salt|apikey|api_key|privatekey|private_key|serverkey|authorization|cookie)$/i;

/** Replaces the values of secret-looking keys, at any depth, with a marker. */
export function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  // Too deep to walk: drop it rather than pass along secrets nobody looked at.
  if (depth > 6) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1);
  }
  return out;
}

/** JSON-lines logger to a file (and stderr for warnings and errors). Context is always redacted. */
export function createLogger(file: string | null, options: { echo?: boolean } = {}): Logger {
  if (file) mkdirSync(dirname(file), { recursive: true });
  const write = (level: Level, message: string, context?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...(redact(context ?? {}) as object) });
    if (file) appendFileSync(file, line + '\n');
    if (options.echo || level === 'error' || (level === 'warn' && !file)) process.stderr.write(line + '\n');
  };
  return {
    debug: (m, c) => write('debug', m, c),
    info: (m, c) => write('info', m, c),
    warn: (m, c) => write('warn', m, c),
    error: (m, c) => write('error', m, c),
  };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
