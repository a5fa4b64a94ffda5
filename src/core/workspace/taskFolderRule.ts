import * as l10n from '@vscode/l10n';
/**
 * Which folders hold tasks: one rule for the command line's scan, the extension's indexer and file
 * watcher, and the targets of move and project ownership. A task moved where the index does not look
 * would vanish, so whatever the index skips, an operation refuses as a target.
 */

/** Build output and installed dependencies: generated, never a task's home. */
const GENERATED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out']);

/** A project's own state folder; of it, only the edit locks are read. */
export const STATE_FOLDER = '.nightshift';
export const LOCKS_FOLDER = 'locks';

/** Why tasks in a folder of this name are never indexed, or undefined when they are. */
export function skippedFolderReason(name: string): string | undefined {
  // Hidden folders are version control (.git, .svn, .hg), editor and tool state (.vscode, .nightshift).
  if (name.startsWith('.')) return l10n.t('"{0}" is a hidden folder (its name starts with "."), where Nightshift does not look for tasks', name);
  if (GENERATED_FOLDERS.has(name)) return l10n.t('"{0}" is a build-output or dependency folder ({1}), where Nightshift does not look for tasks', name, [...GENERATED_FOLDERS].join(', '));
  return undefined;
}

/**
 * Whether the index reads a file, by its '/'-separated path relative to the workspace folder: no folder
 * on the way is skipped, except that an edit lock sits in `<project>/.nightshift/locks/`.
 */
export function isIndexedPath(relativePath: string): boolean {
  const folders = relativePath.split('/').slice(0, -1);
  const n = folders.length;
  const inLocks = n >= 2 && folders[n - 2] === STATE_FOLDER && folders[n - 1] === LOCKS_FOLDER && relativePath.endsWith('.lock');
  return allIndexed(inLocks ? folders.slice(0, -2) : folders);
}

/** Whether a scan must look inside a folder (relative to the workspace folder) to find every indexed file. */
export function isScannedFolder(relativeDir: string): boolean {
  const folders = relativeDir.split('/').filter(Boolean);
  const n = folders.length;
  if (folders[n - 1] === STATE_FOLDER) return allIndexed(folders.slice(0, -1));
  if (folders[n - 1] === LOCKS_FOLDER && folders[n - 2] === STATE_FOLDER) return allIndexed(folders.slice(0, -2));
  return allIndexed(folders);
}

function allIndexed(folders: readonly string[]): boolean {
  return folders.every((name) => skippedFolderReason(name) === undefined);
}
