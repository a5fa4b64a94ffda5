import * as l10n from '@vscode/l10n';
import { closeSync, constants, existsSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError } from './atomicFile';
import { isAfterText, type FileChange } from './batchRecords';

export type ChangeKind = 'create' | 'edit' | 'move' | 'delete' | 'lock' | 'pending';

/** What kind of change a record entry is (records before `kind` existed say it by their fields). */
export function changeKind(c: FileChange): ChangeKind {
  if (c.lock) return 'lock';
  if (c.created) return 'create';
  if (c.after === undefined) return 'delete';
  if (c.pending && c.after === c.before && !c.edit) return 'pending';
  return c.after !== c.before ? 'move' : 'edit';
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A task file's text, undefined when nothing is there; a link there is refused, never read through. This
 * read under the write lock is the check (the one before the rename), so nothing can become a link
 * between them: a rename would replace a link anyway, and a link is never a task the index read.
 */
export function readTaskFileIfExists(path: string): string | undefined {
  let fd: number;
  try {
    // Windows has no O_NOFOLLOW: there a link is looked for first.
    if (constants.O_NOFOLLOW === undefined && lstatSync(path).isSymbolicLink()) throw linkRefusal(path);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw code === 'ELOOP' ? linkRefusal(path) : error;
  }
  try {
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

function linkRefusal(path: string): ConflictError {
  return new ConflictError(l10n.t('{0} is a symbolic link: a task file is never read or written through one', path));
}

/**
 * Where a task file stands against its recorded change:
 * - before: as it was (not reached);
 * - linked: a move's new name made, the old one not yet removed (both hold the old text);
 * - renamed: moved, not yet rewritten;
 * - after: as the batch left it (for a delete: gone);
 * - changed: anything else; someone changed it since, and it is left alone.
 */
export type TaskFileState = 'before' | 'linked' | 'renamed' | 'after' | 'changed';

export function taskFileState(c: FileChange): TaskFileState {
  const atBefore = readTaskFileIfExists(c.before);
  const kind = changeKind(c);
  if (kind === 'delete') return atBefore === undefined ? 'after' : atBefore === c.beforeText ? 'before' : 'changed';
  if (kind === 'create') return atBefore === undefined ? 'before' : isAfterText(c, atBefore) ? 'after' : 'changed';
  // An edit always changes the text (updatedAt at least): the old text is 'before', and only
  // another text is worth hashing.
  if (kind !== 'move') return atBefore === undefined ? 'changed' : atBefore === c.beforeText ? 'before' : isAfterText(c, atBefore) ? 'after' : 'changed';
  const atAfter = readTaskFileIfExists(c.after!);
  if (atAfter === undefined) return atBefore === c.beforeText ? 'before' : 'changed';
  if (atBefore === undefined) return isAfterText(c, atAfter) ? 'after' : atAfter === c.beforeText ? 'renamed' : 'changed';
  return atBefore === c.beforeText && atAfter === c.beforeText ? 'linked' : 'changed';
}

/**
 * Where a moved task's code file stands: at its old path, its new one, both (one file linked under
 * both names: a move cut short), two different files ('clash': something else holds the new name),
 * or neither.
 */
export function codeFileState(code: { from: string; to: string }): 'from' | 'to' | 'both' | 'clash' | 'none' {
  const from = statIfExists(code.from);
  const to = statIfExists(code.to);
  if (from && to) return from.ino === to.ino && from.dev === to.dev ? 'both' : 'clash';
  return from ? 'from' : to ? 'to' : 'none';
}

function statIfExists(path: string): { ino: number; dev: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Moves a file without ever replacing one at the target: a hard link claims the new name (failing if
 * it exists), then the old name goes. A kill in between leaves both names on one file, which the
 * batch's record recognizes ('linked').
 */
export function moveNoClobber(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ConflictError(l10n.t('{0} already exists', to));
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    // A file system without hard links: check, then rename (the write lock keeps Nightshift writers out).
    if (existsSync(to)) throw new ConflictError(l10n.t('{0} already exists', to));
    renameSync(from, to);
    return;
  }
  unlinkSync(from);
}
