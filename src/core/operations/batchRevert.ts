import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';
import { createFileExclusive, unlinkQuietly, writeFileAtomic } from './atomicFile';
import { isAfterText, newRecordId, saveRecord, type BatchRecord, type TaskResult } from './batchRecords';
import { removePending } from './pendingPublish';

/**
 * Reverts a batch from its record: every file the batch changed goes back to its old text and place,
 * deleted files come back, acquired locks are released and pending entries withdrawn, unless the file
 * changed again since (then that task is reported and left alone).
 */
export function revertBatch(record: BatchRecord, user: string, root: string, now = new Date()): BatchRecord {
  const results: TaskResult[] = [];
  for (const c of [...record.changes].reverse()) {
    const result = (status: TaskResult['status'], reason: string) => results.push({ task: c.task, status, reason });
    try {
      if (c.lock) {
        const text = readIfExists(c.lock);
        if (text === undefined) result('skipped', 'the lock was already released');
        else if ((parse(text) as { holder?: unknown } | null)?.holder !== user) result('failed', 'the lock is now held by someone else');
        else (unlinkQuietly(c.lock), result('succeeded', 'lock released'));
      } else if (c.pending && c.after !== undefined) {
        removePending(c.pending.projectDir, new Set([c.task]));
        result('succeeded', 'pending-publish entry withdrawn');
      } else if (c.after === undefined) {
        if (!createFileExclusive(c.before, c.beforeText)) result('failed', `a file now exists at ${c.before}`);
        else {
          if (c.code && c.codeText !== undefined) createFileExclusive(c.code.from, c.codeText);
          // A deleted published draft also left its production object's removal pending.
          if (c.pending) removePending(c.pending.projectDir, new Set([c.task]));
          result('succeeded', 'restored');
        }
      } else {
        const current = readIfExists(c.after);
        if (current === undefined) result('failed', `${c.after} no longer exists`);
        else if (!isAfterText(c, current)) result('failed', 'the file changed since the batch; not reverted');
        else {
          if (c.after !== c.before) {
            if (existsSync(c.before)) throw new Error(`a file now exists at ${c.before}`);
            mkdirSync(dirname(c.before), { recursive: true });
            renameSync(c.after, c.before);
            if (c.code && existsSync(c.code.to) && !existsSync(c.code.from)) renameSync(c.code.to, c.code.from);
          }
          writeFileAtomic(c.before, c.beforeText);
          result('succeeded', 'reverted');
        }
      }
    } catch (error) {
      result('failed', error instanceof Error ? error.message : String(error));
    }
  }
  const revert: BatchRecord = {
    id: newRecordId(now, 'revert'),
    who: user,
    when: now.toISOString(),
    operation: 'revert',
    title: `Revert "${record.title}" of ${record.when}`,
    kind: record.kind,
    parameters: { record: record.id },
    results: results.reverse(),
    changes: [],
  };
  saveRecord(root, revert);
  return revert;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
