import { sendJson, startHttpSim, type HttpSim } from './http-sim';

/** A sent message as the Fonnte-style gateway accepted it. */
export type FonnteMessage = { id: string; target: string; message: string; countryCode: string };

export type FonnteSim = HttpSim & {
  /** POST here: `${url}/send`. */
  sendUrl: string;
  messages: FonnteMessage[];
};

/**
 * A Fonnte-style WhatsApp gateway (docs.fonnte.com "API Send Message"): POST /send, the device token
 * as the whole `Authorization` header (no "Bearer"), form fields `target` and `message` (and
 * optional `countryCode`). Like Fonnte it answers HTTP 200 with `status: true` and the message ids,
 * or `status: false` with a `reason` (invalid token, missing target or message).
 */
export async function startFonnteSim(options: { token: string }): Promise<FonnteSim> {
  const messages: FonnteMessage[] = [];
  let nextId = 80_367_170;
  const sim = await startHttpSim((request, response) => {
    if (request.method !== 'POST' || request.path !== '/send')
      return sendJson(response, 404, { status: false, reason: 'not found' });
    if (request.headers.authorization !== options.token)
      return sendJson(response, 200, { status: false, reason: 'invalid token' });
    if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return sendJson(response, 200, { status: false, reason: 'input invalid' });
    }
    const form = new URLSearchParams(request.body);
    const target = form.get('target') ?? '';
    const message = form.get('message') ?? '';
    if (!/^\+?\d{8,15}$/.test(target))
      return sendJson(response, 200, { status: false, reason: 'target invalid' });
    if (!message) return sendJson(response, 200, { status: false, reason: 'message invalid' });
    const id = String(nextId++);
    const countryCode = form.get('countryCode') ?? '62';
    const normalized = target.startsWith('0')
      ? `${countryCode}${target.slice(1)}`
      : target.replace(/^\+/, '');
    messages.push({ id, target: normalized, message, countryCode });
    sendJson(response, 200, {
      detail: 'success! message in queue',
      id: [id],
      process: 'pending',
      status: true,
      target: [normalized],
    });
  });
  return Object.assign(sim, { sendUrl: `${sim.url}/send`, messages });
}
