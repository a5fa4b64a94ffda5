import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { revealTask } from './revealTask';
import type { TaskTreeProvider } from './taskTreeProvider';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Quick pick over every task by id or name; reveals the pick in the tree and opens it. */
export async function findTask(indexer: WorkspaceIndexer, tree: TaskTreeProvider, view: vscode.TreeView<TreeNode>): Promise<void> {
  const index = indexer.index;
  const items = [...index.tasks()].map((task) => ({
    label: task.data.name,
    description: task.data.id,
    detail: `${task.projectDir ? index.project(task.projectDir)?.config.project ?? '' : ''}/${task.folder}`,
    file: task.file,
  }));
  const pick = await vscode.window.showQuickPick(items, { title: l10n.t('Go to Compute Task'), placeHolder: l10n.t('Task name or id'), matchOnDescription: true, matchOnDetail: true });
  if (!pick) return;
  await revealTask(view, tree, pick.file, false);
  await vscode.window.showTextDocument(indexer.uriOf(pick.file), { preview: true });
}
