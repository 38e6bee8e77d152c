import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { createCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/platform/paths';
import { startHost } from './server';

const HELP = `Gerai web host: the whole app in a browser, served on 127.0.0.1.

  npm run web -- [--data-dir DIR] [--port 5174] [--host 127.0.0.1] [--restore FILE] [--rebuild]

  --data-dir  where the database, backups and logs live (default: ${defaultDataDir()})
  --port      port to listen on (default 5174; 0 picks a free one)
  --host      interface to bind (default 127.0.0.1; anything else exposes the app to the network)
  --restore   replace the database with this backup file before starting (the old one is kept)
  --rebuild   build the renderer even if a build exists
`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rendererDir = join(root, 'out', 'renderer');

function ensureRendererBuild(force: boolean) {
  if (!force && existsSync(join(rendererDir, 'index.html'))) return;
  console.log('Building the app (first run)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(1);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '5174' },
      host: { type: 'string', default: '127.0.0.1' },
      restore: { type: 'string' },
      rebuild: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  ensureRendererBuild(values.rebuild);

  let core: Core;
  let restarting = false;
  const open = (restoreFrom?: string) =>
    createCore({
      dataDir,
      appVersion: packageJson.version,
      restoreFrom,
      // Billing, dunning and isolir for every day due, also the days the app was closed.
      scheduler: { enabled: true },
      onRestartRequested: () => {
        // Let the current request answer first, then swap the core.
        setTimeout(() => void restart(), 50);
      },
    });
  async function restart() {
    if (restarting) return;
    restarting = true;
    try {
      await core.close();
      core = await open();
      console.log('Core restarted (restore applied).');
    } finally {
      restarting = false;
    }
  }

  core = await open(values.restore);
  const running = await startHost({ core: () => core, rendererDir, port, host: values.host });
  console.log(`Gerai is ready at ${running.url}  (data: ${dataDir})`);

  const stop = async () => {
    await running.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
