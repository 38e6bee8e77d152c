import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract/index';
import type { ErrorBody, FieldErrors, Locale, Result } from '../../shared/domain/errors';
import { allows } from '../../shared/domain/permissions';
import { api } from './api';
import type { Handler } from './api-types';
import { appendAudit } from './audit/audit.service';
import { resolveSession } from './auth/auth.service';
import type { AuditInput, CoreDeps, HandlerContext, Session } from './context';
import type { DB } from './db/schema';
import { redact } from './platform/logger';
import { AppError } from './platform/errors';

/** What the transport knows about a call besides the channel and its input. */
export type CallMeta = { token?: string | null; locale?: Locale };

export type Dispatch = (channel: string, input: unknown, meta?: CallMeta) => Promise<Result<unknown>>;

/** zod's own messages in the caller's language (custom messages in the schemas stay as written). */
const LOCALE_ERRORS = { id: z.locales.id().localeError, en: z.locales.en().localeError };

function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  return fields;
}

function failure(error: AppError, locale: Locale): { ok: false; error: ErrorBody } {
  return {
    ok: false,
    error: { code: error.code, message: error.messageFor(locale), ...(error.fields ? { fields: error.fields } : {}) },
  };
}

const errors = {
  unknownChannel: (channel: string) =>
    new AppError('NOT_FOUND', { id: `Kanal tidak dikenal: ${channel}`, en: `Unknown channel: ${channel}` }),
  invalid: (fields: FieldErrors) =>
    new AppError('VALIDATION', { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' }, { fields }),
  signIn: () => new AppError('UNAUTHENTICATED', { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' }),
  forbidden: () =>
    new AppError('FORBIDDEN', { id: 'Anda tidak punya izin untuk tindakan ini.', en: 'You do not have permission to do this.' }),
  internal: () =>
    new AppError('INTERNAL', { id: 'Terjadi kesalahan internal. Sudah dicatat.', en: 'Something went wrong inside Gerai. It has been logged.' }),
};

/**
 * The one dispatcher behind Electron IPC and the web host: parse → authenticate → authorize → run (in
 * one transaction when the channel writes, with an audit entry) → check the output → envelope.
 * It never throws: every failure becomes `{ ok: false, error }`, unknown ones `INTERNAL` plus a log line.
 */
export function createDispatcher(deps: CoreDeps): Dispatch {
  return async (channel, rawInput, meta = {}) => {
    const locale: Locale = meta.locale === 'en' ? 'en' : 'id';
    try {
      if (!isChannel(channel)) throw errors.unknownChannel(channel);
      const spec = contract[channel];
      const parsed = spec.input.safeParse(rawInput ?? {}, { error: LOCALE_ERRORS[locale] });
      if (!parsed.success) throw errors.invalid(fieldErrors(parsed.error));

      let session: Session | null = null;
      if (spec.access !== 'public' || meta.token) {
        if (!meta.token) throw errors.signIn();
        try {
          session = await resolveSession(deps.store.db, meta.token, deps.clock.now());
        } catch (error) {
          // A stale token on a public channel (e.g. the login screen) is simply ignored.
          if (spec.access !== 'public') throw error;
        }
      }
      if (!allows(session?.user.permissions ?? [], spec.access, session !== null)) throw errors.forbidden();

      const data = await run(deps, channel, parsed.data, session, locale, spec.writes);
      const output = spec.output.safeParse(data);
      if (!output.success) {
        deps.logger.error('handler output does not match the contract', { channel, issues: output.error.issues });
        throw errors.internal();
      }
      return { ok: true, data: output.data };
    } catch (error) {
      if (error instanceof AppError) return failure(error, locale);
      deps.logger.error('unexpected error in channel', {
        channel,
        error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error),
      });
      return failure(errors.internal(), locale);
    }
  };
}

async function run(
  deps: CoreDeps,
  channel: Channel,
  input: unknown,
  session: Session | null,
  locale: Locale,
  writes: boolean,
): Promise<unknown> {
  const handler = api[channel] as Handler<Channel>;
  let audited = false;
  const effects: (() => void)[] = [];
  const runEffects = () => {
    for (const effect of effects) {
      try {
        effect();
      } catch (error) {
        deps.logger.error('after-commit effect failed', { channel, error: String(error) });
      }
    }
  };

  const makeContext = (db: Kysely<DB> | Transaction<DB>, inTransaction: boolean): HandlerContext => {
    const ctx: HandlerContext = {
      ...deps,
      db,
      session,
      locale,
      channel,
      afterCommit: (effect) => effects.push(effect),
      audit: async (entry: AuditInput) => {
        audited = true;
        const actor = { userId: ctx.session?.user.id ?? null, username: ctx.session?.user.username ?? null };
        if (inTransaction) await appendAudit(db, deps, actor, channel, entry);
        else await deps.store.db.transaction().execute((trx) => appendAudit(trx, deps, actor, channel, entry));
      },
    };
    return ctx;
  };

  if (!writes) {
    const data = await handler(makeContext(deps.store.db, false), input as never);
    runEffects();
    return data;
  }

  // Writes: one transaction. An AppError marked `commit` keeps what was written (e.g. a failed-login
  // counter) and is rethrown after the commit; any other error rolls everything back.
  const outcome = await deps.store.db.transaction().execute(async (trx): Promise<{ data: unknown } | { error: AppError }> => {
    const ctx = makeContext(trx, true);
    try {
      const data = await handler(ctx, input as never);
      if (!audited) {
        await ctx.audit({ entity: channel.split('.')[0]!, entityId: null, before: null, after: redact(input) as Record<string, unknown> });
      }
      return { data };
    } catch (error) {
      if (error instanceof AppError && error.commit) return { error };
      throw error;
    }
  });
  if ('error' in outcome) {
    if (outcome.error.commit) runEffects();
    throw outcome.error;
  }
  runEffects();
  deps.syncStatus.changed();
  return outcome.data;
}
