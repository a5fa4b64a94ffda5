import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { taskFileSchema } from '../model/taskSchema';
import type { Task } from '../workspace/workspaceModel';
import { ConflictError, readUnchanged, unlinkQuietly, writeFileAtomic } from './atomicFile';
import { newRecordId, saveRecord, textHash, type BatchRecord, type FileChange, type TaskResult } from './batchRecords';
import type { LockStore } from './lockStore';
import { addPending, type PendingEntry } from './pendingPublish';
import { spliceFields } from './fieldSplice';
import { editYamlValue, setIn, timestamp } from './taskDocument';
import type { Decision, OperationContext, TaskChange, TaskOperation } from './taskOperation';

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
      return { task, decision: { status: 'skipped', reason: `locked by ${lock.holder}${lock.acquiredAt ? ` since ${lock.acquiredAt}` : ''}` } };
    }
    if (lock && operation.name === 'acquire-lock') return { task, decision: { status: 'skipped', reason: 'you already hold the edit lock' } };
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

interface Outcome {
  result: TaskResult;
  change?: FileChange;
  pending?: { projectDir: string; entry: PendingEntry };
}

/**
 * Runs a batch: each task's change is applied on its own and atomically (a temporary file renamed over
 * the old one), a file changed on disk since the index read it is left alone, and the record lists
 * every task as succeeded, skipped or failed with the reason, in the order given. The batch yields
 * every few milliseconds, so that its progress shows and a cancel is heard; the tasks not reached when
 * it is cancelled are reported as skipped.
 */
export async function runBatch(operation: TaskOperation, tasks: readonly Task[], context: OperationContext, options: RunOptions): Promise<BatchRecord> {
  const planned = previewBatch(operation, tasks, context, options.locks);
  const outcomes: Outcome[] = [];
  let cancelled = false;
  let sliceStart = performance.now();
  for (const [i, { task, decision }] of planned.entries()) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (!cancelled && options.isCancelled?.()) cancelled = true;
    outcomes.push(
      cancelled
        ? { result: { task: task.data.id, name: task.data.name, status: 'skipped', reason: 'cancelled before it was reached' } }
        : settle(task, decision, context, options.locks),
    );
    options.onProgress?.(i + 1, planned.length);
  }

  const pending = new Map<string, PendingEntry[]>();
  for (const { pending: p } of outcomes) {
    if (!p) continue;
    const list = pending.get(p.projectDir);
    if (list) list.push(p.entry);
    else pending.set(p.projectDir, [p.entry]);
  }
  for (const [projectDir, entries] of pending) addPending(projectDir, entries);
  const record: BatchRecord = {
    id: newRecordId(context.now, operation.name),
    who: context.user,
    when: context.now.toISOString(),
    operation: operation.name,
    title: operation.title,
    kind: operation.recordKind,
    parameters: operation.parameters,
    results: outcomes.map((o) => o.result),
    changes: outcomes.flatMap((o) => (o.change ? [o.change] : [])),
    ...(cancelled ? { cancelled } : {}),
  };
  saveRecord(options.root, record);
  return record;
}

/** One task's decision carried out: its result, and what it changed. */
function settle(task: Task, decision: Decision, context: OperationContext, locks: LockStore): Outcome {
  const base = { task: task.data.id, name: task.data.name };
  if (decision.status !== 'change') return { result: { ...base, status: decision.status, reason: decision.reason } };
  try {
    const done = apply(task, decision.change, context, locks);
    return { ...done, result: { ...base, status: done.skipped ? 'skipped' : 'succeeded', reason: done.skipped ?? decision.summary } };
  } catch (error) {
    const reason = error instanceof ConflictError ? error.message : `could not write the file: ${error instanceof Error ? error.message : String(error)}`;
    return { result: { ...base, status: 'failed', reason } };
  }
}

/**
 * The task file after the change, never one that would no longer read as a task. Top-level fields are
 * spliced into the text the index parsed when their values are simple (only those values are then
 * checked: the rest of the file is as it was, and it read as a task); anything else goes through
 * yaml's document model and the whole result is checked.
 */
function editedText(task: Task, current: string, c: Extract<TaskChange, { kind: 'edit' }>, now: Date): string {
  const fields = { ...c.fields, updatedAt: timestamp(now) };
  const spliced = !c.edit && task.spans?.text === current ? spliceFields(task.spans, fields) : undefined;
  if (spliced !== undefined) {
    for (const [key, value] of Object.entries(fields)) refuseInvalid(taskFileSchema.shape[key as keyof typeof taskFileSchema.shape]?.safeParse(value), key);
    return spliced;
  }
  const { text, value } = editYamlValue(current, (doc) => {
    for (const [key, value] of Object.entries(fields)) setIn(doc, [key], value);
    c.edit?.(doc);
  });
  refuseInvalid(taskFileSchema.safeParse(value));
  return text;
}

function refuseInvalid(check: { success: boolean; error?: z.ZodError } | undefined, field?: string): void {
  if (!check || check.success || !check.error) return;
  const issue = check.error.issues[0];
  const path = [field, ...(issue?.path ?? [])].filter((p) => p !== undefined).join('.');
  throw new ConflictError(`the change would make the file invalid: ${path} ${issue?.message ?? ''}`.trim());
}

function apply(task: Task, c: TaskChange, context: OperationContext, locks: LockStore): Omit<Outcome, 'result'> & { skipped?: string } {
  const id = task.data.id;
  const expected = context.index.textOf(task.file);
  if (c.kind === 'lock') {
    const result = locks.acquire(task, context.user, context.now);
    if (result.status === 'held') return { skipped: `locked by ${result.holder}` };
    return { change: { task: id, before: task.file, after: task.file, beforeText: expected ?? '', lock: locks.pathFor(task) } };
  }
  const read = readUnchanged(task.file, expected);
  // Equal to the index's text when there is one: the record keeps that string (in memory anyway), not
  // a second copy of every file.
  const current = expected ?? read;
  const entry = (action: PendingEntry['action'], remark: string): Outcome['pending'] =>
    task.projectDir ? { projectDir: task.projectDir, entry: { task: id, name: task.data.name, action, remark, by: context.user, at: context.now.toISOString() } } : undefined;
  // Recorded so that a revert withdraws the pending-publish entry too.
  const pendingRef = task.projectDir ? { pending: { projectDir: task.projectDir } } : {};
  if (c.kind === 'pending') {
    return { pending: entry(c.action, c.remark), change: { task: id, before: task.file, after: task.file, beforeText: current, afterHash: textHash(current), ...pendingRef } };
  }
  if (c.kind === 'delete') {
    const codeFile = task.data.code ? resolve(dirname(task.file), task.data.code) : undefined;
    const codeText = codeFile && existsSync(codeFile) ? readFileSync(codeFile, 'utf8') : undefined;
    unlinkQuietly(task.file);
    if (codeFile && codeText !== undefined) unlinkQuietly(codeFile);
    return {
      pending: c.pending ? entry(c.pending.action, c.pending.remark) : undefined,
      change: {
        task: id,
        before: task.file,
        beforeText: current,
        ...(codeFile && codeText !== undefined ? { code: { from: codeFile, to: codeFile }, codeText } : {}),
        ...(c.pending ? pendingRef : {}),
      },
    };
  }

  const destination = c.moveTo ?? task.file;
  const next = editedText(task, current, c, context.now);
  let code: FileChange['code'];
  if (c.moveTo && c.moveTo !== task.file) {
    if (existsSync(c.moveTo)) throw new ConflictError(`${c.moveTo} already exists`);
    mkdirSync(dirname(c.moveTo), { recursive: true });
    // Rename first (atomic: the task is in one place or the other), then rewrite it in place.
    renameSync(task.file, c.moveTo);
    if (task.data.code) {
      const from = resolve(dirname(task.file), task.data.code);
      const to = resolve(dirname(c.moveTo), task.data.code);
      if (from !== to && existsSync(from) && !existsSync(to)) {
        mkdirSync(dirname(to), { recursive: true });
        renameSync(from, to);
        code = { from, to };
      }
    }
  }
  writeFileAtomic(destination, next);
  return { change: { task: id, before: task.file, after: destination, beforeText: current, afterHash: textHash(next), ...(code ? { code } : {}) } };
}
