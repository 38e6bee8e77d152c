import { resolve } from 'node:path';

/** What the app was asked to do on its command line (`--data-dir=DIR`, `--restore=FILE`). */
export type LaunchOptions = { dataDir?: string; restoreFrom?: string };

function readSwitch(argv: readonly string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  const value = argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length);
  return value ? resolve(value) : undefined;
}

export function readLaunchOptions(argv: readonly string[]): LaunchOptions {
  return { dataDir: readSwitch(argv, 'data-dir'), restoreFrom: readSwitch(argv, 'restore') };
}

/**
 * The arguments for a relaunch: the same ones minus `--restore=`, which was applied on this start and
 * would otherwise override the restore the user has just scheduled.
 */
export function relaunchArgs(argv: readonly string[]): string[] {
  return argv.slice(1).filter((arg) => !arg.startsWith('--restore='));
}
