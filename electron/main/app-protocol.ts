import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import type { Logger } from '../core/platform/logger';
import { CONTENT_TYPES } from '../core/platform/content-types';

/**
 * The packaged renderer is served from `gerai://app/` rather than file://: the page gets a real origin
 * of its own (so CSP `'self'` means the app and nothing else on disk), the CSP travels as a response
 * header, and no other file on the machine is reachable from the page.
 */
export const APP_SCHEME = 'gerai';
export const APP_ORIGIN = `${APP_SCHEME}://app`;


/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves `rendererDir` on the app scheme, like the web host's static files: extension-less unknown
 * paths get index.html (client-side routes), paths that climb out of the folder are refused.
 */
export function serveRenderer(rendererDir: string, csp: string, logger: Logger): void {
  const root = normalize(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const url = new URL(request.url);
      if (`${url.protocol}//${url.host}` !== APP_ORIGIN || request.method !== 'GET') {
        return new Response('not found', { status: 404 });
      }
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        return new Response('bad request', { status: 400 });
      }
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) return new Response('forbidden', { status: 403 });
      if (!(await isFile(file))) {
        if (extname(path)) return new Response('not found', { status: 404 });
        file = join(root, 'index.html');
      }
      const isHtml = file.endsWith('.html');
      return new Response(new Uint8Array(await readFile(file)), {
        status: 200,
        headers: {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'x-content-type-options': 'nosniff',
          ...(isHtml ? { 'content-security-policy': csp, 'cache-control': 'no-cache' } : {}),
        },
      });
    } catch (error) {
      logger.error('app protocol failed', {
        url: request.url,
        error: error instanceof Error ? error.message : String(error),
      });
      return new Response('internal error', { status: 500 });
    }
  });
}
