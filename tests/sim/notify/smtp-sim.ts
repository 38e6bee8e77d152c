import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** A message as the SMTP server received it, headers and text decoded. */
export type ReceivedMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  user: string | undefined;
  headers: Map<string, string>;
  subject: string;
  text: string;
  raw: string;
};

/** A fault the next delivery gets: a temporary (4xx) or permanent (5xx) refusal of the data, or the next connection dropped. */
export type SmtpFault = { kind: 'reply'; code: number; message: string } | { kind: 'drop' };

export type SmtpSim = {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Failed logins seen. */
  authFailures: number;
  failNext(fault: SmtpFault, times?: number): void;
  close(): Promise<void>;
};

function decodeWords(value: string): string {
  return value.replace(
    /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
    (_whole, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Parses a single-part text message (what Gerai sends): unfolded headers, decoded subject and text. */
export function parseMail(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    text: decodeBody(body, encoding).replace(/\r\n/g, '\n').replace(/\n$/, ''),
  };
}

/**
 * An SMTP server (the smtp-server package) on 127.0.0.1 and a random port, without TLS: it requires
 * AUTH PLAIN/LOGIN with the given user and password before MAIL FROM, captures and parses each
 * message, and can refuse the next deliveries (4xx, 5xx) or drop the connection.
 */
export async function startSmtpSim(options: { user: string; password: string }): Promise<SmtpSim> {
  const messages: ReceivedMail[] = [];
  const faults: SmtpFault[] = [];
  const sim: SmtpSim = {
    host: '127.0.0.1',
    port: 0,
    messages,
    authFailures: 0,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close: () => Promise.resolve(),
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      sim.authFailures += 1;
      const error = new Error('Invalid username or password') as Error & { responseCode: number };
      error.responseCode = 535;
      return callback(error);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const fault = faults[0]?.kind === 'reply' ? faults.shift() : undefined;
        if (fault?.kind === 'reply') {
          const error = new Error(fault.message) as Error & { responseCode: number };
          error.responseCode = fault.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const parsed = parseMail(raw);
        messages.push({
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          ...parsed,
          raw,
        });
        callback();
      });
    },
  });
  const listener = await new Promise<NetServer>((resolve) => {
    const net = server.listen(0, '127.0.0.1', () => resolve(net));
  });
  listener.unref();
  // A dropped connection: closed as soon as it is accepted, before the greeting.
  listener.on('connection', (socket: Socket) => {
    if (faults[0]?.kind !== 'drop') return;
    faults.shift();
    socket.destroy();
  });
  sim.port = (listener.address() as AddressInfo).port;
  const lifetime = setTimeout(() => void sim.close(), 10 * 60_000);
  lifetime.unref();
  let closing: Promise<void> | null = null;
  sim.close = () => {
    clearTimeout(lifetime);
    closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return closing;
  };
  return sim;
}
