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
export async function pickFolder(index: WorkspaceIndex, project: Project, title = `Move to a folder of ${project.config.project}`): Promise<string | undefined> {
  const NEW = '$(new-folder) New Folder…';
  const picks = [
    { label: NEW, description: 'a path below the task root; missing folders are created' },
    ...allFolders(index.folderTree(project.dir)).map((path) => ({ label: `$(folder) /${path}`, description: path === '' ? 'the task root' : undefined, path })),
  ];
  const choice = await vscode.window.showQuickPick(picks, { title, matchOnDescription: true });
  if (!choice) return undefined;
  if ('path' in choice && choice.path !== undefined) return choice.path;
  const typed = await vscode.window.showInputBox({ title: `New folder in ${project.config.project}`, prompt: 'Folder path below the task root, e.g. dws/weekly', validateInput: (v) => (v.trim() === '' ? 'Type a folder path' : folderPathProblem(v)) });
  return typed === undefined ? undefined : normalizeFolderPath(typed);
}
