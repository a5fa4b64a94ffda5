import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { readFileSync, statSync } from 'node:fs';
import { fileStatOf, type FileStat } from '../core/workspace/workspaceScan';
import { unreadableReason } from '../core/workspace/workspaceWalk';
import type { IndexCacheSession } from '../core/workspace/indexCache';

/** A file's text as read (with its size and mtime when the cache vouches for or records it), or why it cannot be read. */
export type FileRead = { text: string; size?: number; mtimeMs?: number } | { unreadable: string };

/**
 * A local file's text (`path` as the OS spells it, `key` as the index does) from the cache when its
 * size and mtime vouch for it, else from the disk; `known` is its stat when a scan made one.
 * Synchronous: a stat takes microseconds, and the thread pool's round trips cost more than it.
 */
export function readLocalThroughCache(path: string, key: string, cache: IndexCacheSession | undefined, known?: FileStat): FileRead | undefined {
  if (!cache) return readLocal(path, known);
  let info = known;
  try {
    info ??= fileStatOf(statSync(path));
  } catch {
    return readLocal(path);
  }
  const cached = cache.trustedText(key, info.size, info.mtimeMs);
  if (cached !== undefined) return { text: cached, size: info.size, mtimeMs: info.mtimeMs };
  const read = readLocal(path, info);
  return read && 'text' in read ? { ...read, size: info.size, mtimeMs: info.mtimeMs } : read;
}

/**
 * A file's text; why it cannot be read (no permission); undefined when it is gone. A local file is
 * read here, synchronously, as the command line reads it: through the workbench's file system, 10,000
 * reads took a third longer, and its decoder drops a byte-order mark that the file on disk (which a
 * batch compares with what the index read) still has.
 */
export async function readText(uri: vscode.Uri): Promise<FileRead | undefined> {
  if (uri.scheme === 'file') return readLocal(uri.fsPath);
  try {
    return { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
  } catch (error) {
    // Gone between the event and the read: the delete event follows.
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    return { unreadable: error instanceof Error ? error.message : String(error) };
  }
}

/** A local file's text, given its stat when the caller made one already (the cache's check did). */
function readLocal(path: string, known?: FileStat): FileRead | undefined {
  try {
    // A pipe or a device named like a task file would block the extension host on its read.
    if (!(known ?? fileStatOf(statSync(path))).isFile) return { unreadable: l10n.t('not a regular file') };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
    return { unreadable: unreadableReason(error) };
  }
}
