import { randomBytes } from 'node:crypto';
import { sendJson, startHttpSim, type HttpSim } from './http-sim';

/** An approved message template: its name, language and how many body parameters it takes. */
export type ApprovedTemplate = { name: string; language: string; parameters: number };

export type CloudMessage = {
  id: string;
  to: string;
  template: string;
  language: string;
  parameters: string[];
};

export type WaCloudSim = HttpSim & {
  /** The Graph API base to configure: `${url}/v21.0`. */
  baseUrl: string;
  messages: CloudMessage[];
};

function graphError(status: number, message: string, code: number, type = 'OAuthException') {
  return [status, { error: { message, type, code, fbtrace_id: randomBytes(6).toString('hex') } }] as const;
}

type TemplateBody = {
  messaging_product?: unknown;
  to?: unknown;
  type?: unknown;
  template?: {
    name?: unknown;
    language?: { code?: unknown };
    components?: { type?: unknown; parameters?: { type?: unknown; text?: unknown }[] }[];
  };
};

/**
 * The WhatsApp Cloud API's send endpoint: POST /v21.0/{phone-number-id}/messages with
 * `Authorization: Bearer <token>` and a JSON template message. Checks the token, the phone number id,
 * the JSON shape, and that the template is approved in that language with that many body parameters;
 * answers `{messaging_product, contacts, messages: [{id}]}` or a Graph error `{error: {message, type, code}}`.
 */
export async function startWaCloudSim(options: {
  token: string;
  phoneNumberId: string;
  templates: ApprovedTemplate[];
}): Promise<WaCloudSim> {
  const messages: CloudMessage[] = [];
  const sim = await startHttpSim((request, response) => {
    const reply = (answer: readonly [number, unknown]) => sendJson(response, answer[0], answer[1]);
    const match = /^\/v21\.0\/([^/]+)\/messages$/.exec(request.path);
    if (request.method !== 'POST' || !match) return reply(graphError(400, 'Unknown path components', 2500));
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return reply(graphError(401, 'Invalid OAuth access token - Cannot parse access token', 190));
    if (match[1] !== options.phoneNumberId)
      return reply(
        graphError(
          400,
          `Unsupported post request. Object with ID '${match[1]}' does not exist`,
          100,
          'GraphMethodException',
        ),
      );
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
      return reply(graphError(400, '(#100) Param messaging_product is required', 100));
    let body: TemplateBody;
    try {
      body = JSON.parse(request.body) as TemplateBody;
    } catch {
      return reply(graphError(400, '(#100) Invalid JSON', 100));
    }
    if (body.messaging_product !== 'whatsapp')
      return reply(graphError(400, '(#100) The parameter messaging_product is required.', 100));
    if (typeof body.to !== 'string' || !/^\+?\d{8,15}$/.test(body.to))
      return reply(graphError(400, '(#100) Invalid parameter: to', 100));
    if (body.type !== 'template' || !body.template)
      return reply(
        graphError(
          400,
          '(#131047) Re-engagement message: more than 24 hours have passed since the recipient last replied',
          131047,
        ),
      );
    const name = body.template.name;
    const language = body.template.language?.code;
    const approved = options.templates.find(
      (template) => template.name === name && template.language === language,
    );
    if (!approved)
      return reply(graphError(404, `(#132001) Template name does not exist in the translation`, 132001));
    const components = body.template.components ?? [];
    const bodyComponent = components.find((component) => component.type === 'body');
    const parameters = bodyComponent?.parameters ?? [];
    if (
      parameters.some(
        (parameter) =>
          parameter.type !== 'text' || typeof parameter.text !== 'string' || parameter.text === '',
      )
    ) {
      return reply(graphError(400, '(#131008) Required parameter is missing', 131008));
    }
    if (parameters.length !== approved.parameters) {
      return reply(
        graphError(
          400,
          `(#132000) Number of parameters does not match the expected number of params`,
          132000,
        ),
      );
    }
    const id = `wamid.${randomBytes(12).toString('base64url')}`;
    messages.push({
      id,
      to: body.to,
      template: approved.name,
      language: approved.language,
      parameters: parameters.map((parameter) => String(parameter.text)),
    });
    sendJson(response, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to.replace(/^\+/, '') }],
      messages: [{ id }],
    });
  });
  return Object.assign(sim, { baseUrl: `${sim.url}/v21.0`, messages });
}
