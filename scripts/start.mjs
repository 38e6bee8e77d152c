// `npm start`: the Electron app when an Electron binary is installed, otherwise the web host
// (`npm run web`) with the same arguments, so `npm start` always opens a working Gerai.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Electron executable if it is on disk, else null. Mirrors node_modules/electron/index.js without
 * calling it: requiring `electron` from Node starts a download when the binary is missing.
 */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, executable || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!executable) return null;
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? binary : null;
}

/** Builds out/ (main, preload, renderer) when it is missing; exits on a failed build. */
export function ensureBuild() {
  const built = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'].every((file) =>
    existsSync(join(root, 'out', file)),
  );
  if (built) return;
  console.log('Building the app (first run)…');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(1);
  }
}

/** Runs a child to completion and exits with its code. */
function runToEnd(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  // Ctrl-C reaches the child from the terminal itself (same process group): only outlive it here.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const args = process.argv.slice(2);
  const electron = findElectronBinary();
  if (electron) {
    ensureBuild();
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    runToEnd(electron, [root, ...args], env);
    return;
  }
  console.log('No Electron binary on this machine: starting the web host instead (npm run web).');
  runToEnd(process.execPath, [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(root, 'electron', 'host', 'cli.ts'),
    ...args,
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
