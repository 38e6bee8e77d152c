import type { Page } from 'playwright-core';

/**
 * Watches the page's calls to the core and remembers the last bearer token it sent, so a test can make
 * its own call as the signed-in person. It only observes; nothing is changed or faked.
 */
export function watchBearerToken(page: Page): () => string {
  let token: string | null = null;
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/ipc/')) return;
    const header = request.headers()['authorization'];
    if (header?.startsWith('Bearer ')) token = header.slice('Bearer '.length);
  });
  return () => {
    if (!token) throw new Error('the page has not made a signed-in call yet');
    return token;
  };
}

export type IpcAnswer = { status: number; body: { ok: boolean; error?: { code: string; message: string } } };

/** POST /ipc/<channel> from inside the page (same origin, same cookies-less bearer auth as the app). */
export function callFromPage(page: Page, channel: string, input: unknown, token: string): Promise<IpcAnswer> {
  return page.evaluate(
    async ({ channel, input, token }) => {
      const response = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return { status: response.status, body: (await response.json()) as IpcAnswer['body'] };
    },
    { channel, input, token },
  );
}
