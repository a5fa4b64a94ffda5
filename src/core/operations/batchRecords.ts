import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeFileAtomic } from './atomicFile';

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
  pending?: { projectDir: string };
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

export function saveRecord(root: string, record: BatchRecord): string {
  const dir = recordsDir(root);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${record.id}.json`);
  writeFileAtomic(file, `${JSON.stringify(record)}\n`);
  return file;
}

export function newRecordId(now: Date, operation: string): string {
  return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${operation}-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Every record, oldest first; `kind` keeps the console's split between submit and other operations. */
export function listRecords(root: string, kind?: 'submit' | 'other'): BatchRecord[] {
  let names: string[];
  try {
    names = readdirSync(recordsDir(root)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const records: BatchRecord[] = [];
  for (const name of names) {
    try {
      const record = JSON.parse(readFileSync(join(recordsDir(root), name), 'utf8')) as BatchRecord;
      if (!kind || record.kind === kind) records.push(record);
    } catch {
      // A record being written by another process right now; it shows next time.
    }
  }
  return records;
}
