import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CHANNELS, contract } from '../../shared/contract/index';
import { startHost, type RunningHost } from '../../electron/host/server';
import {
  makeTempDir,
  openTestCore,
  OWNER_USERNAME,
  PASSWORD,
  useTestCores,
  type TestCore,
} from './support/core-fixture';

useTestCores();

const INDEX_HTML = '<!doctype html><title>Gerai test shell</title><div id="root">shell-marker</div>';
const SECRET = 'jangan-bocor-8d1f';

let running: RunningHost | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** A renderer folder with index.html and one asset, next to files that must never be served. */
function rendererFixture(): string {
  const parent = makeTempDir('gerai-web-');
  const dir = join(parent, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(parent, 'secret.txt'), SECRET);
  mkdirSync(join(parent, 'renderer-private'));
  writeFileSync(join(parent, 'renderer-private', 'key.txt'), SECRET);
  return dir;
}

async function start(): Promise<{ t: TestCore; host: RunningHost; base: string }> {
  const t = await openTestCore();
  const host = await startHost({ core: () => t.core, rendererDir: rendererFixture(), port: 0 });
  running = host;
  return { t, host, base: host.url };
}

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw HTTP request: the path goes on the wire exactly as given (fetch would normalise `..`). */
function send(
  host: RunningHost,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function ipc(host: RunningHost, channel: string, input: unknown, token?: string) {
  const reply = await send(host, 'POST', `/ipc/${channel}`, JSON.stringify(input), {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  return {
    status: reply.status,
    body: JSON.parse(reply.body) as { ok: boolean; data?: unknown; error?: { code: string } },
  };
}

async function ownerToken(t: TestCore): Promise<string> {
  return (await t.setupOwner()).token;
}

describe('web host HTTP', () => {
  it('listens on 127.0.0.1 only and answers /healthz', async () => {
    const { host, base } = await start();
    expect((host.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const reply = await send(host, 'GET', '/healthz');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true });
  });

  it('describes every channel at /contract with its access rule and JSON Schemas', async () => {
    const { host } = await start();
    const reply = await send(host, 'GET', '/contract');
    expect(reply.status).toBe(200);
    const { channels } = JSON.parse(reply.body) as {
      channels: {
        channel: string;
        access: string;
        writes: boolean;
        input: { type?: string };
        output: object;
      }[];
    };
    expect(channels.map((c) => c.channel).sort()).toEqual([...CHANNELS].sort());
    for (const described of channels) {
      const spec = contract[described.channel as keyof typeof contract];
      expect(described.access, described.channel).toBe(spec.access);
      expect(described.writes, described.channel).toBe(spec.writes);
      expect(described.input.type, described.channel).toBe('object');
      expect(described.output, described.channel).toHaveProperty('$schema');
    }
    const login = channels.find((c) => c.channel === 'auth.session.login')!;
    expect(login.input).toMatchObject({ required: ['username', 'password'], additionalProperties: false });
  });

  it('answers POST /ipc/<channel> with the envelope and the matching HTTP status', async () => {
    const { t, host } = await start();
    const owner = await ownerToken(t);
    const cashier = (await t.loginAs('cashier')).token;

    const login = await ipc(host, 'auth.session.login', { username: OWNER_USERNAME, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      ok: true,
      data: { token: expect.any(String), user: { username: OWNER_USERNAME } },
    });

    expect(await ipc(host, 'users.list', {}, owner)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await ipc(host, 'users.list', {}, cashier)).toMatchObject({
      status: 403,
      body: { ok: false, error: { code: 'FORBIDDEN' } },
    });
    expect(await ipc(host, 'users.list', {})).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED' } },
    });
    expect(await ipc(host, 'users.list', {}, 'nonsense')).toMatchObject({ status: 401 });
    expect(await ipc(host, 'users.list', { search: 5 }, owner)).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION' } },
    });
    expect(await ipc(host, 'users.nuke', {}, owner)).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND' } },
    });
    expect(
      await ipc(host, 'setup.owner.create', {
        name: 'X',
        username: 'xyz',
        password: PASSWORD,
        branchName: 'B',
      }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'CONFLICT' } },
    });

    const badJson = await send(host, 'POST', '/ipc/users.list', '{"search": ', {
      authorization: `Bearer ${owner}`,
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    // An empty body is an empty input.
    const empty = await send(host, 'POST', '/ipc/system.info', '', { authorization: `Bearer ${owner}` });
    expect(empty.status).toBe(200);
    expect((await send(host, 'GET', '/ipc/system.info')).status).toBe(405);
  });

  it('answers in the language the caller asks for', async () => {
    const { t, host } = await start();
    await ownerToken(t);
    const en = await send(host, 'POST', '/ipc/users.list', '{}', { 'accept-language': 'en-US,en;q=0.9' });
    const id = await send(host, 'POST', '/ipc/users.list', '{}', { 'accept-language': 'id-ID' });
    expect(JSON.parse(en.body).error.message).toBe('Please sign in first.');
    expect(JSON.parse(id.body).error.message).toBe('Silakan masuk terlebih dahulu.');
  });

  it('serves the renderer, with index.html for client-side routes', async () => {
    const { host } = await start();
    const root = await send(host, 'GET', '/');
    expect(root.status).toBe(200);
    expect(root.body).toBe(INDEX_HTML);
    expect(root.headers['content-security-policy']).toContain("default-src 'self'");

    const route = await send(host, 'GET', '/users');
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
    expect(route.headers['content-type']).toMatch(/^text\/html/);

    const asset = await send(host, 'GET', '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect((await send(host, 'GET', '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/../../package.json',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%2frenderer-private%2fkey.txt',
    '/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5csecret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
  ])('does not leak files outside the renderer folder: %s', async (path) => {
    const { host } = await start();
    const reply = await send(host, 'GET', path);
    expect(reply.body).not.toContain(SECRET);
    expect(reply.body).not.toContain('"name": "gerai"');
    expect(reply.body).not.toContain('root:');
    if (reply.status === 200) expect(reply.body).toBe(INDEX_HTML);
  });

  it('answers a malformed URL with a client error, not a crash', async () => {
    const { host } = await start();
    for (const path of ['/%E0%A4%A', '/ipc/%E0%A4%A']) {
      const reply = await send(
        host,
        path.startsWith('/ipc') ? 'POST' : 'GET',
        path,
        path.startsWith('/ipc') ? '{}' : undefined,
      );
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.status, path).toBeLessThan(500);
    }
    expect((await send(host, 'GET', '/healthz')).status).toBe(200);
  });
});

describe('web host /events', () => {
  type Frame = { event: string; payload: unknown };

  function connect(
    host: RunningHost,
  ): Promise<{ ws: WebSocket; frames: Frame[]; closed: Promise<{ code: number; reason: string }> }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${host.port}/events`);
      const frames: Frame[] = [];
      const closed = new Promise<{ code: number; reason: string }>((done) =>
        ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
      );
      ws.on('message', (data) => frames.push(JSON.parse(String(data)) as Frame));
      ws.once('open', () => resolve({ ws, frames, closed }));
      ws.once('error', reject);
    });
  }

  async function until(check: () => boolean, what: string) {
    for (let i = 0; i < 200; i++) {
      if (check()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('closes with 4401 when the first message is not a valid token', async () => {
    const { t, host } = await start();
    await ownerToken(t);
    for (const message of [JSON.stringify({ token: 'salah' }), 'bukan json', JSON.stringify({ token: 42 })]) {
      const { ws, frames, closed } = await connect(host);
      ws.send(message);
      expect((await closed).code, message).toBe(4401);
      t.core.events.emit('sync.status', { state: 'idle', pendingChanges: 1, lastSyncedAt: null });
      expect(frames).toEqual([]);
    }
  });

  it('delivers core events after a valid token', async () => {
    const { t, host } = await start();
    const token = await ownerToken(t);
    const { ws, frames } = await connect(host);
    ws.send(JSON.stringify({ token }));
    await until(() => frames.some((f) => f.event === 'ready'), 'ready');
    const status = { state: 'syncing' as const, pendingChanges: 7, lastSyncedAt: 1_900_000_000_000 };
    t.core.events.emit('sync.status', status);
    await until(() => frames.length >= 2, 'the event');
    expect(frames).toEqual([
      { event: 'ready', payload: null },
      { event: 'sync.status', payload: status },
    ]);
    ws.close();
  });

  it('subscribes once even if the token is sent twice in a row', async () => {
    const { t, host } = await start();
    const token = await ownerToken(t);
    const { ws, frames } = await connect(host);
    ws.send(JSON.stringify({ token }));
    ws.send(JSON.stringify({ token }));
    await until(() => frames.some((f) => f.event === 'ready'), 'ready');
    await new Promise((r) => setTimeout(r, 50));
    t.core.events.emit('sync.status', { state: 'idle', pendingChanges: 0, lastSyncedAt: null });
    await new Promise((r) => setTimeout(r, 50));
    expect(frames.map((f) => f.event)).toEqual(['ready', 'sync.status']);
    ws.close();
  });

  it('leaves no event listener behind for sockets that close, even mid sign-in', async () => {
    const { t, host } = await start();
    const token = await ownerToken(t);
    const bus = t.core.events;
    const subscribe = bus.onAny.bind(bus);
    let active = 0;
    bus.onAny = (listener) => {
      active++;
      const off = subscribe(listener);
      return () => {
        active--;
        off();
      };
    };

    const signedIn = await connect(host);
    signedIn.ws.send(JSON.stringify({ token }));
    await until(() => signedIn.frames.length > 0, 'ready');
    expect(active).toBe(1);
    signedIn.ws.close();
    await signedIn.closed;

    // A slow sign-in check, and a client that gives up while it runs.
    const dispatch = t.core.dispatch;
    let checking = 0;
    t.core.dispatch = async (...args) => {
      checking++;
      await new Promise((r) => setTimeout(r, 150));
      return dispatch(...args);
    };
    const hasty = await connect(host);
    hasty.ws.send(JSON.stringify({ token }));
    await until(() => checking > 0, 'the sign-in check to start');
    hasty.ws.terminate();
    await hasty.closed;
    await new Promise((r) => setTimeout(r, 300));
    expect(active).toBe(0);
  });

  it('refuses sockets on any other path', async () => {
    const { host } = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/somewhere`);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
  });
});
