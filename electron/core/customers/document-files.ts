import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where customer documents live: `<dataDir>/documents/<document id>`. A file is first written as
 * `<id>.part` inside the call's transaction and renamed to `<id>` once the row is committed, so a
 * file named `<id>` always has its row. A `.part` left behind is either a rolled-back add (no row:
 * swept away) or a commit whose rename never ran (row present: finished on the next read or sweep).
 */
export function documentsDir(dataDir: string): string {
  return join(dataDir, 'documents');
}

const PART = '.part';

/** Writes the content as `<id>.part`; returns the final path the commit will rename it to. */
export async function writePendingDocument(dataDir: string, id: string, content: Buffer): Promise<string> {
  const dir = documentsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const finalPath = join(dir, id);
  await writeFile(finalPath + PART, content, { flush: true });
  return finalPath;
}

/** After the commit: `<id>.part` → `<id>` (nothing to do when a reader already finished it). */
export function finishPendingDocument(finalPath: string): void {
  if (!existsSync(finalPath + PART) && existsSync(finalPath)) return;
  renameSync(finalPath + PART, finalPath);
}

/** The content of a committed document's file, or null when the file is not in the data folder. */
export async function readDocumentFile(dataDir: string, id: string): Promise<Buffer | null> {
  const finalPath = join(documentsDir(dataDir), id);
  if (!existsSync(finalPath) && existsSync(finalPath + PART)) finishPendingDocument(finalPath);
  if (!existsSync(finalPath)) return null;
  return readFile(finalPath);
}

/** Ids of the `.part` files in the documents folder (see above). */
export function pendingDocumentIds(dataDir: string): string[] {
  const dir = documentsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(PART))
    .map((name) => name.slice(0, -PART.length));
}

/** A `.part` file is finished when its row was committed, deleted when it never was. */
export function settlePendingDocument(dataDir: string, id: string, committed: boolean): void {
  const finalPath = join(documentsDir(dataDir), id);
  if (committed) finishPendingDocument(finalPath);
  else rmSync(finalPath + PART, { force: true });
}

/**
 * Copies every committed document not yet in `targetDir` there (a backup's documents folder).
 * Document files never change once committed (a new upload is a new id), so a copy by name is
 * enough and later backups copy only what is new. Answers how many files were copied.
 */
export function mirrorDocuments(dataDir: string, targetDir: string): number {
  const dir = documentsDir(dataDir);
  if (!existsSync(dir)) return 0;
  mkdirSync(targetDir, { recursive: true });
  let copied = 0;
  for (const name of readdirSync(dir)) {
    if (name.endsWith(PART) || existsSync(join(targetDir, name))) continue;
    copyFileSync(join(dir, name), join(targetDir, name));
    copied += 1;
  }
  return copied;
}
