import type { Channel, ChannelInput, ChannelOutput } from '../../../../shared/contract/index';
import type { AppErrorCode, ErrorBody, FieldErrors } from '../../../../shared/domain/errors';
import { useSessionStore } from '../../features/session/session-store';
import { invoke } from '../../ipc/invoke';
import type { TranslationKey } from '../i18n/id';
import { translateNow } from '../i18n/translate';
import { notify, type NoticeSeverity } from './notifier-store';

/** What a caller sees: the data, or that it failed plus any field errors meant for its form. */
export type CallOutcome<T> = { ok: true; data: T } | { ok: false; code: AppErrorCode; fields: FieldErrors };

export type CallOptions = {
  /** The field names the calling form shows: their errors come back instead of a snackbar. */
  form?: readonly string[];
  /** No snackbar (background refreshes); session errors are still handled. */
  quiet?: boolean;
};

/** Channels that work without a session: an UNAUTHENTICATED from them is a wrong password, not a lost session. */
const PUBLIC_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'setup.status',
  'setup.owner.create',
  'auth.session.login',
]);

/** Short field codes some core errors carry, shown in the UI language. */
const FIELD_CODES: Record<string, TranslationKey> = {
  taken: 'field.taken',
  'wrong password': 'field.wrongPassword',
  'unknown role': 'field.unknownRole',
  'default role': 'field.defaultRole',
};

type SuccessListener = (channel: Channel) => void;
const successListeners = new Set<SuccessListener>();

/** Runs after every successful call (e.g. to refresh the count of changes waiting to sync). */
export function onCallSucceeded(listener: SuccessListener): () => void {
  successListeners.add(listener);
  return () => successListeners.delete(listener);
}

function severityOf(code: AppErrorCode): NoticeSeverity {
  switch (code) {
    case 'VALIDATION':
    case 'CONFLICT':
    case 'LOCKED':
    case 'INSUFFICIENT_STOCK':
    case 'FORBIDDEN':
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
      return 'warning';
    case 'NOT_FOUND':
    case 'ROUTER_UNREACHABLE':
    case 'SCHEMA_TOO_NEW':
    case 'INTERNAL':
      return 'error';
    default:
      return code satisfies never;
  }
}

function fieldMessage(error: ErrorBody, raw: string, onlyField: boolean): string {
  // A conflict about one field ("username taken") has the clearest, localized text in the envelope.
  if (error.code !== 'VALIDATION' && onlyField) return error.message;
  const known = FIELD_CODES[raw];
  return known ? translateNow(known) : raw;
}

function fieldsForForm(
  error: ErrorBody,
  form: readonly string[] | undefined,
): { fields: FieldErrors; unshown: boolean } {
  const all = Object.entries(error.fields ?? {});
  if (!form || all.length === 0) return { fields: {}, unshown: true };
  const fields: FieldErrors = {};
  for (const [name, message] of all) {
    if (form.includes(name)) fields[name] = fieldMessage(error, message, all.length === 1);
  }
  return { fields, unshown: Object.keys(fields).length < all.length };
}

/**
 * The renderer's one error path. Calls a channel and turns `{ ok: false }` into what the person should
 * see: the lock screen (SESSION_EXPIRED), the login screen (UNAUTHENTICATED on a signed-in call),
 * field errors for the calling form (VALIDATION/CONFLICT with fields), or a snackbar with the core's
 * already-localized message. Components never look at error envelopes themselves.
 */
export async function call<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  options: CallOptions = {},
): Promise<CallOutcome<ChannelOutput<C>>> {
  const tokenAtCall = useSessionStore.getState().token;
  const result = await invoke(channel, input);
  if (result.ok) {
    for (const listener of successListeners) listener(channel);
    return { ok: true, data: result.data };
  }

  const { error } = result;
  const signedInCall = tokenAtCall !== null && !PUBLIC_CHANNELS.has(channel);
  // An answer to a call made with an older token must not end the session that replaced it.
  const sameSession = useSessionStore.getState().token === tokenAtCall;

  if (signedInCall && (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED')) {
    if (sameSession) {
      if (error.code === 'SESSION_EXPIRED') useSessionStore.getState().lock(error.message);
      else useSessionStore.getState().signOut(error.message);
    }
    return { ok: false, code: error.code, fields: {} };
  }

  const { fields, unshown } = fieldsForForm(error, options.form);
  if (unshown && !options.quiet) notify(error.message, severityOf(error.code));
  return { ok: false, code: error.code, fields };
}
