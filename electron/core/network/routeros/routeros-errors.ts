/**
 * What can go wrong talking to a router, as four types a caller (the router job runner, a screen)
 * can switch on. Messages name the router and the command path, never attribute values: a
 * `/ppp/secret/add` carries a customer's password.
 */
export type RouterErrorKind = 'unreachable' | 'timeout' | 'trap' | 'login';

export abstract class RouterError extends Error {
  abstract readonly kind: RouterErrorKind;
  /** Whether trying again later can succeed without anyone changing anything. */
  abstract readonly retryable: boolean;
  /** `host:port` of the router. */
  readonly router: string;

  constructor(router: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.router = router;
  }
}

/** No session with the router: refused, reset, DNS, TLS, `!fatal`, closed while a command was out. */
export class RouterUnreachableError extends RouterError {
  readonly kind = 'unreachable';
  readonly retryable = true;
  /**
   * The socket's error code (ECONNREFUSED, ECONNRESET, EHOSTUNREACH, DEPTH_ZERO_SELF_SIGNED_CERT…), or
   * one of ours: ETIMEDOUT (no connection in time, or replaced after a command timed out), EOF (the
   * router closed the connection), EFATAL (`!fatal`), EPROTO (a garbled byte stream), ECLOSED (closed
   * by Gerai), ENOTCONN.
   */
  readonly code: string | null;

  constructor(router: string, message: string, options: { code?: string | null; cause?: unknown } = {}) {
    super(router, message, { cause: options.cause });
    this.name = 'RouterUnreachableError';
    this.code = options.code ?? null;
  }
}

/** The router did not answer within the time allowed; the connection it was on has been replaced. */
export class RouterTimeoutError extends RouterError {
  readonly kind = 'timeout';
  readonly retryable = true;
  readonly timeoutMs: number;
  readonly command: string;

  constructor(router: string, command: string, timeoutMs: number) {
    super(router, `${router}: no reply to ${command} within ${timeoutMs} ms`);
    this.name = 'RouterTimeoutError';
    this.timeoutMs = timeoutMs;
    this.command = command;
  }
}

/**
 * The router refused the command (`!trap`). `category` is RouterOS's own (API manual): 0 missing item
 * or command, 1 argument value failure, 2 interrupted, 3 scripting, 4 general, 5 API, 6 TTY,
 * 7 `:return` value; null when the router sent none.
 */
export class RouterTrapError extends RouterError {
  readonly kind = 'trap';
  readonly retryable = false;
  readonly category: number | null;
  /** RouterOS's message as sent, e.g. "failure: secret with the same name already exists". */
  readonly routerMessage: string;
  readonly command: string;

  constructor(router: string, command: string, routerMessage: string, category: number | null) {
    super(router, `${router}: ${command} failed: ${routerMessage}`);
    this.name = 'RouterTrapError';
    this.category = category;
    this.routerMessage = routerMessage;
    this.command = command;
  }
}

/** Wrong user name or password, or the user may not use the API. Not retried: it would not help. */
export class RouterLoginError extends RouterError {
  readonly kind = 'login';
  readonly retryable = false;
  readonly routerMessage: string;

  constructor(router: string, routerMessage: string) {
    super(router, `${router}: login refused: ${routerMessage}`);
    this.name = 'RouterLoginError';
    this.routerMessage = routerMessage;
  }
}

export function isRouterError(error: unknown): error is RouterError {
  return error instanceof RouterError;
}
