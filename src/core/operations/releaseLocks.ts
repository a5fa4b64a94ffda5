import { linkSync, renameSync } from 'node:fs';
import type { Task } from '../workspace/workspaceModel';
import { unlinkQuietly } from './atomicFile';
import { actionRecord, saveRecord, type BatchRecord, type TaskResult } from './batchRecords';
import { lockFileHolder, type LockStore } from './lockStore';

/**
 * Releases the tasks' edit locks: the user's own, and with `force` someone else's (a stale lock of a
 * colleague who left; the console's administrators can do the same). Every release is recorded, a
 * forced one naming whose lock it was and since when.
 */
export function releaseLocks(tasks: readonly Task[], user: string, locks: LockStore, options: { root: string; force: boolean; now?: Date }): BatchRecord {
  const now = options.now ?? new Date();
  const results: TaskResult[] = tasks.map((task) => {
    const base = { task: task.data.id, name: task.data.name };
    const path = locks.pathFor(task);
    const held = lockFileHolder(path);
    if (!held) return { ...base, status: 'skipped', reason: 'not locked' };
    if (held.holder !== user && !options.force) return { ...base, status: 'failed', reason: `locked by ${held.holder}${held.acquiredAt ? ` since ${held.acquiredAt}` : ''}; --force releases someone else's lock` };
    // Moved aside first, then checked: if the lock changed hands meanwhile, the new holder's goes back.
    const aside = `${path}.${process.pid}.release`;
    try {
      renameSync(path, aside);
    } catch {
      return { ...base, status: 'skipped', reason: 'not locked (released meanwhile)' };
    }
    const moved = lockFileHolder(aside);
    if (moved?.holder !== held.holder || moved?.acquiredAt !== held.acquiredAt) {
      try {
        linkSync(aside, path);
      } catch {
        // Locked again meanwhile by someone else; theirs stands.
      }
      unlinkQuietly(aside);
      return { ...base, status: 'failed', reason: `the lock changed hands while being released (now ${moved?.holder ?? 'someone'}); not released` };
    }
    unlinkQuietly(aside);
    const whose = held.holder === user ? 'your lock' : `the lock of ${held.holder}${held.acquiredAt ? ` (held since ${held.acquiredAt})` : ''}, forced`;
    return { ...base, status: 'succeeded', reason: `released ${whose}` };
  });
  const record = actionRecord('unlock', { title: options.force ? 'Release Edit Lock (forced)' : 'Release Edit Lock', kind: 'other', parameters: { force: options.force }, results }, user, now);
  if (results.some((r) => r.status === 'succeeded')) saveRecord(options.root, record);
  return record;
}
