import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { selectByFolder } from '../core/operations/taskSelection';
import { findFolder } from '../core/workspace/folderTree';
import type { Task } from '../core/workspace/workspaceModel';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';

/**
 * The tasks a command acts on: the multi-selection (or the clicked item), where a folder or project
 * means all tasks in it, and, when it has subfolders, in those too if the user says so. From the
 * palette (no item given): the active editor's task, else the tasks the user picks. Never the tree's
 * selection: the tree may be hidden, and its selection is not what the user is looking at.
 */
export async function tasksForCommand(
  indexer: WorkspaceIndexer,
  node: TreeNode | undefined,
  selected: readonly TreeNode[] | undefined,
  recursive: boolean | undefined,
): Promise<{ tasks: Task[]; where?: string } | undefined> {
  // A command run while the workspace is still being indexed waits for it: the active editor's task
  // must be found, and the picker must list every task.
  await indexer.whenReady();
  const index = indexer.index;
  const nodes: readonly TreeNode[] = selected?.length ? selected : node ? [node] : [];
  if (nodes.length === 0) {
    const active = vscode.window.activeTextEditor?.document;
    let own = active?.uri.scheme === 'file' ? index.taskByFile(active.uri.fsPath) : undefined;
    // A task file the index has not caught up with yet (just created, moved or renamed): let it settle.
    if (!own && active?.uri.scheme === 'file' && active.uri.fsPath.endsWith('.task.yaml')) {
      await indexer.settled();
      own = indexer.index.taskByFile(active.uri.fsPath);
    }
    if (own) return { tasks: [own] };
    const picks = await vscode.window.showQuickPick(
      [...index.tasks()].map((t) => ({ label: t.data.name, description: t.data.id, detail: t.folder ? `/${t.folder}` : '/', task: t })),
      { canPickMany: true, title: l10n.t('Choose the compute tasks'), matchOnDescription: true },
    );
    return picks && { tasks: picks.map((p) => p.task) };
  }
  const tasks = new Map<string, Task>();
  // Where the tasks come from, for the preview's title: "finance_dw/ods and its subfolders".
  const where: string[] = [];
  for (const n of nodes) {
    // "Load more…" is no selection of tasks: a multi-selection that includes it means the rest.
    if (n.kind === 'more') continue;
    if (n.kind === 'task') {
      const task = index.taskByFile(n.file);
      if (task) tasks.set(task.data.id, task);
      continue;
    }
    const path = n.kind === 'folder' ? n.path : '';
    let deep = recursive;
    if (deep === undefined) {
      const tree = index.folderTree(n.projectDir);
      const folder = tree ? findFolder(tree, path) : undefined;
      if (folder && folder.folders.length > 0) {
        const count = (deep: boolean) => selectByFolder(index, n.projectDir, path, deep)?.length ?? 0;
        const choice = await vscode.window.showQuickPick(
          [{ label: l10n.t('Tasks in this folder only'), description: l10n.t('{0} tasks', count(false)), deep: false }, { label: l10n.t('Include tasks in subfolders'), description: l10n.t('{0} tasks', count(true)), deep: true }],
          { title: l10n.t('{0}: which tasks?', `${index.project(n.projectDir)?.config.project ?? ''}/${path}`) },
        );
        if (!choice) return undefined;
        deep = choice.deep;
      }
    }
    for (const t of selectByFolder(index, n.projectDir, path, !!deep) ?? []) tasks.set(t.data.id, t);
    const place = `${index.project(n.projectDir)?.config.project ?? n.projectDir}${path ? `/${path}` : ''}`;
    where.push(deep ? l10n.t('{0} and its subfolders', place) : place);
  }
  return { tasks: [...tasks.values()], ...(where.length ? { where: where.join(', ') } : {}) };
}
