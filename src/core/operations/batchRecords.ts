import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { ConfinementError, confined } from './confinement';
import { writeFileAtomic } from './atomicFile';
import type { PendingEntry } from './pendingList';
import type { TextEdit, TextVia } from './taskText';

export type TaskStatus = 'succeeded' | 'skipped' | 'failed';

export interface TaskResult {
  task: string;
  name?: string;
  status: TaskStatus;
  reason: string;
}

/** What a succeeded change did to the files, so that it can be reverted. */
export interface FileChange {
  task: string;
  /** Path before and after (the same unless moved); `after` undefined when deleted. */
  before: string;
  after?: string;
  beforeText: string;
  /**
   * SHA-256 of the text the batch wrote, so that a revert can tell the file is still as the batch
   * left it (the new text itself is in the file; older records kept it here as `afterText`).
   */
  afterHash?: string;
  afterText?: string;
  /** Code file moved along with the task (or deleted with it: then `codeText` keeps its text). */
  code?: { from: string; to: string };
  codeText?: string;
  lock?: string;
  /** The pending-publish entry the change submitted (older records name only the project). */
  pending?: { projectDir: string; entry?: PendingEntry };
  /**
   * A new task (Create, Clone): `before` and `after` name the file that did not exist, `afterText`
   * holds its text, and `code`/`codeText` the code file created beside it.
   */
  created?: boolean;
  /** The edit as data, and how its text was made, so that an interrupted batch can be finished. */
  edit?: TextEdit & { via: TextVia };
}

export interface BatchRecord {
  id: string;
  who: string;
  when: string;
  operation: string;
  title: string;
  kind: 'submit' | 'other';
  parameters: Record<string, unknown>;
  results: TaskResult[];
  changes: FileChange[];
  /** Set when the batch was stopped before every task was done. */
  cancelled?: boolean;
  /**
   * 'intent' while the batch runs: written before any file changes, listing every change it will make;
   * 'complete' once it is done. An intent left behind by a process that is gone is an interrupted
   * batch, to finish or revert (`nightshift recover`). Records before this field are complete.
   */
  state?: 'intent' | 'complete';
  /** The process running the batch (for telling a running batch from an interrupted one). */
  pid?: number;
  host?: string;
}

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Whether `current` is the text a change left (records before `afterHash` kept the text itself). */
export function isAfterText(change: FileChange, current: string): boolean {
  return change.afterHash !== undefined ? textHash(current) === change.afterHash : current === change.afterText;
}

/** Batch records live in `<workspace>/.nightshift/records/`, one JSON file per batch, newest last by name. */
export function recordsDir(root: string): string {
  return join(root, '.nightshift', 'records');
}

/** What a record id may be: it names the record's file, so it never carries a path. */
const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

export function saveRecord(root: string, record: BatchRecord, changesJson?: string): string {
  if (!SAFE_ID.test(record.id) || record.id.includes('..')) throw new ConfinementError(`record id "${record.id}" is not a file name; refused`);
  const dir = recordsDir(root);
  mkdirSync(dir, { recursive: true });
  // A `.nightshift` (or records folder) that is a link leading out of the workspace is not followed.
  confined(dir, [root], 'the records folder');
  const file = join(dir, `${record.id}.json`);
  writeFileAtomic(file, recordText(record, changesJson));
  return file;
}

/**
 * The record's JSON, with a newline, in the pieces it is written in. `changesJson`, when given, is
 * `JSON.stringify(record.changes)` made already: a batch writes its changes twice (the intent, then the
 * complete record) and they are most of the record, several megabytes for a batch over 10,000 tasks.
 * They are written as their own piece, never joined to the rest: a task's reason in the results with
 * one character beyond Latin-1 (an arrow, a Chinese name) made the whole joined string two bytes a
 * character, and copying 17 MB into it took 60-90 ms of a record's 200.
 */
export function recordText(record: BatchRecord, changesJson?: string): string[] {
  if (changesJson === undefined) return [`${JSON.stringify(record)}\n`];
  const { changes: _changes, ...rest } = record;
  const head = JSON.stringify(rest);
  return [`${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"changes":`, changesJson, '}\n'];
}

/**
 * A record of an action that changes no task by itself (a revert, a recovery, a lock release): who,
 * when, what, and the per-task results.
 */
export function actionRecord(operation: string, fields: Pick<BatchRecord, 'title' | 'kind' | 'parameters' | 'results'>, user: string, now: Date): BatchRecord {
  return { id: newRecordId(now, operation), who: user, when: now.toISOString(), operation, ...fields, changes: [] };
}

export function newRecordId(now: Date, operation: string): string {
  return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${operation}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Every record, oldest first; `kind` keeps the console's split between submit and other operations. */
export function listRecords(root: string, kind?: 'submit' | 'other', onMalformed?: (file: string, reason: string) => void): BatchRecord[] {
  const records: BatchRecord[] = [];
  for (const name of recordFileNames(root)) {
    const record = readRecord(join(recordsDir(root), name), onMalformed);
    if (record && (!kind || record.kind === kind)) records.push(record);
  }
  return records;
}

/** The records' file names, oldest first (none without a records folder). */
export function recordFileNames(root: string): string[] {
  try {
    return readdirSync(recordsDir(root)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/**
 * A record file, or undefined when it does not read as one. Records may be committed and edited by
 * hand: one that is malformed is left out (with `onMalformed` told why), never a crash.
 */
export function readRecord(file: string, onMalformed?: (file: string, reason: string) => void): BatchRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    onMalformed?.(file, error instanceof Error ? error.message : String(error));
    return undefined;
  }
  return checkedRecord(file, value, onMalformed);
}

/** A parsed record file's value as a record, or undefined (with `onMalformed` told why) when it is not one. */
export function checkedRecord(file: string, value: unknown, onMalformed?: (file: string, reason: string) => void): BatchRecord | undefined {
  // The id names the file a recovery writes back: one that differs from the file's own name is refused.
  const problem = recordShapeProblem(value) ?? ((value as BatchRecord).id !== basename(file, '.json') ? `"id" is not the file's name (${basename(file, '.json')})` : undefined);
  if (problem) {
    onMalformed?.(file, problem);
    return undefined;
  }
  return value as BatchRecord;
}

function recordShapeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  for (const key of ['id', 'who', 'when', 'operation', 'title']) if (typeof r[key] !== 'string') return `"${key}" is not a string`;
  if (!SAFE_ID.test(r.id as string) || (r.id as string).includes('..')) return '"id" is not a plain file name';
  if (r.kind !== 'submit' && r.kind !== 'other') return '"kind" is not submit or other';
  if (!Array.isArray(r.results) || r.results.some((x) => typeof x !== 'object' || x === null || typeof (x as TaskResult).task !== 'string' || typeof (x as TaskResult).status !== 'string')) return '"results" is not a list of task results';
  if (!Array.isArray(r.changes) || r.changes.some((c) => typeof c !== 'object' || c === null || typeof (c as FileChange).task !== 'string' || typeof (c as FileChange).before !== 'string' || typeof (c as FileChange).beforeText !== 'string')) return '"changes" is not a list of file changes';
  return undefined;
}
