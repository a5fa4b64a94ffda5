import type * as vscode from 'vscode';
import { defaultQuery } from '../../core/taskList/taskListQuery';
import { TaskRowCache } from '../../core/taskList/taskRowCache';
import type { WorkspaceIndexer } from '../workspaceIndexer';

/** How long the index stays unchanged before the rows are built ahead of the panel. */
const BUILD_WHEN_IDLE_MS = 2000;

/**
 * The window's task rows, for every panel it opens: dropped when the files change, and built in the
 * default order once the index has been still for a moment, so opening the list only filters.
 */
export function windowTaskRows(indexer: WorkspaceIndexer): { rows: TaskRowCache; subscription: vscode.Disposable } {
  const rows = new TaskRowCache(() => indexer.index);
  let timer: NodeJS.Timeout | undefined;
  const buildLater = () => {
    clearTimeout(timer);
    timer = setTimeout(() => rows.inOrder(defaultQuery().sort), BUILD_WHEN_IDLE_MS);
  };
  const listener = indexer.onDidChange(() => {
    rows.invalidate();
    buildLater();
  });
  void indexer.whenReady().then(buildLater);
  return {
    rows,
    subscription: {
      dispose: () => {
        clearTimeout(timer);
        listener.dispose();
      },
    },
  };
}
