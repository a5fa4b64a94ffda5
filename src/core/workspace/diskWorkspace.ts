import { readFileSync } from 'node:fs';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { findIndexedFiles, unreadableReason, type UnreadablePath } from './workspaceWalk';
import { parseTasksAhead } from './parallelTaskParse';
import { WorkspaceIndex, type IndexOptions } from './workspaceIndex';

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
