import type { AppErrorCode, FieldErrors, Locale } from '../../../shared/domain/errors';

export type Message = { id: string; en: string };

/**
 * A failure the caller should see: a code from the closed set, a message in both languages, and
 * optional field errors. `commit` keeps the transaction's writes (e.g. a failed-login counter).
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly text: Message;
  readonly fields: FieldErrors | undefined;
  readonly commit: boolean;

  constructor(code: AppErrorCode, text: Message, options: { fields?: FieldErrors; commit?: boolean } = {}) {
    super(text.en);
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.fields = options.fields;
    this.commit = options.commit ?? false;
  }

  messageFor(locale: Locale): string {
    return this.text[locale];
  }
}

export function notFound(what: Message): AppError {
  return new AppError('NOT_FOUND', { id: `${what.id} tidak ditemukan`, en: `${what.en} not found` });
}
