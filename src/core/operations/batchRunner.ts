import * as l10n from '@vscode/l10n';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { codeFilePath, codePathProblem } from '../model/codePath';
import type { Task } from '../workspace/workspaceModel';
import { ConflictError, readUnchanged, unlinkQuietly } from './atomicFile';
import { newRecordId, recordsDir, saveRecord, textHash, type BatchRecord, type FileChange, type TaskResult } from './batchRecords';
import { finishChange } from './changeApply';
import { changePaths, checkChangeScope, scopeOf } from './changeScope';
import { ConfinementError, confined } from './confinement';
import { failureReason } from './failureReason';
import { changeKind, readIfExists, taskFileState } from './fileChangeState';
import type { LockStore } from './lockStore';
import { addPending, readPending, type PendingEntry } from './pendingList';
import { editedText, type TextEdit } from './taskText';
import { timestamp } from './taskDocument';
import type { Decision, OperationContext, TaskChange, TaskOperation } from './taskOperation';
import { acquireWriteLock, withWriteLockAsync, WriteLockBusy } from './writeLock';

export interface PlannedTask {
  task: Task;
  decision: Decision;
}

export interface RunOptions {
  /** Workspace folder whose `.nightshift/records` keeps the batch record. */
  root: string;
  locks: LockStore;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /**
   * Why a file must not be written now, asked for each path right before its task's change (under the
   * write lock): the editor says "unsaved changes in an editor", so a batch never writes under a
   * buffer the user has not saved. The command line has no editors and passes nothing.
   */
  refuseWrite?: (path: string) => string | undefined;
  /**
   * For a task file open in an editor: how to change it through that editor (its buffer, then its
   * save), so the editor's text and undo stack stay its own. Undefined: no editor, write the file.
   * The write runs under the write lock once the file is known to be as read. It returns false when
   * the editor no longer shows that text (closed, or not yet reloaded): the file is then written as
   * usual. It throws when the editor refuses the edit or cannot save; that task then fails.
   */
  writeThrough?: (path: string) => ((currentText: string, newText: string) => Promise<boolean>) | undefined;
}

/**
 * What a batch would do to each task, without touching a file: the preview the user confirms. A task
 * locked by someone else is skipped with the holder's name, whatever the operation.
 */
export function previewBatch(operation: TaskOperation, tasks: readonly Task[], context: OperationContext, locks: LockStore): PlannedTask[] {
  const refusal = operation.checkBatch?.(tasks, context);
  if (refusal) return tasks.map((task) => ({ task, decision: { status: 'failed', reason: refusal } }));
  const holderOf = locks.snapshot();
  return tasks.map((task) => {
    const lock = holderOf(task);
    if (lock && lock.holder !== context.user) {
      return { task, decision: { status: 'skipped', reason: lock.acquiredAt ? l10n.t('locked by {0} since {1}', lock.holder, lock.acquiredAt) : l10n.t('locked by {0}', lock.holder) } };
    }
    if (lock && operation.name === 'acquire-lock') return { task, decision: { status: 'skipped', reason: l10n.t('you already hold the edit lock') } };
    try {
      return { task, decision: operation.decide(task, context) };
    } catch (error) {
      return { task, decision: { status: 'failed', reason: error instanceof Error ? error.message : String(error) } };
    }
  });
}

/**
 * How long a batch works before it lets the event loop run (progress, a cancel). Its files are read
 * and written synchronously: with several in flight through Node's thread pool, the same batch took
 * longer on these disks.
 */
const SLICE_MS = 25;

/** One task's change, worked out before anything is written: the record's entry and the new text. */
interface Prepared {
  /** Its entry in the batch's results. */
  result: TaskResult;
  change: FileChange;
  newText?: string;
}

/**
 * Runs a batch as a transaction log. First every task's change is worked out (paths checked to lie
 * inside their project, new texts made and checked) and written to the batch record as an intent,
 * before any file changes; a batch whose record cannot be written changes nothing. Then each task's
 * files change on their own and atomically, under the workspace's write lock (held a slice of tasks
 * at a time) around "is it still as read?" and the rename, so a file another writer changed meanwhile
 * is left alone and reported. Last, the pending-publish entries are added under the same lock and the
 * record is marked complete. A batch
 * killed in between leaves its intent, which `recover` finishes or reverts. The batch yields every few
 * milliseconds, so that its progress shows and a cancel is heard; tasks not reached when it is
 * cancelled are reported as skipped.
 */
export async function runBatch(operation: TaskOperation, tasks: readonly Task[], context: OperationContext, options: RunOptions): Promise<BatchRecord> {
  const planned = previewBatch(operation, tasks, context, options.locks);
  const scope = scopeOf(context.index, options.locks);
  const results: TaskResult[] = [];
  const prepared: Prepared[] = [];
  const pendingOk = new Map<string, string | undefined>();
  for (const { task, decision } of planned) {
    const base = { task: task.data.id, name: task.data.name };
    if (decision.status !== 'change') {
      results.push({ ...base, status: decision.status, reason: decision.reason });
      continue;
    }
    try {
      const p = prepare(task, decision.change, context, options.locks);
      checkChangeScope(p.change, scope, `task ${task.data.id} (${task.file})`);
      const projectDir = p.change.pending?.projectDir;
      if (projectDir) {
        if (!pendingOk.has(projectDir)) pendingOk.set(projectDir, pendingProblem(projectDir));
        const problem = pendingOk.get(projectDir);
        if (problem) throw new ConflictError(problem);
      }
      const result: TaskResult = { ...base, status: decision.failed ? 'failed' : 'succeeded', reason: decision.summary };
      results.push(result);
      prepared.push({ result, change: p.change, newText: p.newText });
    } catch (error) {
      results.push({ ...base, status: 'failed', reason: failureReason(error) });
    }
  }

  // The state first: finding the interrupted batches reads each record only as far as it (recordState.ts).
  const record: BatchRecord = {
    state: 'intent',
    id: newRecordId(context.now, operation.name),
    who: context.user,
    when: context.now.toISOString(),
    operation: operation.name,
    title: operation.title,
    kind: operation.recordKind,
    parameters: operation.parameters,
    results,
    changes: prepared.map((p) => p.change),
    pid: process.pid,
    host: hostname(),
  };
  // Kept for the complete record, which lists the same changes when every one of them was made.
  let changesJson: string | undefined;
  if (prepared.length > 0) {
    try {
      changesJson = JSON.stringify(record.changes);
      saveRecord(options.root, record, changesJson);
    } catch (error) {
      // Nothing was changed: without its record a batch could not be reverted or finished.
      const reason = `not changed: the batch record could not be written (${failureReason(error)})`;
      for (const p of prepared) Object.assign(p.result, { status: 'failed', reason });
      return { ...record, changes: [], state: 'complete' };
    }
  }

  const origin = { root: options.root, who: context.user, when: record.when };
  const applied: FileChange[] = [];
  const pending = new Map<string, PendingEntry[]>();
  let cancelled = false;
  let sliceStart = performance.now();
  // The workspace's write lock, held for one slice of tasks at a time and let go before each yield, so
  // that another batch (or window) takes its turn in between.
  let release: (() => void) | undefined;
  let busy: string | undefined;
  for (const [n, p] of prepared.entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      release?.();
      release = undefined;
      await new Promise((done) => setImmediate(done));
      sliceStart = performance.now();
    }
    if (!cancelled && options.isCancelled?.()) cancelled = true;
    const result = p.result;
    if (cancelled) {
      Object.assign(result, { status: 'skipped', reason: l10n.t('cancelled before it was reached') });
    } else if (busy) {
      Object.assign(result, { status: 'failed', reason: busy });
    } else {
      try {
        const refusal = options.refuseWrite && changePaths(p.change).map(options.refuseWrite).find((r) => r !== undefined);
        if (refusal) throw new ConflictError(refusal);
        const write = changeKind(p.change) === 'edit' && p.newText !== undefined ? options.writeThrough?.(p.change.before) : undefined;
        if (write) {
          // An await under the lock: this slice's hold ends first, and the lock is taken for this file alone.
          release?.();
          release = undefined;
          const { beforeText } = p.change;
          const newText = p.newText!;
          const through = await withWriteLockAsync(options.root, async () => taskFileState(p.change) === 'before' && (await write(beforeText, newText)));
          sliceStart = performance.now();
          if (!through) {
            release ??= acquireWriteLock(options.root);
            finishChange(p.change, p.newText, origin);
          }
        } else {
          release ??= acquireWriteLock(options.root);
          finishChange(p.change, p.newText, origin);
        }
        applied.push(p.change);
        const entry = p.change.pending?.entry;
        if (entry) {
          const list = pending.get(p.change.pending!.projectDir);
          if (list) list.push(entry);
          else pending.set(p.change.pending!.projectDir, [entry]);
        }
      } catch (error) {
        // A lock another writer never lets go of: the rest would wait as long each; they fail at once.
        if (error instanceof WriteLockBusy) busy = error.message;
        Object.assign(result, { status: 'failed', reason: failureReason(error) });
      }
    }
    options.onProgress?.(n + 1, prepared.length);
  }
  release?.();
  for (const [projectDir, entries] of pending) {
    try {
      addPending(options.root, projectDir, entries);
    } catch (error) {
      // The files changed and the intent says so: leave the record incomplete, for recover to finish.
      const reason = `changed, but its pending-publish entry could not be added (${failureReason(error)}); run nightshift recover --finish`;
      const ids = new Set(entries.map((e) => e.task));
      for (const p of prepared) if (ids.has(p.change.task)) Object.assign(p.result, { status: 'failed', reason });
      return { ...record, changes: applied, ...(cancelled ? { cancelled } : {}) };
    }
  }
  const done: BatchRecord = { ...record, changes: applied, state: 'complete', ...(cancelled ? { cancelled } : {}) };
  delete done.pid;
  delete done.host;
  if (prepared.length > 0) {
    try {
      saveRecord(options.root, done, applied.length === prepared.length ? changesJson : undefined);
    } catch (error) {
      // Nothing changed after all (every write failed): the intent goes, and the results tell why.
      if (applied.length === 0) {
        unlinkQuietly(join(recordsDir(options.root), `${record.id}.json`));
        return done;
      }
      // The intent stays, and says what changed: the batch shows as interrupted until recovered.
      // The system's refusal (its errno code kept), not a defect: the CLI tells it apart by the code.
      throw Object.assign(new Error(`the batch changed its files, but its record could not be marked complete (${failureReason(error)}); it shows as interrupted: free the space and run nightshift recover --finish`), { code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
  } else {
    // Nothing changed: the record only tells what was refused and why; not being able to keep it loses nothing.
    try {
      saveRecord(options.root, done);
    } catch {
      // (a read-only or full workspace)
    }
  }
  return done;
}

function pendingProblem(projectDir: string): string | undefined {
  try {
    readPending(projectDir);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * One task's change worked out without writing: the record's entry (paths, old text, hash of the new
 * one, the edit as data) and the new text. The task's `code:` must name a file in its folder or below,
 * and a link must not lead out of the project.
 */
function prepare(task: Task, c: TaskChange, context: OperationContext, locks: LockStore): { change: FileChange; newText?: string } {
  const id = task.data.id;
  const expected = context.index.textOf(task.file);
  if (c.kind === 'lock') {
    return { change: { task: id, before: task.file, after: task.file, beforeText: expected ?? '', lock: locks.pathFor(task) } };
  }
  const current = expected ?? readUnchanged(task.file, undefined);
  const entry = (action: PendingEntry['action'], remark: string) =>
    task.projectDir ? { pending: { projectDir: task.projectDir, entry: { task: id, name: task.data.name, action, remark, by: context.user, at: context.now.toISOString() } } } : {};
  if (c.kind === 'pending') {
    return { change: { task: id, before: task.file, after: task.file, beforeText: current, afterHash: textHash(current), ...entry(c.action, c.remark) } };
  }
  const code = codeOf(task);
  if (c.kind === 'delete') {
    const codeText = code ? readIfExists(code) : undefined;
    return {
      change: {
        task: id,
        before: task.file,
        beforeText: current,
        ...(code && codeText !== undefined ? { code: { from: code, to: code }, codeText } : {}),
        ...(c.pending ? entry(c.pending.action, c.pending.remark) : {}),
      },
    };
  }
  const edit: TextEdit = { fields: { ...c.fields, updatedAt: timestamp(context.now) }, ...(c.edits?.length ? { edits: c.edits } : {}) };
  const { text, via } = editedText(current, task.spans, edit);
  const after = c.moveTo ?? task.file;
  let moved: FileChange['code'];
  if (after !== task.file && code && readIfExists(code) !== undefined) {
    const to = resolve(dirname(after), task.data.code!);
    if (to !== code) moved = { from: code, to };
  }
  return { change: { task: id, before: task.file, after, beforeText: current, afterHash: textHash(text), ...(moved ? { code: moved } : {}), ...(c.pending ? entry(c.pending.action, c.pending.remark) : {}), edit: { ...edit, via } }, newText: text };
}

/** The task's code file, refused (never followed) when `code:` leaves its folder or a link leads out. */
function codeOf(task: Task): string | undefined {
  if (task.data.code === undefined) return undefined;
  const problem = codePathProblem(task.data.code);
  if (problem) throw new ConfinementError(`${task.file}: ${problem}; refused`);
  return confined(codeFilePath(task.file, task.data.code)!, [dirname(task.file)], `${task.file}: code`);
}
