import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type IpcRequest } from '../../shared/contract/bridge';
import { LOCALES, type Locale, type Result } from '../../shared/domain/errors';
import type { Core } from '../core/core';
import type { Logger } from '../core/platform/logger';
import { isAppUrl } from './external-links';

const MAX_CHANNEL_LENGTH = 200;

/** The exact object the preload sends; anything else did not come from our preload. */
export function isIpcRequest(value: unknown): value is IpcRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  return (
    typeof request.channel === 'string' &&
    request.channel.length <= MAX_CHANNEL_LENGTH &&
    (request.token === null || typeof request.token === 'string') &&
    LOCALES.includes(request.locale as Locale)
  );
}

/**
 * A call must come from the main frame of one of our windows showing one of our pages (VS Code's
 * `validateIPC`): not from an iframe, not from a page the window was somehow navigated to.
 */
function isTrustedSender(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  return isAppUrl(frame.url, appOrigin);
}

function forbidden(locale: Locale): Result<never> {
  const message =
    locale === 'en' ? 'This call is not allowed from here.' : 'Panggilan ini tidak diizinkan dari sini.';
  return { ok: false, error: { code: 'FORBIDDEN', message } };
}

/**
 * Wires the core to Electron IPC: one invoke channel into `core.dispatch` (which never throws and
 * always answers an envelope), and every core event out to all windows. Returns an unregister function.
 */
export function registerIpc(core: Core, options: { appOrigin: string; logger: Logger }): () => void {
  ipcMain.handle(IPC_INVOKE, (event, request: unknown) => {
    if (!isIpcRequest(request) || !isTrustedSender(event, options.appOrigin)) {
      options.logger.warn('refused an IPC call', {
        url: event.senderFrame?.url ?? null,
        channel: isIpcRequest(request) ? request.channel : null,
      });
      return forbidden(isIpcRequest(request) ? request.locale : 'id');
    }
    return core.dispatch(request.channel, request.input, { token: request.token, locale: request.locale });
  });

  const stopForwarding = core.events.onAny((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      // Only our own pages hear the core (a window is never meant to leave them, but check anyway).
      if (!contents.isDestroyed() && isAppUrl(contents.getURL(), options.appOrigin))
        contents.send(IPC_EVENT, name, payload);
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE);
    stopForwarding();
  };
}
