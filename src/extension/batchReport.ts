import * as l10n from '@vscode/l10n';
import type { BatchRecord, TaskResult, TaskStatus } from '../core/operations/batchRecords';
import { localBatchTitle } from '../core/operations/operationNames';

/** A task result's status as the operations output names it (the record keeps the English code). */
export function statusText(status: TaskStatus): string {
  switch (status) {
    case 'succeeded': return l10n.t('succeeded');
    case 'skipped': return l10n.t('skipped');
    case 'failed': return l10n.t('failed');
  }
}

/** A record's heading line in the operations output: what, when and who. */
export function recordHeading(record: BatchRecord): string {
  return l10n.t('{0} ({1}, by {2})', localBatchTitle(record.title), record.when, record.who);
}

/** One task's line under its record's heading. */
export function resultLine(r: TaskResult): string {
  return `  ${[r.task, r.name].filter(Boolean).join(' ')}: ${statusText(r.status)} — ${r.reason}`;
}
