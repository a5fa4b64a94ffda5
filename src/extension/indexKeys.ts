import * as vscode from 'vscode';
import { toPosixPath } from '../core/workspace/paths';

/**
 * A local path as the window's index keys it: the path of its file URI, '/'-separated (what the
 * watcher's events give). On POSIX that is the path itself, with no URI made.
 */
export function localKey(path: string): string {
  return process.platform === 'win32' ? toPosixPath(vscode.Uri.file(path).path) : path;
}

/** '/'-separated path below the workspace folder holding `uri`, as the task-folder rule reads it. */
export function relativePath(uri: vscode.Uri): string {
  return toPosixPath(vscode.workspace.asRelativePath(uri, false));
}
