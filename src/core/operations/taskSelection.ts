import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';
import { tasksUnder, findFolder } from '../workspace/folderTree';
import { normalizeFolderPath } from './folderNames';

export type Selection = { tasks: Task[]; unknown: string[] };

export function selectByIds(index: WorkspaceIndex, ids: readonly string[]): Selection {
  const tasks: Task[] = [];
  const unknown: string[] = [];
  for (const id of new Set(ids)) {
    const task = index.task(id);
    if (task) tasks.push(task);
    else unknown.push(id);
  }
  return { tasks, unknown };
}

/** The tasks directly in a folder of a project's tree, or, with `recursive`, in its subfolders too. */
export function selectByFolder(index: WorkspaceIndex, projectDir: string, folder: string, recursive: boolean): Task[] | undefined {
  const tree = index.folderTree(projectDir);
  if (!tree) return undefined;
  const node = findFolder(tree, normalizeFolderPath(folder));
  if (!node) return undefined;
  return tasksUnder(node, recursive);
}
