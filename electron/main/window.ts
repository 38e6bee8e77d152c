import { BrowserWindow } from 'electron';
import type { Logger } from '../core/platform/logger';
import { loadWindowState, trackWindowState } from './window-state';

export type MainWindowOptions = {
  /** The built sandboxed preload (out/preload/index.cjs). */
  preload: string;
  /** The first page: the app scheme when packaged, the Vite dev server in development. */
  startUrl: string;
  stateFile: string;
  icon?: string;
  logger: Logger;
};

/**
 * The one app window, locked down per Electron's security checklist: isolated, sandboxed preload,
 * no Node in the page, no <webview>. Navigation, pop-ups and permissions are handled in security.ts
 * for every web contents, so a window made elsewhere cannot forget them.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.stateFile);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Gerai',
    show: false,
    backgroundColor: '#f5f7f6',
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    options.logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.loadURL(options.startUrl).catch((error: unknown) => {
    options.logger.error('could not load the app page', {
      url: options.startUrl,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  return window;
}
