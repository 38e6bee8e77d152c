import type { AdapterEnv, SendOutcome } from './adapter-types';
import { retryable } from './adapter-types';

export type HttpReply = { status: number; headers: Headers; text: string; json: unknown };

/**
 * POSTs with Node's fetch under the adapter's timeout and the runtime's abort signal. A network error
 * or timeout is answered as a retryable outcome (never thrown); otherwise the reply with its body.
 */
export async function httpPost(
  url: string,
  init: { headers: Record<string, string>; body: string },
  env: AdapterEnv,
): Promise<HttpReply | SendOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: init.headers,
      body: init.body,
      redirect: 'error',
      signal: AbortSignal.any([env.signal, AbortSignal.timeout(env.timeoutMs)]),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      json = null;
    }
    return { status: response.status, headers: response.headers, text, json };
  } catch (error) {
    return retryable(describeFetchError(error, env));
  }
}

export function isReply(value: HttpReply | SendOutcome): value is HttpReply {
  return 'status' in value;
}

function describeFetchError(error: unknown, env: AdapterEnv): string {
  if (env.signal.aborted) return 'interrupted';
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return `no answer within ${Math.round(env.timeoutMs / 1000)} s`;
    const cause = (error as Error & { cause?: unknown }).cause;
    const code =
      cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
    const detail = cause instanceof Error ? cause.message : '';
    return [error.message, code, detail].filter(Boolean).join(': ');
  }
  return String(error);
}

/** 5xx and 429 come back later; other statuses are the provider refusing the message. */
export function statusIsRetryable(status: number): boolean {
  return status >= 500 || status === 429 || status === 408;
}

/** A short excerpt of a reply body for the log. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
