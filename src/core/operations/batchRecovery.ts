import * as l10n from '@vscode/l10n';
import { hostname } from 'node:os';
import { actionRecord, readRecord, recordFileNames, recordsDir, saveRecord, type BatchRecord, type FileChange, type TaskResult } from './batchRecords';
import { finishChange, finishPending, recordedNewText, undoChange } from './changeApply';
import { changePaths, checkChangeScope, type ChangeScope } from './changeScope';
import { failureReason } from './failureReason';
import { aliveSince } from './processStart';
import { sweepTempFiles } from './tempSweep';
import { removeDeadWriterLocks, withWriteLock, writeLocksDir } from './writeLock';
import { dirname, join } from 'node:path';
import { localBatchTitle } from './operationNames';
import { recordStateOf } from './recordFields';

/** Whether the process that wrote an intent is still running it (same host, the same process alive). */
function stillRunning(record: BatchRecord): boolean {
  return record.host === hostname() && Number.isInteger(record.pid) && aliveSince(record.pid!, Date.parse(record.when));
}

/**
 * Batches that wrote their intent and never completed, because their process was killed or crashed:
 * oldest first. A batch still running on this host is not among them. A record from another host
 * counts: a shared workspace's writer elsewhere cannot be asked, and recovery refuses any file that
 * is neither as the batch read it nor as it would leave it.
 */
export function interruptedRecords(root: string): BatchRecord[] {
  return recordFileNames(root).flatMap((name) => {
    const file = join(recordsDir(root), name);
    // A record whose state reads complete (or that has none) is not parsed: most are, and large.
    const state = recordStateOf(file);
    if (state === 'complete' || state === 'none') return [];
    const record = readRecord(file);
    return record?.state === 'intent' && !stillRunning(record) ? [record] : [];
  });
}

/** One line for a warning: which batch, by whom, when, and how to recover it. */
export function interruptedNotice(record: BatchRecord): string {
  return l10n.t('batch {0} ("{1}" by {2} at {3}, {4} change(s)) was interrupted; finish or revert it: {5}', record.id, localBatchTitle(record.title), record.who, record.when, record.changes.length, `nightshift recover <workspace> --finish|--revert --record ${record.id} --as <user>`);
}

/**
 * Finishes or reverts an interrupted batch from its intent, change by change, from wherever each
 * stands: finishing derives each new text again and writes it only if its hash is the recorded one;
 * reverting puts back the old text and place. A file that is neither as the batch read it nor as it
 * would leave it is refused, and every path is checked against the workspace before any I/O. The
 * interrupted record is then marked complete, and the recovery gets a record of its own.
 */
export function recoverBatch(record: BatchRecord, how: 'finish' | 'revert', user: string, root: string, scope: ChangeScope, now = new Date()): BatchRecord {
  if (record.pid !== undefined && record.host === hostname()) removeDeadWriterLocks(root, record.pid);
  // One recovery at a time: the whole of it under the workspace's write lock, and the record read
  // again inside, so that a second recovery of the same batch finds it complete and does nothing.
  return withWriteLock(root, () => {
    const current = readRecord(join(recordsDir(root), `${record.id}.json`));
    if (!current || current.state !== 'intent') return alreadyRecovered(record, user, now);
    return recoverLocked(current, how, user, root, scope, now);
  });
}

function alreadyRecovered(record: BatchRecord, user: string, now: Date): BatchRecord {
  return actionRecord('recover', { title: `"${record.title}" of ${record.when} was already recovered`, kind: record.kind, parameters: { record: record.id }, results: [] }, user, now);
}

function recoverLocked(record: BatchRecord, how: 'finish' | 'revert', user: string, root: string, scope: ChangeScope, now: Date): BatchRecord {
  const origin = { root, who: record.who, when: record.when };
  const results: TaskResult[] = [];
  const finished: FileChange[] = [];
  const order = how === 'finish' ? record.changes : [...record.changes].reverse();
  // Only the folders of changes inside the workspace are swept of the killed writer's temporary files.
  const sweep = new Set<string>([recordsDir(root), writeLocksDir(root)]);
  for (const c of order) {
    try {
      checkChangeScope(c, scope, `record ${record.id}`);
      for (const p of changePaths(c)) sweep.add(dirname(p));
      if (how === 'finish') {
        finishChange(c, recordedNewText(c), origin, true);
        finishPending(root, c);
        finished.push(c);
        results.push({ task: c.task, status: 'succeeded', reason: l10n.t('finished') });
      } else {
        results.push({ task: c.task, status: 'succeeded', reason: undoChange(c, origin) });
      }
    } catch (error) {
      results.push({ task: c.task, status: 'failed', reason: failureReason(error) });
    }
  }
  if (how === 'revert') results.reverse();
  if (record.pid !== undefined) sweepTempFiles(sweep, record.pid);
  const outcome = new Map(results.map((r) => [r.task, r]));
  // The interrupted record, completed: what it did in the end, so that a later revert sees the truth.
  const completed: BatchRecord = {
    ...record,
    state: 'complete',
    results: record.results.map((r) => {
      const o = outcome.get(r.task);
      if (!o || r.status !== 'succeeded') return r;
      if (how === 'finish') return o.status === 'succeeded' ? r : { ...r, status: 'failed', reason: l10n.t('interrupted; not finished: {0}', o.reason) };
      return { ...r, status: 'failed', reason: l10n.t('interrupted; reverted by {0} at {1}', user, now.toISOString()) };
    }),
    changes: how === 'finish' ? finished : [],
  };
  delete completed.pid;
  delete completed.host;
  saveRecord(root, completed);
  const recovery = actionRecord('recover', { title: `${how === 'finish' ? 'Finish' : 'Revert'} interrupted "${record.title}" of ${record.when}`, kind: record.kind, parameters: { record: record.id, how }, results }, user, now);
  saveRecord(root, recovery);
  return recovery;
}
