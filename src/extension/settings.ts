import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import * as vscode from 'vscode';

export const SECTION = 'nightshift';

export function excludeGlobs(): string[] {
  return vscode.workspace.getConfiguration(SECTION).get<string[]>('exclude', []);
}

/** The workbench's `files.exclude` globs that are on: the walk of local folders leaves those out too. */
export function filesExclude(): string[] {
  return Object.entries(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude', {}))
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/**
 * The team's shared lock folder (`nightshift.lockDirectory`) as an absolute path, a relative setting
 * taken from the first workspace folder; undefined when each project keeps its own locks.
 */
export function sharedLockDirectory(): string | undefined {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('lockDirectory');
  if (!configured) return undefined;
  const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return resolve(base, configured);
}

export function taskRootOverride(): string | undefined {
  return vscode.workspace.getConfiguration(SECTION).get<string>('taskRoot') || undefined;
}

/** Who "me" is for locks and "developed by me": the setting, else git's user.name, else the OS user. */
export async function currentUser(): Promise<string> {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('user');
  if (configured) return configured;
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const fromGit = await new Promise<string>((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) => resolve(error ? '' : stdout.trim()));
  });
  if (fromGit) return fromGit;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
