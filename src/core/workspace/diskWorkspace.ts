import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { isIndexedPath, isScannedFolder } from './taskFolderRule';
import { parseTasksAhead } from './parallelTaskParse';
import { WorkspaceIndex, type IndexOptions } from './workspaceIndex';

/** A file or folder the scan found but could not read, with the reason (`EACCES: permission denied`). */
export type UnreadablePath = (path: string, reason: string) => void;

/**
 * Paths of every file under `root` that the index reads, by the shared task-folder rule. A folder that
 * cannot be listed goes to `unreadable` (by default the scan fails), and the scan goes on without it.
 */
export function findIndexedFiles(root: string, unreadable: UnreadablePath = failOn): string[] {
  const top = resolve(root);
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      return unreadable(dir, unreadableReason(error));
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const rel = toPosixPath(relative(top, path));
      if (entry.isDirectory()) {
        if (isScannedFolder(rel)) walk(path);
      } else if (entry.isFile() && fileKind(toPosixPath(path)) && isIndexedPath(rel)) {
        found.push(path);
      }
    }
  };
  walk(top);
  return found.sort();
}

/**
 * Reads a workspace folder from disk into a new index (the CLI's and the benchmarks' way in). A file
 * or folder that cannot be read is a problem at its path; every other file is still read. The task
 * files are parsed on two threads when they are many (parseTasksAhead), then indexed in order.
 */
export function loadWorkspace(root: string, options: IndexOptions = {}): WorkspaceIndex {
  const index = new WorkspaceIndex(options);
  const unreadable: UnreadablePath = (path, reason) => void index.setUnreadable(path, reason);
  const reads = findIndexedFiles(root, unreadable).map((path) => readForIndex(path));
  const ahead = parseTasksAhead(reads.flatMap((r) => (r.text !== undefined && fileKind(toPosixPath(r.path), options.sharedLockDir) === 'task' ? [r as { path: string; text: string }] : [])));
  for (const read of reads) {
    if (read.text !== undefined) index.setFile(read.path, read.text, ahead);
    else index.setUnreadable(read.path, read.unreadable!);
  }
  return index;
}

/** A file's text, or why it cannot be read. */
export function readForIndex(path: string): { path: string; text?: string; unreadable?: string } {
  let why = '';
  const text = readIndexedFile(path, (_, reason) => void (why = reason));
  return text === undefined ? { path, unreadable: why } : { path, text };
}

/** A file's text, or undefined after telling `unreadable` why it could not be read. */
export function readIndexedFile(file: string, unreadable: UnreadablePath): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    unreadable(file, unreadableReason(error));
    return undefined;
  }
}

/** `EACCES: permission denied`: the code and what it means, without the path the problem already names. */
export function unreadableReason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code === 'string') return `${e.code}: ${String(e.message).replace(/^[A-Z]+: /, '').replace(/,.*$/, '')}`;
  return error instanceof Error ? error.message : String(error);
}

function failOn(path: string, reason: string): never {
  throw new Error(`${path}: ${reason}`);
}
