import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { folderPathProblem, normalizeFolderPath } from '../core/operations/folderNames';
import type { FolderNode } from '../core/workspace/folderTree';
import type { Project } from '../core/workspace/workspaceModel';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';

function allFolders(node: FolderNode | undefined): string[] {
  if (!node) return [];
  return [node.path, ...node.folders.flatMap(allFolders)];
}

/**
 * The target folder of a move, picked from the project's folders (the task root first), or a new
 * one typed under "New Folder…" (checked against the console's folder-name rules as it is typed).
 */
export async function pickFolder(index: WorkspaceIndex, project: Project, title = l10n.t('Move to a folder of {0}', project.config.project)): Promise<string | undefined> {
  const NEW = `$(new-folder) ${l10n.t('New Folder…')}`;
  const picks = [
    { label: NEW, description: l10n.t('a path below the task root; missing folders are created') },
    ...allFolders(index.folderTree(project.dir)).map((path) => ({ label: `$(folder) /${path}`, description: path === '' ? l10n.t('the task root') : undefined, path })),
  ];
  const choice = await vscode.window.showQuickPick(picks, { title, matchOnDescription: true });
  if (!choice) return undefined;
  if ('path' in choice && choice.path !== undefined) return choice.path;
  const typed = await vscode.window.showInputBox({ title: l10n.t('New folder in {0}', project.config.project), prompt: l10n.t('Folder path below the task root, e.g. dws/weekly'), validateInput: (v) => (v.trim() === '' ? l10n.t('Type a folder path') : folderPathProblem(v)) });
  return typed === undefined ? undefined : normalizeFolderPath(typed);
}
