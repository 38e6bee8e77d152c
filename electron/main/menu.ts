import { Menu, type MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'id' | 'en';

const LABELS = {
  id: {
    file: 'Berkas',
    quit: 'Keluar',
    edit: 'Edit',
    undo: 'Urungkan',
    redo: 'Ulangi',
    cut: 'Potong',
    copy: 'Salin',
    paste: 'Tempel',
    selectAll: 'Pilih Semua',
    view: 'Tampilan',
    reload: 'Muat Ulang',
    devTools: 'Alat Pengembang',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
    resetZoom: 'Ukuran Asli',
    fullscreen: 'Layar Penuh',
    help: 'Bantuan',
    about: 'Tentang Gerai',
    checkUpdates: 'Periksa pembaruan',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullscreen: 'Full Screen',
    help: 'Help',
    about: 'About Gerai',
    checkUpdates: 'Check for updates',
  },
} satisfies Record<MenuLocale, Record<string, string>>;

export type MenuOptions = {
  locale: MenuLocale;
  /** Reload and developer tools only exist in development. */
  isDev: boolean;
  onAbout(): void;
  onCheckForUpdates(): void;
};

/** The application menu: Berkas, Edit, Tampilan, Bantuan (Indonesian by default). */
export function buildAppMenu(options: MenuOptions): Menu {
  const t = LABELS[options.locale];
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [
        { role: 'reload', label: t.reload },
        { role: 'toggleDevTools', label: t.devTools },
        { type: 'separator' },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: t.file, submenu: [{ role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...devItems,
        { role: 'zoomIn', label: t.zoomIn },
        { role: 'zoomOut', label: t.zoomOut },
        { role: 'resetZoom', label: t.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t.fullscreen },
      ],
    },
    {
      label: t.help,
      submenu: [
        { label: t.checkUpdates, click: () => options.onCheckForUpdates() },
        { type: 'separator' },
        { label: t.about, click: () => options.onAbout() },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
