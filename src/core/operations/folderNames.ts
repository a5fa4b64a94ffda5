import { skippedFolderReason } from '../workspace/taskFolderRule';

/** The console's folder-name rules: at most 256 characters, none of | / \ : ? < > * ". */
export const FORBIDDEN_FOLDER_CHARACTERS = /[|/\\:?<>*"]/;
export const MAX_FOLDER_NAME = 256;

/** Why a folder name is refused, or undefined when it is fine. */
export function folderNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a folder name cannot be empty';
  if (name.length > MAX_FOLDER_NAME) return `a folder name can be at most ${MAX_FOLDER_NAME} characters (this one has ${name.length})`;
  const bad = FORBIDDEN_FOLDER_CHARACTERS.exec(name);
  if (bad) return `a folder name cannot contain ${bad[0]} (none of | / \\ : ? < > * ")`;
  // A newline or other control character would make a file name no listing shows as typed.
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a folder name cannot contain a control character (a newline, a tab, …)';
  if (name === '.' || name === '..') return `"${name}" is not a folder name`;
  if (name.trim() !== name) return 'a folder name cannot start or end with a space';
  const reserved = windowsReservedName(name);
  if (reserved) return reserved;
  // A task moved where the index does not look would vanish from the tree and from every command.
  return skippedFolderReason(name);
}

/** Device names Windows reserves, with or without an extension (`nul`, `CON.txt`, `com1`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;

/** Why Windows cannot hold a file or folder of this name, or undefined when it can. */
export function windowsReservedName(name: string): string | undefined {
  return WINDOWS_RESERVED.test(name) ? `"${name}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9), which no file or folder can have there` : undefined;
}

/** A '/'-separated folder path below the task root ('' or '/' is the root), each segment checked. */
export function folderPathProblem(path: string): string | undefined {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return undefined;
  for (const segment of trimmed.split('/')) {
    const problem = folderNameProblem(segment);
    if (problem) return `folder "${path}": ${problem}`;
  }
  return undefined;
}

export function normalizeFolderPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}
