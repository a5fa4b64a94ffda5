import * as l10n from '@vscode/l10n';
import { readFileSync, statSync } from 'node:fs';
import type { IndexCacheSession } from './indexCache';
import { fileStatOf, type FileStat } from './workspaceScan';
import { unreadableReason } from './workspaceWalk';

/** A file's text as read (with its size and mtime when the cache vouches for or records it), or why it cannot be read. */
export type FileRead = { text: string; size?: number; mtimeMs?: number } | { unreadable: string };

/**
 * A local file's text (`path` as the OS spells it, `key` as the index does) from the cache when its
 * size and mtime vouch for it, else from the disk; `known` is its stat when a scan made one. Undefined
 * when the file is gone since the walk found it: it is no longer part of the workspace (the window
 * then hears of the delete; the command line reads the workspace as it is now). Synchronous: a stat
 * takes microseconds, and the thread pool's round trips cost more than it. The command line's warm
 * open and the window's indexing pass both read through here.
 */
export function readThroughCache(path: string, key: string, cache: IndexCacheSession | undefined, known?: FileStat): FileRead | undefined {
  if (!cache) return readLocal(path, known);
  let info = known;
  try {
    info ??= fileStatOf(statSync(path));
  } catch {
    // Made again to say why: gone, or a reason to report.
    return readLocal(path);
  }
  const cached = cache.trustedText(key, info.size, info.mtimeMs);
  if (cached !== undefined) return { text: cached, size: info.size, mtimeMs: info.mtimeMs };
  const read = readLocal(path, info);
  return read && 'text' in read ? { ...read, size: info.size, mtimeMs: info.mtimeMs } : read;
}

/** A local file's text, given its stat when the caller made one already (the cache's check did); undefined when it is gone. */
export function readLocal(path: string, known?: FileStat): FileRead | undefined {
  try {
    // A pipe or a device named like a task file would block the process on its read.
    if (!(known ?? fileStatOf(statSync(path))).isFile) return { unreadable: l10n.t('not a regular file') };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
    return { unreadable: unreadableReason(error) };
  }
}
