import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { localBatchTitle } from '../core/operations/operationNames';
import type { BatchRecord } from '../core/operations/batchRecords';
import { newestRecord, revertedIds } from '../core/operations/recordLookup';
import { revertBatch } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { lockStore } from './batchExecution';
import { revertDetail } from './interruptedBatches';
import { unsavedEditorRefusal } from './unsavedEditors';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Batches a revert can put back: complete ones that changed files (not reverts, recoveries or unlocks). */
function revertible(record: BatchRecord): boolean {
  return record.state !== 'intent' && record.changes.length > 0 && !NOT_REVERTIBLE.includes(record.operation);
}
const NOT_REVERTIBLE = ['revert', 'recover', 'unlock'];

/**
 * "Undo Last Batch": the newest batch of the workspace that was not undone yet, reverted from its
 * record after a confirmation listing every file it writes. A file with unsaved changes in an editor is
 * left alone and reported, like a file changed since the batch.
 */
export async function undoLastBatch(indexer: WorkspaceIndexer, user: () => string, confirm = true): Promise<BatchRecord | undefined> {
  // Per folder, its newest revertible batch not undone yet: the records are read newest first, and
  // those of batches undone (or of reverts themselves) are passed over unread.
  const candidates = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
    const root = folder.uri.fsPath;
    const record = newestRecord(root, revertible, { operations: NOT_REVERTIBLE, ids: revertedIds(root) });
    return record ? [{ record, root }] : [];
  });
  const last = candidates.sort((a, b) => (a.record.when < b.record.when ? -1 : a.record.when > b.record.when ? 1 : 0)).at(-1);
  if (!last) {
    void vscode.window.showInformationMessage(l10n.t('Nightshift: no batch to undo.'));
    return undefined;
  }
  const { record, root } = last;
  if (confirm) {
    const undoButton = l10n.t('Undo');
    const answer = await vscode.window.showWarningMessage(l10n.t('Undo "{0}" of {1} by {2}?', localBatchTitle(record.title), record.when, record.who), { modal: true, detail: revertDetail(record, indexer) }, undoButton);
    if (answer !== undoButton) return undefined;
  }
  const revert = revertBatch(record, user(), root, scopeOf(indexer.index, lockStore()), new Date(), unsavedEditorRefusal);
  await indexer.settled();
  const failed = revert.results.filter((r) => r.status === 'failed');
  const summary = failed.length
    ? l10n.t('{0}: {1} undone, {2} could not be ({3}: {4}).', revert.title, revert.results.length - failed.length, failed.length, failed[0]!.task, failed[0]!.reason)
    : l10n.t('{0}: {1} undone, {2} could not be.', revert.title, revert.results.length, 0);
  void (failed.length ? vscode.window.showWarningMessage(summary) : vscode.window.showInformationMessage(summary));
  return revert;
}
