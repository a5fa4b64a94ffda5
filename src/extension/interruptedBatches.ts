import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { interruptedRecords, recoverBatch } from '../core/operations/batchRecovery';
import type { BatchRecord } from '../core/operations/batchRecords';
import { revertPlan } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { lockStore } from './batchExecution';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { localBatchTitle } from '../core/operations/operationNames';
import { recordHeading, resultLine } from './batchReport';

/** How many paths a confirmation lists before "and N more". */
const SHOWN_PATHS = 30;

/**
 * The paths a revert or recovery of `record` would write, for its confirmation, and any change
 * refused because its record names a path outside the workspace's projects.
 */
export function revertDetail(record: BatchRecord, indexer: WorkspaceIndexer): string {
  const plan = revertPlan(record, scopeOf(indexer.index, lockStore()));
  const paths = [...new Set(plan.flatMap((p) => p.paths))].map((p) => vscode.workspace.asRelativePath(p));
  const refused = plan.filter((p) => p.refused);
  return [
    l10n.t('Writes {0} file(s):', paths.length),
    ...paths.slice(0, SHOWN_PATHS).map((p) => `  ${p}`),
    ...(paths.length > SHOWN_PATHS ? [`  ${l10n.t('… and {0} more', paths.length - SHOWN_PATHS)}`] : []),
    ...(refused.length ? ['', l10n.t('Refused ({0}):', refused.length), ...refused.slice(0, 10).map((r) => `  ${r.task}: ${r.refused}`)] : []),
  ].join('\n');
}

/**
 * Offers, once the index is ready, to finish or revert each batch a kill or crash interrupted in this
 * workspace (its intent record was written, its completion never was).
 */
export async function offerRecovery(indexer: WorkspaceIndexer, root: string, user: () => string, output: vscode.OutputChannel): Promise<void> {
  for (const record of interruptedRecords(root)) {
    const [finish, revert, showPaths] = [l10n.t('Finish'), l10n.t('Revert'), l10n.t('Show Paths')];
    const answer = await vscode.window.showWarningMessage(
      l10n.t('Nightshift: the batch "{0}" by {1} at {2} was interrupted ({3} change(s)). Finish it or revert it?', localBatchTitle(record.title), record.who, record.when, record.changes.length),
      { modal: false },
      finish,
      revert,
      showPaths,
    );
    if (answer === showPaths) {
      output.appendLine(`${l10n.t('{0}, interrupted:', recordHeading(record))}\n${revertDetail(record, indexer)}`);
      output.show(true);
      continue;
    }
    if (answer !== finish && answer !== revert) continue;
    const recovery = recoverBatch(record, answer === finish ? 'finish' : 'revert', user(), root, scopeOf(indexer.index, lockStore()));
    for (const r of recovery.results) output.appendLine(resultLine(r));
    const failed = recovery.results.filter((r) => r.status === 'failed').length;
    void vscode.window.showInformationMessage(l10n.t('{0}: {1} done, {2} could not be.', localBatchTitle(recovery.title), recovery.results.length - failed, failed));
  }
}
