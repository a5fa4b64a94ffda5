import { PROJECT_FILE_NAME } from '../model/projectSchema';
import { TASK_FILE_SUFFIX } from '../model/taskSchema';
import { basename } from './paths';

export type FileKind = 'project' | 'task' | 'lock';

const LOCK_FILE = /\/\.nightshift\/locks\/([^/]+)\.lock$/;

/** Which workspace files the index reads; everything else (code files, docs) it ignores. */
export function fileKind(path: string): FileKind | undefined {
  const name = basename(path);
  if (name === PROJECT_FILE_NAME) return 'project';
  if (name.endsWith(TASK_FILE_SUFFIX) && name.length > TASK_FILE_SUFFIX.length) return 'task';
  if (LOCK_FILE.test(path)) return 'lock';
  return undefined;
}

/**
 * The task id a lock file's name encodes (percent-encoded, as `LockStore` writes it); undefined when
 * the path is no lock file or its name is not valid percent-encoding (`%E0%A4%A.lock`), which no
 * lock of ours has: a stray file in the lock folder, to be reported, never to stop the index.
 */
export function lockedTaskId(path: string): string | undefined {
  const match = LOCK_FILE.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return undefined;
  }
}

/** Glob of every file `fileKind` accepts, for file watchers and searches. */
export const INDEXED_FILES_GLOB = `**/{${PROJECT_FILE_NAME},*${TASK_FILE_SUFFIX},.nightshift/locks/*.lock}`;
