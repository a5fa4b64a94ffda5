import * as l10n from '@vscode/l10n';
import { skippedFolderReason } from '../workspace/taskFolderRule';

/** The console's folder-name rules: at most 256 characters, none of | / \ : ? < > * ". */
export const FORBIDDEN_FOLDER_CHARACTERS = /[|/\\:?<>*"]/;
export const MAX_FOLDER_NAME = 256;

/**
 * Why a folder name is refused, or undefined when it is fine. A task's name becomes its file's name,
 * so the same rules refuse it, named as what it is (`what`).
 */
export function folderNameProblem(name: string, what: 'folder' | 'task' = 'folder'): string | undefined {
  const noun = what === 'task' ? l10n.t('a task name') : l10n.t('a folder name');
  if (name.length === 0) return l10n.t('{0} cannot be empty', noun);
  if (name.length > MAX_FOLDER_NAME) return l10n.t('{0} can be at most {1} characters (this one has {2})', noun, MAX_FOLDER_NAME, name.length);
  const bad = FORBIDDEN_FOLDER_CHARACTERS.exec(name);
  if (bad) return l10n.t('{0} cannot contain {1} (none of {2})', noun, bad[0], '| / \\ : ? < > * "');
  // A newline or other control character would make a file name no listing shows as typed.
  if (/[\u0000-\u001f\u007f]/.test(name)) return l10n.t('{0} cannot contain a control character (a newline, a tab, …)', noun);
  if (name === '.' || name === '..') return l10n.t('"{0}" is not {1}', name, noun);
  if (name.trim() !== name) return l10n.t('{0} cannot start or end with a space', noun);
  const reserved = windowsReservedName(name);
  if (reserved) return reserved;
  // A task moved where the index does not look would vanish from the tree and from every command.
  return skippedFolderReason(name);
}

/** Device names Windows reserves, with or without an extension (`nul`, `CON.txt`, `com1`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Why Windows cannot hold a file or folder of this name, or undefined when it can. */
export function windowsReservedName(name: string): string | undefined {
  return WINDOWS_RESERVED.test(name) ? l10n.t('"{0}" is a device name Windows reserves ({1}), which no file or folder can have there', name, 'CON, PRN, AUX, NUL, COM1-9, LPT1-9') : undefined;
}

/** A '/'-separated folder path below the task root ('' or '/' is the root), each segment checked. */
export function folderPathProblem(path: string): string | undefined {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return undefined;
  for (const segment of trimmed.split('/')) {
    const problem = folderNameProblem(segment);
    if (problem) return l10n.t('folder "{0}": {1}', path, problem);
  }
  return undefined;
}

export function normalizeFolderPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
