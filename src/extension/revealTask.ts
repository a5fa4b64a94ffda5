import type * as vscode from 'vscode';
import type { TaskTreeProvider } from './taskTreeProvider';
import type { TreeNode } from './treeNodes';

/**
 * Reveals and selects a task in the tree, paging its folder as far as the task.
 *
 * The workbench drops a reveal silently when it asks while its side of the tree does not hold the
 * items on the way (seen after the view is first shown and after partial refreshes, about one time
 * in two in the integration host): nothing is selected and no error comes back. So the selection
 * is checked, and the tree reloaded whole before asking again.
 */
export async function revealTask(view: vscode.TreeView<TreeNode>, tree: TaskTreeProvider, file: string, focus: boolean): Promise<boolean> {
  const node = tree.nodes.task(file);
  tree.showTask(file);
  for (let attempt = 0; attempt < 3; attempt++) {
    await view.reveal(node, { select: true, focus, expand: true });
    if (await selectionHolds(view, node, 1_500)) return true;
    tree.refresh('all');
  }
  return false;
}

async function selectionHolds(view: vscode.TreeView<TreeNode>, node: TreeNode, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!view.selection.includes(node)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
