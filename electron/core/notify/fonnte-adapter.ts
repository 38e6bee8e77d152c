import { permanent, retryable, type Adapter } from './adapter-types';
import { excerpt, httpPost, isReply, statusIsRetryable } from './http-post';

type FonnteReply = { status?: unknown; reason?: unknown; detail?: unknown; id?: unknown };

/** Fonnte wants the number without '+'; with countryCode 62 it also accepts the national 08… form. */
export function fonnteTarget(recipient: string): string {
  return recipient.replace(/^\+/, '');
}

/**
 * A Fonnte-style WhatsApp gateway: POST form-urlencoded `target`, `message`, `countryCode` to the
 * configured URL with the device token as `Authorization` (no "Bearer"). It answers HTTP 200 with
 * JSON `status` true (and message `id`s) or false with a `reason`: a refusal is permanent.
 */
export const sendFonnte: Adapter = async (message, env) => {
  const token = env.config.whatsappToken;
  if (!token) return permanent('WhatsApp gateway token not set');
  const body = new URLSearchParams({
    target: fonnteTarget(message.recipient),
    message: message.body,
    countryCode: '62',
  });
  const reply = await httpPost(
    env.config.settings.whatsapp.fonnteUrl,
    {
      headers: { Authorization: token, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    },
    env,
  );
  if (!isReply(reply)) return reply;
  if (statusIsRetryable(reply.status)) return retryable(`HTTP ${reply.status} ${excerpt(reply.text)}`.trim());
  const json = (reply.json ?? {}) as FonnteReply;
  if (reply.status >= 400)
    return permanent(
      `HTTP ${reply.status} ${typeof json.reason === 'string' ? json.reason : excerpt(reply.text)}`.trim(),
    );
  if (json.status === true) {
    const id = Array.isArray(json.id)
      ? json.id.map(String).join(',')
      : json.id === undefined
        ? null
        : String(json.id);
    return { ok: true, providerId: id };
  }
  if (json.status === false)
    return permanent(
      `gateway refused: ${typeof json.reason === 'string' ? json.reason : excerpt(reply.text)}`,
    );
  return retryable(`unexpected gateway reply: ${excerpt(reply.text) || `HTTP ${reply.status}`}`);
};
