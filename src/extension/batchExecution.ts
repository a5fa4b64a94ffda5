import { dirname } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { localBatchTitle } from '../core/operations/operationNames';
import { previewBatch, runBatch } from '../core/operations/batchRunner';
import type { BatchRecord } from '../core/operations/batchRecords';
import { LockStore } from '../core/operations/lockStore';
import type { OperationContext, TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';
import { confirmBatch } from './batchPreview';
import { editorWriteThrough } from './editorWrites';
import { followMovedFiles } from './followMovedFiles';
import { sharedLockDirectory } from './settings';
import { unsavedEditorRefusal, unsavedReason } from './unsavedEditors';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { recordHeading, resultLine } from './batchReport';

export function lockStore(): LockStore {
  return new LockStore(sharedLockDirectory());
}

/** Where batch records live: the workspace folder holding the tasks (the first one otherwise). */
export function recordsRoot(tasks: readonly Task[]): string {
  const first = tasks[0];
  const folder = first ? vscode.workspace.getWorkspaceFolder(vscode.Uri.file(first.file)) : undefined;
  return (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri.fsPath ?? (first ? dirname(first.file) : process.cwd());
}

let running: Promise<unknown> = Promise.resolve();

/**
 * Batches of this window run one after another: a batch that saves an editor holds the write lock
 * across that await, and a second batch of the same process would otherwise find it busy.
 */
function oneAtATime<T>(run: () => Thenable<T>): Promise<T> {
  const next = running.then(run, run);
  running = next.catch(() => undefined);
  return next;
}

/**
 * Preview, confirm, run with progress and cancellation, report. `confirm: false` skips the question
 * (tests and callers that showed their own preview).
 */
export async function executeBatch(
  indexer: WorkspaceIndexer,
  output: vscode.OutputChannel,
  operation: TaskOperation,
  tasks: readonly Task[],
  user: string,
  confirm = true,
  /** Where the tasks come from (a folder command), for the preview's title. */
  where?: string,
  /** Ids of the tasks the list's filters hide, for the preview to name. */
  hidden?: ReadonlySet<string>,
): Promise<BatchRecord | undefined> {
  if (tasks.length === 0) {
    void vscode.window.showInformationMessage(l10n.t('No compute tasks selected.'));
    return undefined;
  }
  const locks = lockStore();
  const context = (): OperationContext => ({ index: indexer.index, user, now: new Date() });
  let chosen = tasks;
  if (confirm) {
    const plan = previewBatch(operation, tasks, context(), locks).map((p) =>
      p.decision.status === 'change' && unsavedEditorRefusal(p.task.file) ? { ...p, decision: { status: 'failed' as const, reason: unsavedReason() } } : p,
    );
    const count = tasks.length === 1
      ? (where ? l10n.t('1 task in {0}', where) : l10n.t('1 task'))
      : where ? l10n.t('{0} tasks in {1}', tasks.length, where) : l10n.t('{0} tasks', tasks.length);
    const picked = await confirmBatch(`${localBatchTitle(operation.title)} (${count})`, plan, output, hidden);
    if (!picked) return undefined;
    chosen = picked;
  }
  const record = await oneAtATime(() => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: localBatchTitle(operation.title), cancellable: true },
    async (progress, token) => {
      let reported = 0;
      return runBatch(operation, chosen, context(), {
        root: recordsRoot(chosen),
        locks,
        refuseWrite: unsavedEditorRefusal,
        writeThrough: editorWriteThrough,
        isCancelled: () => token.isCancellationRequested,
        onProgress: (done, total) => {
          const step = Math.floor((done / total) * 100);
          if (step > reported) {
            progress.report({ increment: step - reported, message: `${done} / ${total}` });
            reported = step;
          }
        },
      });
    },
  ));
  output.appendLine(`${recordHeading(record)}${record.cancelled ? ` — ${l10n.t('cancelled')}` : ''}`);
  for (const r of record.results) output.appendLine(resultLine(r));
  await indexer.settled();
  // Editors following a move are a convenience: a failure there never hides the batch's report.
  await followMovedFiles(record).catch((error) => output.appendLine(l10n.t('Could not move an editor along: {0}', error instanceof Error ? error.message : String(error))));
  const n = (s: string) => record.results.filter((r) => r.status === s).length;
  // The first failure's reason in the notification itself: one refused task is the common case.
  const failures = record.results.filter((r) => r.status === 'failed');
  const first = failures[0];
  const more = failures.length > 1 ? ` ${l10n.t('(and {0} more in the details)', failures.length - 1)}` : '';
  const why = first ? ` ${first.name ?? first.task}: ${first.reason}${more}` : '';
  const summary = `${localBatchTitle(record.title)}: ${l10n.t('{0} succeeded, {1} skipped, {2} failed', n('succeeded'), n('skipped'), n('failed'))}.${why}`;
  const show = n('failed') || n('skipped') ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const details = l10n.t('Show Details');
  void show(summary, details).then((a) => a === details && output.show(true));
  return record;
}
