// `npm run test:electron`: Electron-only end-to-end tests (playwright-core's `_electron`) under
// tests/electron/. Where no Electron binary is installed (this machine reaches only the npm registry)
// it says so in one line and succeeds; it never tries to download one.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuild, findElectronBinary } from './start.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const electron = findElectronBinary();
if (!electron) {
  console.log('electron e2e: skipped — no Electron binary on this machine (npm registry only)');
  process.exit(0);
}

ensureBuild();
const result = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
    '--config',
    join(root, 'tests', 'electron', 'vitest.config.mts'),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, GERAI_ELECTRON_BINARY: electron } },
);
process.exit(result.status ?? 1);
