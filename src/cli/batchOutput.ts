import * as l10n from '@vscode/l10n';
import { previewBatch } from '../core/operations/batchRunner';
import { countByStatus } from '../core/operations/countByStatus';
import { localBatchTitle } from '../core/operations/operationNames';
import type { LockStore } from '../core/operations/lockStore';
import type { OperationContext, TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';

export interface ResultLine {
  task: string;
  status: string;
  reason: string;
}

/**
 * Prints a batch's per-task results, as `{"operation", "results"}` JSON or as a summary line and one
 * row per task, and returns the exit code: 1 when a task failed or was refused, else 0.
 */
export function writeBatchResults(operation: string, title: string, results: readonly ResultLine[], options: { json: boolean; dryRun?: boolean }): number {
  if (options.json) {
    const rows = results.map(({ task, status, reason }) => ({ task, status, reason }));
    process.stdout.write(`${JSON.stringify({ operation, ...(options.dryRun ? { dryRun: true } : {}), results: rows })}\n`);
  } else {
    process.stdout.write(`${localBatchTitle(title)}${options.dryRun ? l10n.t(' (dry run: nothing changed)') : ''}: ${resultCounts(results)}\n`);
    writeResultRows(results);
  }
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

/** "3 succeeded, 1 skipped, 0 failed". */
export function resultCounts(results: readonly ResultLine[]): string {
  const n = countByStatus(results);
  return l10n.t('{0} succeeded, {1} skipped, {2} failed', n.succeeded, n.skipped, n.failed);
}

/** One row per task: id, status, reason, in columns. */
export function writeResultRows(results: readonly ResultLine[]): void {
  // A loop, not Math.max(...): a batch over 100,000 tasks would overflow the stack with its arguments.
  let width = 4;
  for (const r of results) width = Math.max(width, r.task.length);
  for (const r of results) process.stdout.write(`${r.task.padEnd(width)}  ${r.status.padEnd(9)}  ${r.reason}\n`);
}

/** What `--dry-run` reports: each task's decision, as the batch would report it, with nothing written. */
export function dryRunResults(operation: TaskOperation, tasks: readonly Task[], context: OperationContext, locks: LockStore): ResultLine[] {
  return previewBatch(operation, tasks, context, locks).map(({ task, decision }) => ({
    task: task.data.id,
    status: decision.status === 'change' ? (decision.failed ? 'failed' : 'succeeded') : decision.status,
    reason: decision.status === 'change' ? l10n.t('would: {0}', decision.summary) : decision.reason,
  }));
}
