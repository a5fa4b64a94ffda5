import * as vscode from 'vscode';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';

export const TREE_MIME = 'application/vnd.code.tree.nightshift.tasks';

/** What a drop asks the move operation to do. */
export interface MoveRequest {
  taskFiles: string[];
  projectDir: string;
  folder: string;
}

/**
 * Dragging tasks onto a folder (or a project, its root) asks the move command to move them there;
 * the tree itself never touches files.
 */
export class TaskDragAndDrop implements vscode.TreeDragAndDropController<TreeNode> {
  readonly dragMimeTypes = [TREE_MIME];
  readonly dropMimeTypes = [TREE_MIME];

  constructor(private readonly indexer: WorkspaceIndexer) {}

  handleDrag(source: readonly TreeNode[], data: vscode.DataTransfer): void {
    const files = source.flatMap((n) => (n.kind === 'task' ? [n.file] : []));
    if (files.length) data.set(TREE_MIME, new vscode.DataTransferItem(files));
  }

  async handleDrop(target: TreeNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(TREE_MIME);
    if (!item || !target) return;
    const taskFiles = item.value as string[];
    let request: MoveRequest;
    if (target.kind === 'task') {
      const task = this.indexer.index.taskByFile(target.file);
      if (!task?.projectDir) return;
      request = { taskFiles, projectDir: task.projectDir, folder: task.folder };
    } else {
      request = { taskFiles, projectDir: target.projectDir, folder: target.kind === 'folder' || target.kind === 'more' ? target.path : '' };
    }
    await vscode.commands.executeCommand('nightshift.moveTasks', request);
  }
}
