import * as l10n from '@vscode/l10n';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A write that would overwrite what someone else changed since we read it. */
export class ConflictError extends Error {}

let counter = 0;
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
}

/**
 * Writes the text to a new temporary file beside `path`. No fsync: the rename that follows makes the
 * change atomic against a crashed or killed process (what matters for a batch stopped mid-way); ext4
 * and similar file systems also order a rename-over after its data. An fsync per file would make a
 * batch over thousands of tasks many times slower.
 */
function writeTemp(path: string, text: string): string {
  const temp = tempPathFor(path);
  try {
    writeNew(temp, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeNew(temp, text);
  }
  return temp;
}

/** Creates `temp` with the text; a write that fails half-way (a full disk) leaves no file behind. */
function writeNew(temp: string, text: string): void {
  try {
    writeFileSync(temp, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOENT') unlinkQuietly(temp);
    throw error;
  }
}

/** Replaces a file's content in one step: a reader (or a crash) sees the old text or the new, never half. */
export function writeFileAtomic(path: string, text: string): void {
  const temp = writeTemp(path, text);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkQuietly(temp);
    throw error;
  }
}

/**
 * Creates a file with its full content only if nothing exists at `path` yet: the content goes to a
 * temporary file first, then a hard link claims the name, which fails if another process got there
 * first. Returns false when the file already exists.
 */
export function createFileExclusive(path: string, text: string): boolean {
  const temp = writeTemp(path, text);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temp);
  }
}

/** The file's current text, provided it is still `expected` (what was read before deciding a change). */
export function readUnchanged(path: string, expected: string | undefined): string {
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConflictError(l10n.t('the file was deleted or moved on disk since it was read'));
    throw error;
  }
  if (expected !== undefined && current !== expected) throw new ConflictError(l10n.t('the file changed on disk since it was read; not overwritten'));
  return current;
}

export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
