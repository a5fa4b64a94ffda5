import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { interruptedRecords, recoverBatch } from '../core/operations/batchRecovery';
import type { BatchRecord } from '../core/operations/batchRecords';
import { revertPlan } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { lockStore } from './batchExecution';
import type { WorkspaceIndexer } from './workspaceIndexer';

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
    `Writes ${paths.length} file(s):`,
    ...paths.slice(0, SHOWN_PATHS).map((p) => `  ${p}`),
    ...(paths.length > SHOWN_PATHS ? [`  … and ${paths.length - SHOWN_PATHS} more`] : []),
    ...(refused.length ? ['', `Refused (${refused.length}):`, ...refused.slice(0, 10).map((r) => `  ${r.task}: ${r.refused}`)] : []),
  ].join('\n');
}

/**
 * Offers, once the index is ready, to finish or revert each batch a kill or crash interrupted in this
 * workspace (its intent record was written, its completion never was).
 */
export async function offerRecovery(indexer: WorkspaceIndexer, root: string, user: () => string, output: vscode.OutputChannel): Promise<void> {
  for (const record of interruptedRecords(root)) {
    const answer = await vscode.window.showWarningMessage(
      `Nightshift: the batch "${record.title}" by ${record.who} at ${record.when} was interrupted (${record.changes.length} change(s)). Finish it or revert it?`,
      { modal: false },
      'Finish',
      'Revert',
      'Show Paths',
    );
    if (answer === 'Show Paths') {
      output.appendLine(`${record.title} (${record.when}, by ${record.who}), interrupted:\n${revertDetail(record, indexer)}`);
      output.show(true);
      continue;
    }
    if (answer !== 'Finish' && answer !== 'Revert') continue;
    const recovery = recoverBatch(record, answer === 'Finish' ? 'finish' : 'revert', user(), root, scopeOf(indexer.index, lockStore()));
    for (const r of recovery.results) output.appendLine(`  ${r.task}: ${r.status} — ${r.reason}`);
    const failed = recovery.results.filter((r) => r.status === 'failed').length;
    void vscode.window.showInformationMessage(l10n.t('{0}: {1} done, {2} could not be.', recovery.title, recovery.results.length - failed, failed));
  }
}
