import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/platform/logger';

/** Where updates come from: a generic-provider URL, or the one baked into the build (app-update.yml). */
export type UpdateFeed = { source: 'env' | 'config'; url: string } | { source: 'build' };

/** The JSON file in the data folder an administrator may edit: `{ "update-url": "https://…" }`. */
export const CONFIG_FILE = 'config.json';

function httpsUrl(value: unknown, from: string, logger: Logger): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  try {
    const url = new URL(value.trim());
    // An update is code the app will run: never over plain http.
    if (url.protocol === 'https:') return url.toString();
  } catch {
    // Fall through to the warning.
  }
  logger.warn('ignoring an update URL that is not https', { from, value });
  return null;
}

function configuredUrl(dataDir: string, logger: Logger): string | null {
  const file = join(dataDir, CONFIG_FILE);
  if (!existsSync(file)) return null;
  try {
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return httpsUrl(config?.['update-url'], file, logger);
  } catch (error) {
    logger.warn('could not read the config file', {
      file,
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/**
 * `GERAI_UPDATE_URL`, else `update-url` in <data>/config.json, else the feed electron-builder baked in
 * (`resources/app-update.yml`, written when the build had GERAI_UPDATE_URL), else none.
 */
export function resolveUpdateFeed(options: {
  dataDir: string;
  resourcesPath: string;
  logger: Logger;
}): UpdateFeed | null {
  const fromEnv = httpsUrl(process.env.GERAI_UPDATE_URL, 'GERAI_UPDATE_URL', options.logger);
  if (fromEnv) return { source: 'env', url: fromEnv };
  const fromConfig = configuredUrl(options.dataDir, options.logger);
  if (fromConfig) return { source: 'config', url: fromConfig };
  if (existsSync(join(options.resourcesPath, 'app-update.yml'))) return { source: 'build' };
  return null;
}
