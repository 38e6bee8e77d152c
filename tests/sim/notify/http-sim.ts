import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fault the next request(s) get instead of the documented answer. */
export type HttpFault =
  { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> } | { kind: 'drop' };

/** One request as the server saw it. */
export type SeenRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
};

export type HttpSim = {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Every request received, faults included, in order. */
  requests: SeenRequest[];
  /** The next `times` requests get `fault` (queued after faults already waiting). */
  failNext(fault: HttpFault, times?: number): void;
  close(): Promise<void>;
};

export type Handler = (request: SeenRequest, response: ServerResponse) => void;

/** How long a simulator lives at most: it closes by itself so a forgotten one never outlives its test run. */
const LIFETIME_MS = 10 * 60_000;

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** An HTTP server on 127.0.0.1 and a random port, recording requests and injecting faults. */
export async function startHttpSim(handle: Handler): Promise<HttpSim> {
  const requests: SeenRequest[] = [];
  const faults: HttpFault[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const seen: SeenRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(seen);
      const fault = faults.shift();
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'status') {
        sendJson(res, fault.status, fault.body ?? { error: 'injected fault' }, fault.headers);
        return;
      }
      handle(seen, res);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const lifetime = setTimeout(() => void close(), LIFETIME_MS);
  lifetime.unref();
  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    clearTimeout(lifetime);
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    close,
  };
}
