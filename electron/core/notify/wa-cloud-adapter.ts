import { permanent, retryable, type Adapter } from './adapter-types';
import { excerpt, httpPost, isReply, statusIsRetryable } from './http-post';

type CloudError = { error?: { message?: unknown; type?: unknown; code?: unknown } };
type CloudReply = CloudError & { messages?: { id?: unknown }[] };

/** Graph API error codes that mean "slow down" or "try again later" rather than "no". */
const RETRYABLE_CODES = new Set([1, 2, 4, 17, 80007, 130429, 131000, 131016, 131048, 131056, 133004]);

/** The JSON body of a template message whose body parameters are the message's variables in order. */
export function cloudMessageBody(
  to: string,
  wa: { template: string; language: string; parameters: string[] },
): Record<string, unknown> {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    type: 'template',
    template: {
      name: wa.template,
      language: { code: wa.language },
      components: wa.parameters.length
        ? [{ type: 'body', parameters: wa.parameters.map((text) => ({ type: 'text', text })) }]
        : [],
    },
  };
}

/**
 * WhatsApp Cloud API: POST {base}/{phone-number-id}/messages with a Bearer token and a template
 * message (the only kind a business may start a conversation with). Answers `messages[0].id`;
 * errors come as `{error: {message, type, code}}`.
 */
export const sendWhatsAppCloud: Adapter = async (message, env) => {
  const token = env.config.whatsappToken;
  const { cloudBaseUrl, cloudPhoneNumberId } = env.config.settings.whatsapp;
  if (!token || !cloudPhoneNumberId) return permanent('WhatsApp Cloud API not set up');
  const wa = message.payload.wa;
  if (!wa || !wa.template) return permanent('no WhatsApp Cloud API template name for this message');
  const url = `${cloudBaseUrl.replace(/\/+$/, '')}/${encodeURIComponent(cloudPhoneNumberId)}/messages`;
  const reply = await httpPost(
    url,
    {
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(cloudMessageBody(message.recipient.replace(/^\+/, ''), wa)),
    },
    env,
  );
  if (!isReply(reply)) return reply;
  const json = (reply.json ?? {}) as CloudReply;
  if (reply.status >= 200 && reply.status < 300) {
    const id = json.messages?.[0]?.id;
    return typeof id === 'string'
      ? { ok: true, providerId: id }
      : retryable(`unexpected reply: ${excerpt(reply.text)}`);
  }
  const error = json.error;
  const text =
    error && typeof error.message === 'string'
      ? `${error.message}${error.code !== undefined ? ` (code ${String(error.code)})` : ''}`
      : excerpt(reply.text);
  const detail = `HTTP ${reply.status} ${text}`.trim();
  if (statusIsRetryable(reply.status) || (typeof error?.code === 'number' && RETRYABLE_CODES.has(error.code)))
    return retryable(detail);
  return permanent(detail);
};
