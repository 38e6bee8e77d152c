import type { Message } from '../platform/errors';
import { AppError } from '../platform/errors';
import {
  isRouterError,
  RouterLoginError,
  RouterTimeoutError,
  RouterTrapError,
  type RouterError,
} from './routeros/routeros-errors';

/**
 * What went wrong, in one line for a job's or a status's `lastError`. Router errors name the router
 * and the command path, never attribute values (a `/ppp/secret/add` carries a customer's password).
 */
export function describeFailure(error: unknown): string {
  if (isRouterError(error)) return error.message;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function routerMessage(error: RouterError, name: string): { code: 'ROUTER_UNREACHABLE' | 'VALIDATION' | 'CONFLICT'; text: Message } {
  if (error instanceof RouterLoginError) {
    return {
      code: 'ROUTER_UNREACHABLE',
      text: {
        id: `Router ${name} menolak login (${error.routerMessage}). Periksa nama pengguna dan kata sandi API.`,
        en: `Router ${name} refused the login (${error.routerMessage}). Check the API user name and password.`,
      },
    };
  }
  if (error instanceof RouterTrapError) {
    return {
      code: error.category === 1 ? 'VALIDATION' : 'CONFLICT',
      text: { id: `Router ${name} menolak: ${error.routerMessage}`, en: `Router ${name} refused: ${error.routerMessage}` },
    };
  }
  if (error instanceof RouterTimeoutError) {
    return {
      code: 'ROUTER_UNREACHABLE',
      text: { id: `Router ${name} tidak menjawab dalam ${error.timeoutMs} ms.`, en: `Router ${name} did not answer within ${error.timeoutMs} ms.` },
    };
  }
  return {
    code: 'ROUTER_UNREACHABLE',
    text: { id: `Router ${name} tidak dapat dihubungi.`, en: `Router ${name} cannot be reached.` },
  };
}

/** A router error as the caller's error envelope (other errors pass through unchanged). */
export function asAppError(error: unknown, routerName: string): unknown {
  if (!isRouterError(error)) return error;
  const { code, text } = routerMessage(error, routerName);
  return new AppError(code, text);
}

/** Unreachable and timeouts: trying again later can work. */
export function isRetryable(error: unknown): boolean {
  return isRouterError(error) && error.retryable;
}
