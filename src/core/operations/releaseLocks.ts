import * as l10n from '@vscode/l10n';
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
    if (!held) return { ...base, status: 'skipped', reason: l10n.t('not locked') };
    if (held.holder !== user && !options.force) return { ...base, status: 'failed', reason: held.acquiredAt ? l10n.t('locked by {0} since {1}; --force releases someone else\'s lock', held.holder, held.acquiredAt) : l10n.t('locked by {0}; --force releases someone else\'s lock', held.holder) };
    // Moved aside first, then checked: if the lock changed hands meanwhile, the new holder's goes back.
    const aside = `${path}.${process.pid}.release`;
    try {
      renameSync(path, aside);
    } catch {
      return { ...base, status: 'skipped', reason: l10n.t('not locked (released meanwhile)') };
    }
    const moved = lockFileHolder(aside);
    if (moved?.holder !== held.holder || moved?.acquiredAt !== held.acquiredAt) {
      try {
        linkSync(aside, path);
      } catch {
        // Locked again meanwhile by someone else; theirs stands.
      }
      unlinkQuietly(aside);
      return { ...base, status: 'failed', reason: l10n.t('the lock changed hands while being released (now {0}); not released', moved?.holder ?? l10n.t('someone')) };
    }
    unlinkQuietly(aside);
    const reason = held.holder === user ? l10n.t('released your lock') : held.acquiredAt ? l10n.t('released the lock of {0} (held since {1}), forced', held.holder, held.acquiredAt) : l10n.t('released the lock of {0}, forced', held.holder);
    return { ...base, status: 'succeeded', reason };
  });
  const record = actionRecord('unlock', { title: options.force ? 'Release Edit Lock (forced)' : 'Release Edit Lock', kind: 'other', parameters: { force: options.force }, results }, user, now);
  if (results.some((r) => r.status === 'succeeded')) saveRecord(options.root, record);
  return record;
}
