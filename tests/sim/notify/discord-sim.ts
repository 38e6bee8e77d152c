import { randomInt } from 'node:crypto';
import { sendJson, startHttpSim, type HttpSim } from './http-sim';

export type DiscordPost = { id: string; content: string; embeds: { title?: string; description?: string }[] };

export type DiscordSim = HttpSim & {
  /** The webhook URL to configure (carries its token). */
  webhookUrl: string;
  posts: DiscordPost[];
  /** The next post is answered 429 with this `retry_after` (seconds) and a matching Retry-After header. */
  rateLimitNext(retryAfterSeconds: number): void;
};

/**
 * A Discord webhook (discord.com/developers/docs/resources/webhook#execute-webhook): POST JSON with
 * `content` (≤ 2,000 characters) and/or `embeds` (≤ 10) to /api/webhooks/{id}/{token}. Answers 204,
 * or 200 with the message when `?wait=true`; 401 for a wrong token; 400 for a bad body; 429 with
 * `retry_after` when rate limited.
 */
export async function startDiscordSim(): Promise<DiscordSim> {
  const posts: DiscordPost[] = [];
  const webhookId = String(randomInt(1e9, 2e9));
  const token = `tok-${randomInt(1e9, 2e9)}`;
  const sim = await startHttpSim((request, response) => {
    if (request.method !== 'POST' || request.path !== `/api/webhooks/${webhookId}/${token}`) {
      return sendJson(response, 401, { message: 'Invalid Webhook Token', code: 50027 });
    }
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 400, { message: 'Cannot send an empty message', code: 50006 });
    }
    let body: { content?: unknown; embeds?: unknown };
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      return sendJson(response, 400, { message: 'The request body contains invalid JSON.', code: 50109 });
    }
    const content = typeof body.content === 'string' ? body.content : '';
    const embeds = Array.isArray(body.embeds) ? (body.embeds as DiscordPost['embeds']) : [];
    if (!content && embeds.length === 0)
      return sendJson(response, 400, { message: 'Cannot send an empty message', code: 50006 });
    if (content.length > 2000)
      return sendJson(response, 400, {
        message: 'Invalid Form Body',
        code: 50035,
        errors: {
          content: {
            _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }],
          },
        },
      });
    if (
      embeds.length > 10 ||
      embeds.some((embed) => (embed.description ?? '').length > 4096 || (embed.title ?? '').length > 256)
    ) {
      return sendJson(response, 400, { message: 'Invalid Form Body', code: 50035 });
    }
    const id = String(BigInt(Date.now()) * 4_194_304n + BigInt(posts.length));
    posts.push({ id, content, embeds });
    if (request.query.get('wait') === 'true')
      return sendJson(response, 200, {
        id,
        type: 0,
        content,
        embeds,
        channel_id: '1',
        webhook_id: webhookId,
      });
    response.writeHead(204);
    response.end();
  });
  return Object.assign(sim, {
    webhookUrl: `${sim.url}/api/webhooks/${webhookId}/${token}`,
    posts,
    rateLimitNext(retryAfterSeconds: number) {
      sim.failNext({
        kind: 'status',
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
        headers: { 'Retry-After': String(Math.ceil(retryAfterSeconds)), 'X-RateLimit-Scope': 'user' },
      });
    },
  });
}
