import { statSync, type Stats } from 'node:fs';
import picomatch from 'picomatch';
import type { FolderListings } from './folderListings';
import { findIndexedFiles } from './workspaceWalk';

/** What a stat of a found file said. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  isFile: boolean;
}

/**
 * Every file the index reads under some folders, each with its stat, in columns (a helper thread
 * posts them: typed arrays cross in one copy, where 100,000 small objects would be cloned one by one).
 */
export interface WorkspaceScan {
  /** Sorted within each root, the roots in the order given. */
  files: string[];
  size: Float64Array;
  mtimeMs: Float64Array;
  /** STAT_FAILED (the reader stats the file again and says why), STAT_FILE or STAT_OTHER (a pipe, a device). */
  kind: Uint8Array;
  /** Folders that could not be listed, with why. */
  unreadable: [string, string][];
}

export const STAT_FAILED = 0;
export const STAT_FILE = 1;
export const STAT_OTHER = 2;

/** A stat as the readers use it. */
export function fileStatOf(stat: Stats): FileStat {
  return { size: stat.size, mtimeMs: stat.mtimeMs, isFile: stat.isFile() };
}

/** The scan's stat of its `i`th file; undefined when the stat failed. */
export function statOf(scan: WorkspaceScan, i: number): FileStat | undefined {
  const kind = scan.kind[i];
  return kind === STAT_FAILED || kind === undefined ? undefined : { size: scan.size[i]!, mtimeMs: scan.mtimeMs[i]!, isFile: kind === STAT_FILE };
}

/**
 * A '/'-separated path's test against exclude globs as VS Code reads them. The walk asks it of each
 * folder before listing it, so a glob that matches a folder (a .git or build folder at any depth)
 * leaves out everything below it too.
 */
export function excludedBy(globs: readonly string[]): ((rel: string) => boolean) | undefined {
  return globs.length === 0 ? undefined : picomatch([...globs], { dot: true });
}

/**
 * Walks the roots by the task-folder rule and the exclude globs, and stats every file found (following
 * links, as reading it does). `progress` is told every so often, for a waiting thread to see it move.
 * `listings`: the folders an earlier walk listed, trusted where unchanged, and this walk's (see
 * folderListings.ts).
 */
export function scanWorkspace(roots: readonly string[], excludeGlobs: readonly string[], progress: () => void = () => undefined, listings?: FolderListings): WorkspaceScan {
  const excluded = excludedBy(excludeGlobs);
  const unreadable: [string, string][] = [];
  const files: string[] = [];
  for (const root of roots) {
    for (const file of findIndexedFiles(root, (path, reason) => void unreadable.push([path, reason]), excluded, listings)) files.push(file);
    progress();
  }
  const size = new Float64Array(files.length);
  const mtimeMs = new Float64Array(files.length);
  const kind = new Uint8Array(files.length);
  files.forEach((file, i) => {
    if (i % 256 === 0) progress();
    let stat;
    try {
      stat = statSync(file);
    } catch {
      // Gone or unreadable since it was listed: the reader stats it again and says why.
      return;
    }
    size[i] = stat.size;
    mtimeMs[i] = stat.mtimeMs;
    kind[i] = stat.isFile() ? STAT_FILE : STAT_OTHER;
  });
  return { files, size, mtimeMs, kind, unreadable };
}
