import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { TASK_URI_SCHEME, taskUri } from './taskPresentation';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Badges on task items: L locked, P paused, D draft; coloured so they read at a glance. */
export class TaskDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly indexer: WorkspaceIndexer, private readonly me: () => string) {
    this.subscription = indexer.onDidChange((change) => {
      if (change === 'all') return this.changed.fire(undefined);
      const uris = [...change.tasks].flatMap((id) => indexer.index.tasksWithId(id).map(taskUri));
      if (uris.length) this.changed.fire(uris);
    });
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== TASK_URI_SCHEME) return undefined;
    const task = this.indexer.index.taskByFile(decodeURIComponent(uri.query));
    if (!task) return undefined;
    if (this.indexer.index.hasErrors(task.file)) return new vscode.FileDecoration('!', l10n.t('This task file has errors (see Problems)'), new vscode.ThemeColor('list.errorForeground'));
    const lock = this.indexer.index.lock(task.data.id);
    if (lock) {
      const mine = lock.holder === this.me();
      return new vscode.FileDecoration('L', mine ? l10n.t('Locked by you') : l10n.t('Locked by {0}', lock.holder), new vscode.ThemeColor(mine ? 'charts.green' : 'charts.yellow'));
    }
    if (task.data.schedule.method === 'paused') return new vscode.FileDecoration('P', l10n.t('Paused: instances are frozen and block downstream tasks'), new vscode.ThemeColor('charts.purple'));
    if (task.data.status === 'draft') return new vscode.FileDecoration('D', l10n.t('Draft'), new vscode.ThemeColor('descriptionForeground'));
    return undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
