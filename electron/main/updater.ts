import { createRequire } from 'node:module';
import { app, dialog, type BrowserWindow } from 'electron';
import type * as ElectronUpdater from 'electron-updater';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../core/platform/logger';
import type { MenuLocale } from './menu';
import { CONFIG_FILE, resolveUpdateFeed, type UpdateFeed } from './update-feed';

const TEXT = {
  id: {
    title: 'Pembaruan Gerai',
    notConfigured: `Pembaruan otomatis belum diatur. Isi GERAI_UPDATE_URL atau "update-url" di ${CONFIG_FILE} dalam folder data.`,
    notPackaged: 'Pembaruan hanya tersedia di aplikasi yang sudah dipasang.',
    upToDate: (version: string) => `Gerai sudah versi terbaru (${version}).`,
    available: (version: string) => `Gerai ${version} tersedia. Unduh sekarang?`,
    download: 'Unduh',
    ready:
      'Pembaruan sudah diunduh. Mulai ulang Gerai untuk memasangnya? (Jika tidak, dipasang saat Gerai ditutup.)',
    restart: 'Mulai ulang',
    later: 'Nanti',
    failed: 'Tidak dapat memeriksa pembaruan. Detailnya ada di log.',
  },
  en: {
    title: 'Gerai update',
    notConfigured: `Updates are not set up. Set GERAI_UPDATE_URL or "update-url" in ${CONFIG_FILE} in the data folder.`,
    notPackaged: 'Updates are only available in the installed app.',
    upToDate: (version: string) => `Gerai is up to date (${version}).`,
    available: (version: string) => `Gerai ${version} is available. Download it now?`,
    download: 'Download',
    ready:
      'The update has been downloaded. Restart Gerai to install it? (Otherwise it installs when Gerai closes.)',
    restart: 'Restart',
    later: 'Later',
    failed: 'Could not check for updates. The details are in the log.',
  },
} as const;

export type Updater = {
  /** Silent unless an update is found; does nothing in development or without a feed. */
  checkInBackground(): void;
  /** From the Help menu: always answers, including "not set up" and "up to date". */
  checkFromMenu(window: BrowserWindow | null): void;
};

/**
 * electron-updater with a generic feed, `autoDownload: false` (the user says when), loaded only when
 * the app is packaged and a feed is configured. Failures are logged and shown, never thrown.
 */
export function createUpdater(options: { dataDir: string; logger: Logger; locale: MenuLocale }): Updater {
  const { logger } = options;
  const t = TEXT[options.locale];
  let updater: AppUpdater | null = null;
  let busy = false;

  /** electron-updater itself, made once; the feed is set on every check so config.json edits apply. */
  function load(feed: UpdateFeed): AppUpdater {
    if (!updater) {
      // electron-updater is CommonJS and defines `autoUpdater` as a getter ESM cannot see by name.
      const { autoUpdater } = createRequire(import.meta.url)('electron-updater') as typeof ElectronUpdater;
      autoUpdater.autoDownload = false;
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.logger = {
        info: (message: unknown) => logger.info(`updater: ${String(message)}`),
        warn: (message: unknown) => logger.warn(`updater: ${String(message)}`),
        error: (message: unknown) => logger.error(`updater: ${String(message)}`),
      };
      autoUpdater.on('error', (error) => logger.error('updater error', { error: error.message }));
      updater = autoUpdater;
    }
    if (feed.source !== 'build') updater.setFeedURL({ provider: 'generic', url: feed.url });
    logger.info('checking for updates', {
      source: feed.source,
      ...(feed.source !== 'build' ? { url: feed.url } : {}),
    });
    return updater;
  }

  async function ask(window: BrowserWindow | null, message: string, yes: string): Promise<boolean> {
    const box = {
      type: 'question' as const,
      title: t.title,
      message,
      buttons: [yes, t.later],
      defaultId: 0,
      cancelId: 1,
    };
    const { response } = window ? await dialog.showMessageBox(window, box) : await dialog.showMessageBox(box);
    return response === 0;
  }

  async function tell(window: BrowserWindow | null, message: string): Promise<void> {
    const box = { type: 'info' as const, title: t.title, message };
    if (window) await dialog.showMessageBox(window, box);
    else await dialog.showMessageBox(box);
  }

  async function check(window: BrowserWindow | null, interactive: boolean): Promise<void> {
    if (!app.isPackaged) {
      if (interactive) await tell(window, t.notPackaged);
      return;
    }
    const feed = resolveUpdateFeed({
      dataDir: options.dataDir,
      resourcesPath: process.resourcesPath,
      logger,
    });
    if (!feed) {
      if (interactive) await tell(window, t.notConfigured);
      return;
    }
    const autoUpdater = load(feed);
    const result = await autoUpdater.checkForUpdates();
    if (!result?.isUpdateAvailable) {
      if (interactive) await tell(window, t.upToDate(app.getVersion()));
      return;
    }
    if (!(await ask(window, t.available(result.updateInfo.version), t.download))) return;
    await autoUpdater.downloadUpdate();
    if (await ask(window, t.ready, t.restart)) autoUpdater.quitAndInstall();
  }

  function run(window: BrowserWindow | null, interactive: boolean): void {
    if (busy) return;
    busy = true;
    void check(window, interactive)
      .catch(async (error: unknown) => {
        logger.error('update check failed', {
          error: error instanceof Error ? error.message : String(error),
        });
        if (interactive) await tell(window, t.failed).catch(() => undefined);
      })
      .finally(() => {
        busy = false;
      });
  }

  return {
    checkInBackground: () => run(null, false),
    checkFromMenu: (window) => run(window, true),
  };
}
