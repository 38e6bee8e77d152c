import { permanent, retryable, type Adapter } from './adapter-types';
import { excerpt, httpPost, isReply, statusIsRetryable } from './http-post';

/** How long Discord asks us to wait: the JSON `retry_after` (seconds, may be fractional), else the Retry-After header. */
export function discordRetryAfterMs(json: unknown, header: string | null): number | undefined {
  const body = json && typeof json === 'object' ? (json as { retry_after?: unknown }).retry_after : undefined;
  const seconds = typeof body === 'number' ? body : header !== null ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/**
 * Discord webhook: POST JSON `{content, embeds}` to the webhook URL with `?wait=true` (answers 200 with
 * the message, whose id we keep; 204 without wait). 429 is a rate limit: come back after `retry_after`.
 */
export const sendDiscord: Adapter = async (message, env) => {
  const webhook = env.config.discordWebhook;
  if (!webhook) return permanent('Discord webhook not set up');
  const url = new URL(webhook);
  url.searchParams.set('wait', 'true');
  const body = message.payload.discord ?? { content: message.body.slice(0, 2000) };
  const reply = await httpPost(
    url.toString(),
    { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
    env,
  );
  if (!isReply(reply)) return reply;
  if (reply.status === 204) return { ok: true, providerId: null };
  if (reply.status >= 200 && reply.status < 300) {
    const id = reply.json && typeof reply.json === 'object' ? (reply.json as { id?: unknown }).id : undefined;
    return { ok: true, providerId: typeof id === 'string' ? id : null };
  }
  if (reply.status === 429) {
    return retryable(
      'HTTP 429 rate limited',
      discordRetryAfterMs(reply.json, reply.headers.get('retry-after')),
    );
  }
  const detail = `HTTP ${reply.status} ${excerpt(reply.text)}`.trim();
  return statusIsRetryable(reply.status) ? retryable(detail) : permanent(detail);
};
