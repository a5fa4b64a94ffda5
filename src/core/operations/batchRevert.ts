import { ConflictError } from './atomicFile';
import { actionRecord, saveRecord, type BatchRecord, type TaskResult } from './batchRecords';
import { undoChange } from './changeApply';
import { changePaths, checkChangeScope, type ChangeScope } from './changeScope';
import { failureReason } from './failureReason';

/**
 * Every path a revert of `record` would write, each checked against the workspace's projects first:
 * the revert's preview. A path outside (a record edited to name another file) is refused here.
 */
export function revertPlan(record: BatchRecord, scope: ChangeScope): { task: string; paths: string[]; refused?: string }[] {
  return record.changes.map((c) => {
    try {
      checkChangeScope(c, scope, `record ${record.id}`);
      return { task: c.task, paths: changePaths(c) };
    } catch (error) {
      return { task: c.task, paths: [], refused: (error as Error).message };
    }
  });
}

/**
 * Reverts a batch from its record: every file the batch changed goes back to its old text and place,
 * deleted files come back, acquired locks are released and pending entries withdrawn, unless the file
 * changed again since (then that task is reported and left alone). Only task, code, lock and
 * pending-publish files inside the workspace's projects are written, whatever the record says: a path
 * outside is refused before any I/O.
 */
export function revertBatch(record: BatchRecord, user: string, root: string, scope: ChangeScope, now = new Date(), refuseWrite?: (path: string) => string | undefined): BatchRecord {
  const results: TaskResult[] = [];
  const origin = { root, who: record.who, when: record.when };
  for (const c of [...record.changes].reverse()) {
    try {
      checkChangeScope(c, scope, `record ${record.id}`);
      const refusal = refuseWrite && changePaths(c).map(refuseWrite).find((r) => r !== undefined);
      if (refusal) throw new ConflictError(refusal);
      results.push({ task: c.task, status: 'succeeded', reason: undoChange(c, origin) });
    } catch (error) {
      results.push({ task: c.task, status: 'failed', reason: failureReason(error) });
    }
  }
  const revert = actionRecord('revert', { title: `Revert "${record.title}" of ${record.when}`, kind: record.kind, parameters: { record: record.id }, results: results.reverse() }, user, now);
  saveRecord(root, revert);
  return revert;
}
