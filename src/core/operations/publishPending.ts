import * as l10n from '@vscode/l10n';
import { change, skip, type TaskOperation } from './taskOperation';
import { readPending, removePending, type PendingEntry } from './pendingList';
import { runBatch, type RunOptions } from './batchRunner';
import type { OperationContext } from './taskOperation';
import { saveRecord, type BatchRecord } from './batchRecords';

/**
 * Publishes a project's pending-publish list: submitted tasks become published, unpublished tasks become unpublished (`published:
 * false`), unpublished-and-deleted ones are deleted, and entries for objects already deleted in
 * development are simply done. Published entries leave the list. With `only`, just those tasks' entries
 * are published (the console publishes the objects picked from the list); the rest stay pending.
 */
export async function publishPending(projectDir: string, context: OperationContext, options: RunOptions, only?: ReadonlySet<string>): Promise<BatchRecord> {
  const entries = readPending(projectDir).filter((e) => !only || only.has(e.task));
  const byTask = new Map(entries.map((e) => [e.task, e]));
  const operation: TaskOperation = {
    name: 'publish',
    title: 'Publish Pending Objects',
    recordKind: 'submit',
    parameters: { projectDir, ...(only ? { tasks: [...only] } : {}) },
    decide(task) {
      const entry = byTask.get(task.data.id);
      if (!entry) return skip(l10n.t('nothing pending for it'));
      if (entry.action === 'publish') {
        return change(`published (${entry.remark || 'no remark'})`, { kind: 'edit', fields: { published: true } });
      }
      if (entry.action === 'unpublish') {
        return change(`unpublished (${entry.remark || 'no remark'})`, { kind: 'edit', fields: { published: false } });
      }
      return change(`unpublished and deleted (${entry.remark || 'no remark'})`, { kind: 'delete' });
    },
  };
  const present = entries.map((e) => context.index.task(e.task)).filter((t) => t !== undefined);
  const record = await runBatch(operation, present, context, options);
  const done = new Set(record.results.filter((r) => r.status === 'succeeded').map((r) => r.task));
  // Objects already deleted in development: publishing removes them from production.
  for (const e of entries) {
    if (!context.index.task(e.task)) {
      done.add(e.task);
      record.results.push({ task: e.task, name: e.name, status: 'succeeded', reason: `${describe(e)} published` });
    }
  }
  // Only the very entries published: one submitted again meanwhile stays pending.
  const published = new Set(entries.map((e) => `${e.task}\u0000${e.by}\u0000${e.at}`));
  removePending(options.root, projectDir, done, (e) => published.has(`${e.task}\u0000${e.by}\u0000${e.at}`));
  saveRecord(options.root, record);
  return record;
}

function describe(e: PendingEntry): string {
  return e.action === 'delete' ? 'deletion' : e.action;
}
