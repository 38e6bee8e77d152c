import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppErrorCode, Locale, Result } from '../../shared/domain/errors';
import { describeContract } from '../core/contract-schema';
import type { Core } from '../core/core';
import { renderApiReference } from './api-reference';
import { serveStatic } from './static-files';

/** A customer document (10 MB) travels base64-encoded in the JSON body (≈ 13.4 MB). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const HTTP_STATUS: Record<AppErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  LOCKED: 423,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_STOCK: 409,
  ROUTER_UNREACHABLE: 502,
  SCHEMA_TOO_NEW: 409,
  INTERNAL: 500,
};

export type HostOptions = {
  /** The core to serve; a function so a restart (after a restore) can swap it. */
  core: () => Core;
  rendererDir: string;
  port: number;
  host?: string;
  /**
   * Benchmarks only (default false): also serve `POST /__bench/echo`, which answers with the request
   * body as-is — the baseline `npm run bench ipc.roundtrip` compares `/ipc/*` against.
   */
  benchEcho?: boolean;
};

export type RunningHost = { server: Server; url: string; port: number; close(): Promise<void> };

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

function localeOf(req: IncomingMessage): Locale {
  const asked = String(req.headers['x-gerai-locale'] ?? req.headers['accept-language'] ?? 'id');
  return asked.toLowerCase().startsWith('en') ? 'en' : 'id';
}

function validationEnvelope(message: string): Result<never> {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

/**
 * The web host: the same channel table as Electron's IPC, over HTTP + one WebSocket, plus the built
 * renderer. Binds to 127.0.0.1 unless told otherwise.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.core().deps.logger.error('web host request failed', { url: req.url, error: String(error) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { ok: true });
    if (url.pathname === '/contract' && req.method === 'GET') return sendJson(res, 200, { channels: describeContract() });
    if (url.pathname === '/docs/api' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(renderApiReference(describeContract()));
    }
    if (options.benchEcho && url.pathname === '/__bench/echo' && req.method === 'POST') {
      const body = await readBody(req);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(body);
    }
    if (url.pathname.startsWith('/ipc/')) {
      if (req.method !== 'POST') return sendJson(res, 405, validationEnvelope('use POST'));
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/ipc/'.length));
      } catch {
        return sendJson(res, 400, validationEnvelope('malformed channel name'));
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch {
        return sendJson(res, 400, validationEnvelope('the body must be JSON, at most 16 MB'));
      }
      const result = await options.core().dispatch(channel, input, { token: bearer(req), locale: localeOf(req) });
      return sendJson(res, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, validationEnvelope('method not allowed'));
    serveStatic(options.rendererDir, url.pathname, res);
  }

  // Events: one socket per window. The first message must be {"token": "..."}; then every core event
  // is forwarded as {"event", "payload"} until the socket closes or the session ends.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://local').pathname !== '/events') return socket.destroy();
    sockets.handleUpgrade(req, socket, head, (ws) => attachEvents(ws));
  });

  function attachEvents(ws: WebSocket) {
    let unsubscribe: (() => void) | null = null;
    // Only the first message is a sign-in; anything sent while it is being checked is ignored.
    let signingIn = false;
    const authTimer = setTimeout(() => ws.close(4401, 'sign in first'), 10_000);
    ws.on('message', (data) => void signIn(String(data)));
    async function signIn(data: string) {
      if (signingIn || unsubscribe) return;
      signingIn = true;
      let token: unknown;
      try {
        token = (JSON.parse(data) as { token?: unknown }).token;
      } catch {
        token = null;
      }
      const me = await options.core().dispatch('auth.session.me', {}, { token: typeof token === 'string' ? token : null });
      clearTimeout(authTimer);
      if (!me.ok) return ws.close(4401, me.error.code);
      // Closed while the token was being checked: subscribing now would leak a listener.
      if (ws.readyState !== ws.OPEN) return;
      const userId = (me.data as { user: { id: string } }).user.id;
      const signedToken = token as string;
      unsubscribe = options.core().events.onAny((event, payload) => {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(JSON.stringify({ event, payload }));
        // When one of this user's sessions ends, check ours is still alive; a dead one closes the socket.
        if (event === 'session.ended' && (payload as { userId: string }).userId === userId) {
          void options.core()
            .dispatch('auth.session.me', {}, { token: signedToken })
            .then((check) => {
              if (!check.ok) ws.close(4401, check.error.code);
            });
        }
      });
      ws.send(JSON.stringify({ event: 'ready', payload: null }));
    }
    ws.on('close', () => {
      clearTimeout(authTimer);
      unsubscribe?.();
    });
    ws.on('error', () => ws.terminate());
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
