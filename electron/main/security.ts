import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../core/platform/logger';
import { isAllowedExternalLink, isAppUrl } from './external-links';

/** Hands an allow-listed link to the system browser; anything else is only logged. */
function openExternally(url: string, logger: Logger): void {
  if (!isAllowedExternalLink(url)) {
    logger.warn('blocked a link outside the allowlist', { url });
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    logger.warn('could not open a link in the browser', {
      url,
      error: error instanceof Error ? error.message : String(error),
    });
  });
}

/**
 * Every web contents the app creates stays on the app's own pages: navigation elsewhere, pop-ups and
 * <webview> are refused; allow-listed https links open in the system browser instead.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string, logger: Logger): void {
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url, appOrigin)) return;
    event.preventDefault();
    openExternally(url, logger);
  };
  contents.on('will-navigate', (event) => keepInApp(event, event.url));
  contents.on('will-redirect', (event) => keepInApp(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, logger);
    return { action: 'deny' };
  });
}

/**
 * The session's policy: no permission (camera, geolocation, notifications, USB, …) is ever granted,
 * and the app's documents carry the CSP as a header (the dev server's too; the app scheme sets it itself).
 */
export function hardenSession(session: Session, appOrigin: string, csp: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appOrigin)) {
      callback({});
      return;
    }
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}
