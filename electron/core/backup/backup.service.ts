import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ChannelOutput } from '../../../shared/contract/index';
import type { ParsedInput } from '../api-types';
import type { CoreDeps, HandlerContext } from '../context';
import { mirrorDocuments } from '../customers/document-files';
import { LATEST_SCHEMA_VERSION } from '../db/database';
import { AppError } from '../platform/errors';
import { randomCode } from '../platform/ids';
import type { Logger } from '../platform/logger';

const PENDING_FILE = 'restore-pending.json';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function invalidBackup(reason: { id: string; en: string }): AppError {
  return new AppError(
    'VALIDATION',
    {
      id: `Berkas cadangan tidak bisa dipakai: ${reason.id}`,
      en: `The backup file cannot be used: ${reason.en}`,
    },
    { fields: { fileName: reason.en } },
  );
}

/**
 * Online copy of the live database (SQLite's backup API), the customer documents mirrored next to
 * the backups (`backups/documents/`, only files not there yet), then one audit entry.
 */
export async function createBackup(ctx: HandlerContext): Promise<ChannelOutput<'backup.create'>> {
  mkdirSync(ctx.paths.backupsDir, { recursive: true });
  const now = ctx.clock.now();
  const fileName = `gerai-${stamp(now)}-${randomCode(4)}.db`;
  const file = join(ctx.paths.backupsDir, fileName);
  await ctx.store.sqlite.backup(file);
  const bytes = statSync(file).size;
  const documents = mirrorDocuments(ctx.paths.dataDir, join(ctx.paths.backupsDir, 'documents'));
  await ctx.audit({ entity: 'backup', entityId: null, before: null, after: { fileName, bytes, documents } });
  return { fileName, bytes, createdAt: now };
}

export async function listBackups(ctx: HandlerContext): Promise<ChannelOutput<'backup.list'>> {
  if (!existsSync(ctx.paths.backupsDir)) return [];
  return readdirSync(ctx.paths.backupsDir)
    .filter((name) => name.endsWith('.db'))
    .map((fileName) => {
      const stat = statSync(join(ctx.paths.backupsDir, fileName));
      return { fileName, bytes: stat.size, createdAt: Math.round(stat.mtimeMs) };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Opens a candidate file read-only and checks it is a whole Gerai database this app can open. */
export function checkBackupFile(file: string): void {
  if (!existsSync(file)) throw invalidBackup({ id: 'berkas tidak ada', en: 'file not found' });
  let candidate: Database.Database | undefined;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = candidate.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw invalidBackup({ id: 'berkas rusak', en: 'the file is damaged' });
    const version = candidate.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw invalidBackup({ id: 'bukan basis data Gerai', en: 'not a Gerai database' });
    if (version > LATEST_SCHEMA_VERSION) {
      throw invalidBackup({ id: 'dibuat oleh versi Gerai yang lebih baru', en: 'written by a newer Gerai' });
    }
    const users = candidate
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'")
      .get();
    if (!users) throw invalidBackup({ id: 'bukan basis data Gerai', en: 'not a Gerai database' });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidBackup({ id: 'bukan berkas SQLite', en: 'not an SQLite file' });
  } finally {
    candidate?.close();
  }
}

/** Checks the backup now and marks it to replace the database at the next start. */
export async function scheduleRestore(
  ctx: HandlerContext,
  input: ParsedInput<'backup.restore'>,
): Promise<ChannelOutput<'backup.restore'>> {
  const file = join(ctx.paths.backupsDir, basename(input.fileName));
  checkBackupFile(file);
  writeFileSync(
    join(ctx.paths.dataDir, PENDING_FILE),
    JSON.stringify({ file, requestedAt: ctx.clock.now() }),
  );
  await ctx.audit({
    entity: 'backup',
    entityId: null,
    before: null,
    after: { restoreScheduled: input.fileName },
  });
  ctx.requestRestart('restore');
  return { restartRequired: true };
}

/**
 * At start-up, before the store opens: if a restore is pending (or `explicitFile` is given), set the
 * current database aside in `before-restore-<time>/` and put the backup in its place.
 */
export function applyPendingRestore(
  paths: CoreDeps['paths'],
  logger: Logger,
  now: number,
  explicitFile?: string,
): string | null {
  const pendingPath = join(paths.dataDir, PENDING_FILE);
  let file = explicitFile ?? null;
  if (!file && existsSync(pendingPath)) {
    file = (JSON.parse(readFileSync(pendingPath, 'utf8')) as { file: string }).file;
  }
  if (!file) return null;
  try {
    checkBackupFile(file);
  } catch (error) {
    // An explicit restore must fail loudly. A scheduled one whose file went bad since it was checked
    // must not keep the app from starting on its current database at every start from now on.
    if (explicitFile || !(error instanceof AppError)) throw error;
    logger.error('scheduled restore dropped: the backup is no longer usable', {
      file,
      reason: error.message,
    });
    rmSync(pendingPath, { force: true });
    return null;
  }
  const asideDir = join(paths.dataDir, `before-restore-${stamp(now)}`);
  mkdirSync(asideDir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) {
    const current = paths.databaseFile + suffix;
    if (existsSync(current)) renameSync(current, join(asideDir, basename(current)));
  }
  copyFileSync(file, paths.databaseFile);
  rmSync(pendingPath, { force: true });
  logger.info('restored database from backup', { file, keptPreviousIn: asideDir });
  return asideDir;
}
