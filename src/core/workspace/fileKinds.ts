import { PROJECT_FILE_NAME, TASK_FILE_SUFFIX } from '../model/fileNames';
import { basename } from './paths';

export type FileKind = 'project' | 'task' | 'lock';

const LOCK_FILE = /\/\.nightshift\/locks\/([^/]+)\.lock$/;

/**
 * Which workspace files the index reads; everything else (code files, docs) it ignores. With a shared
 * lock folder (`nightshift.lockDirectory`, `--lock-dir`), the `.lock` files right in it are locks too.
 */
export function fileKind(path: string, sharedLockDir?: string): FileKind | undefined {
  const name = basename(path);
  if (name === PROJECT_FILE_NAME) return 'project';
  if (name.endsWith(TASK_FILE_SUFFIX) && name.length > TASK_FILE_SUFFIX.length) return 'task';
  if (LOCK_FILE.test(path) || inSharedLockDir(path, sharedLockDir)) return 'lock';
  return undefined;
}

function inSharedLockDir(path: string, dir: string | undefined): boolean {
  return dir !== undefined && path.endsWith('.lock') && path.slice(0, path.lastIndexOf('/')) === dir.replace(/\/+$/, '');
}

/**
 * The task id a lock file's name encodes (percent-encoded, as `LockStore` writes it); undefined when
 * the path is no lock file or its name is not valid percent-encoding (`%E0%A4%A.lock`), which no
 * lock of ours has: a stray file in the lock folder, to be reported, never to stop the index.
 */
export function lockedTaskId(path: string, sharedLockDir?: string): string | undefined {
  const match = LOCK_FILE.exec(path);
  const name = match ? match[1] : inSharedLockDir(path, sharedLockDir) ? basename(path).slice(0, -'.lock'.length) : undefined;
  if (name === undefined) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return undefined;
  }
}

/** Glob of every file `fileKind` accepts, for file watchers and searches. */
export const INDEXED_FILES_GLOB = `**/{${PROJECT_FILE_NAME},*${TASK_FILE_SUFFIX},.nightshift/locks/*.lock}`;
