import { homedir } from 'node:os';
import { join } from 'node:path';

/** The per-user app-data folder Electron would use (`app.getPath('userData')`), for hosts without Electron. */
export function defaultDataDir(appName = 'Gerai'): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), appName);
    case 'darwin':
      return join(home, 'Library', 'Application Support', appName);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), appName);
  }
}
