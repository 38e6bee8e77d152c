import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, Menu, session, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core/core';
import { AppError } from '../core/platform/errors';
import { createLogger, type Logger } from '../core/platform/logger';
import { CSP } from '../host/static-files';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { readLaunchOptions, relaunchArgs } from './command-line';
import { registerIpc } from './ipc';
import { buildAppMenu, type MenuLocale } from './menu';
import { safeStorageCipher } from './safe-storage';
import { hardenSession, hardenWebContents } from './security';
import { createUpdater } from './updater';
import { createMainWindow } from './window';

const LOCALE: MenuLocale = 'id';
const outDir = join(import.meta.dirname, '..');
const launch = readLaunchOptions(process.argv);

// Before anything reads it: the data folder is also Chromium's profile and the single-instance key,
// so two test runs with different --data-dir never meet.
if (launch.dataDir) app.setPath('userData', launch.dataDir);
const dataDir = app.getPath('userData');
const logFile = join(dataDir, 'logs', 'gerai.log');

// Only an unpackaged app may be pointed at a dev server, never an installed one.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appOrigin = devUrl ? new URL(devUrl).origin : APP_ORIGIN;
// Vite's React refresh preamble is an inline script: allowed in development only.
const csp = devUrl ? CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") : CSP;

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
let stopIpc: (() => void) | null = null;
let closing: Promise<void> | null = null;

/** Closes the database once, however the app is leaving (quit, restart after a restore). */
function shutdown(logger: Logger): Promise<void> {
  closing ??= (async () => {
    stopIpc?.();
    await core?.close();
  })().catch((error: unknown) =>
    logger.error('closing the core failed', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  return closing;
}

function showStartupError(error: unknown): void {
  const detail =
    error instanceof AppError
      ? `${error.text.id}\n\n${error.text.en}`
      : `Gerai tidak dapat membuka datanya di ${dataDir}.\n\n${error instanceof Error ? error.message : String(error)}`;
  dialog.showErrorBox('Gerai tidak dapat dibuka', `${detail}\n\nLog: ${logFile}`);
}

function showAbout(window: BrowserWindow | null): void {
  const box = {
    type: 'info' as const,
    title: 'Tentang Gerai',
    message: `Gerai ${app.getVersion()}`,
    detail:
      'Back-office untuk usaha ISP lingkungan dan toko.\n\n' +
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}\n` +
      `Data: ${dataDir}`,
  };
  void (window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box));
}

function windowIcon(): string | undefined {
  if (process.platform === 'win32') return undefined; // the .exe carries its icon
  const icon = app.isPackaged
    ? join(process.resourcesPath, 'icon.png')
    : join(app.getAppPath(), 'resources', 'icon.png');
  return existsSync(icon) ? icon : undefined;
}

async function start(logger: Logger): Promise<void> {
  await app.whenReady();
  try {
    core = await createCore({
      dataDir,
      appVersion: app.getVersion(),
      logger,
      secrets: safeStorageCipher({ keyFile: join(dataDir, 'secret.key'), logger }),
      restoreFrom: launch.restoreFrom,
      // Billing, dunning and isolir for every day due, also the days the app was closed.
      scheduler: { enabled: true },
      onRestartRequested: (reason) => {
        logger.info('restarting', { reason });
        // Let the renderer get its answer first, then reopen on the restored database.
        setTimeout(() => {
          void shutdown(logger).then(() => {
            app.relaunch({ args: relaunchArgs(process.argv) });
            app.exit(0);
          });
        }, 100);
      },
    });
  } catch (error) {
    logger.error('the core could not open', {
      error: error instanceof Error ? error.message : String(error),
    });
    showStartupError(error);
    app.exit(1);
    return;
  }

  if (!devUrl) serveRenderer(join(outDir, 'renderer'), csp, logger);
  hardenSession(session.defaultSession, appOrigin, csp);
  stopIpc = registerIpc(core, { appOrigin, logger });

  const updater = createUpdater({ dataDir, logger, locale: LOCALE });
  Menu.setApplicationMenu(
    buildAppMenu({
      locale: LOCALE,
      isDev: !app.isPackaged,
      onAbout: () => showAbout(mainWindow),
      onCheckForUpdates: () => updater.checkFromMenu(mainWindow),
    }),
  );

  mainWindow = createMainWindow({
    preload: join(outDir, 'preload', 'index.cjs'),
    startUrl: devUrl ?? `${APP_ORIGIN}/index.html`,
    stateFile: join(dataDir, 'window-state.json'),
    icon: windowIcon(),
    logger,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  updater.checkInBackground();
}

function main(): void {
  // Sandbox every renderer, whatever a window's own options say.
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let logger: Logger;
  try {
    logger = createLogger(logFile);
  } catch {
    // An unwritable data folder: keep going on stderr; opening the core will report the real problem.
    logger = createLogger(null);
  }
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled rejection in main', {
      error: reason instanceof Error ? reason.stack : String(reason),
    });
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin, logger));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closing || !core) return;
    event.preventDefault();
    void shutdown(logger).then(() => app.quit());
  });

  start(logger).catch((error: unknown) => {
    logger.error('start-up failed', { error: error instanceof Error ? error.stack : String(error) });
    showStartupError(error);
    app.exit(1);
  });
}

main();
