import * as l10n from '@vscode/l10n';
import { isAbsolute, normalize, resolve, sep } from 'node:path';
import { PROJECT_FILE_NAME, TASK_FILE_SUFFIX } from './fileNames';

/**
 * Why a task's `code:` value is refused, or undefined when it names a file in the task's folder or
 * below. Delete and move act on the code file, so a value that climbs out (`../../keys`), is absolute,
 * or names another task's file or the project file would make them delete or move what is not the
 * task's own.
 */
export function codePathProblem(code: string): string | undefined {
  if (isAbsolute(code) || /^[a-zA-Z]:/.test(code)) return `code: ${l10n.t('"{0}" must be a path relative to the task file, not an absolute path', code)}`;
  const normal = normalize(code.replace(/\\/g, '/'));
  if (normal === '.' || normal === '..' || normal.startsWith(`..${sep}`) || normal.startsWith('../')) {
    return `code: ${l10n.t('"{0}" must name a file in the task\'s folder or below it', code)}`;
  }
  if (normal.endsWith(TASK_FILE_SUFFIX)) return `code: ${l10n.t('"{0}" names a task file; the code file must be a .sql, .py, .sh or other code file', code)}`;
  const name = normal.split(/[\\/]/).at(-1);
  if (name === PROJECT_FILE_NAME) return `code: ${l10n.t('"{0}" names a project file', code)}`;
  if (normal.split(/[\\/]/).includes('.nightshift')) return `code: ${l10n.t('"{0}" names a file inside .nightshift/', code)}`;
  return undefined;
}

/** The task's code file as an absolute path, or undefined when it has none or its `code:` is refused. */
export function codeFilePath(taskFile: string, code: string | undefined): string | undefined {
  if (code === undefined || codePathProblem(code)) return undefined;
  return resolve(taskFile, '..', code);
}
