import * as l10n from '@vscode/l10n';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError, createFileExclusive, unlinkQuietly, writeFileAtomic } from './atomicFile';
import { textHash, type FileChange } from './batchRecords';
import { codeFileState, changeKind, moveNoClobber, readIfExists, taskFileState } from './fileChangeState';
import { acquireLockFile, lockFileHolder } from './lockStore';
import { addPending, removePending, type PendingEntry } from './pendingList';
import { rederivedText } from './taskText';
import { withWriteLock } from './writeLock';

/** Who ran the batch and when: a lock or pending entry it made carries these. */
export interface ChangeOrigin {
  root: string;
  who: string;
  when: string;
}

/**
 * Carries out one change from where its files stand now to as the batch leaves them, holding the
 * workspace's write lock around the check and the writes. From 'before' that is the whole change (a
 * running batch); from a partial state (an interrupted one) it is the rest. `newText` is the task's
 * new text for an edit or move. (A batch already holds the lock for its slice; this shares it.) A
 * file that is neither as read nor as the batch left it is a ConflictError, and nothing of the change
 * is done.
 */
export function finishChange(c: FileChange, newText: string | undefined, origin: ChangeOrigin, resuming = false): void {
  const kind = changeKind(c);
  if (kind === 'lock') {
    const held = lockFileHolder(c.lock!);
    if (held?.holder === origin.who && held.acquiredAt === origin.when) return;
    const result = acquireLockFile(c.lock!, origin.who, new Date(origin.when));
    if (result.status === 'held') throw new ConflictError(l10n.t('locked by {0}', result.holder));
    return;
  }
  if (kind === 'pending') return;
  withWriteLock(origin.root, () => {
    const state = taskFileState(c);
    if (state === 'changed' && kind === 'create') throw new ConflictError(l10n.t('{0} already exists; not overwritten', c.before));
    if (state === 'changed') throw new ConflictError(readIfExists(c.before) === undefined && (c.after === undefined || readIfExists(c.after) === undefined) ? l10n.t('the file was deleted or moved on disk since it was read') : l10n.t('the file changed on disk since it was read; not overwritten'));
    if (kind === 'create') return createFiles(c, state);
    if (kind === 'delete') {
      if (c.code && c.codeText !== undefined) {
        const code = readIfExists(c.code.from);
        if (code !== undefined && code !== c.codeText) throw new ConflictError(l10n.t('its code file {0} changed since it was read; not deleted', c.code.from));
      }
      if (state === 'before') unlinkQuietly(c.before);
      if (c.code && c.codeText !== undefined) unlinkQuietly(c.code.from);
      return;
    }
    // The text's hash is the recorded one: the batch hashed this very text, and recovery checks it (recordedNewText).
    if (newText === undefined) throw new ConflictError(l10n.t('no new text to write'));
    if (kind === 'move') {
      const after = c.after!;
      const code = c.code ? codeFileState(c.code) : undefined;
      // A running batch finds the code file where it was; a resumed one may find it moved already.
      if (code === 'clash' || (code === 'to' && !resuming)) throw new ConflictError(l10n.t('{0} already exists', c.code!.to));
      if (code === 'none') throw new ConflictError(l10n.t('its code file {0} was deleted or moved since it was read', c.code!.from));
      if (state === 'before') {
        // The code file first: if the task's own move then fails, the code goes back and nothing moved.
        if (c.code) settleCode(c.code, 'to');
        try {
          moveNoClobber(c.before, after);
        } catch (error) {
          if (c.code) moveNoClobber(c.code.to, c.code.from);
          throw error;
        }
      } else {
        if (state === 'linked') unlinkQuietly(c.before);
        if (c.code) settleCode(c.code, 'to');
      }
      if (state !== 'after') writeFileAtomic(after, newText);
      return;
    }
    if (state === 'before') writeFileAtomic(c.before, newText);
  });
}

/**
 * A new task's code file, then its task file, each created only where nothing is (never replacing a
 * file). The code first: a task that appeared without its code would read, for that moment, as
 * naming a missing file.
 */
function createFiles(c: FileChange, state: string): void {
  // A new folder (a new task in a folder not yet made) is created on the way; the scope check
  // already put the path inside its project.
  mkdirSync(dirname(c.before), { recursive: true });
  let madeCode = false;
  if (c.code && c.codeText !== undefined) {
    const code = readIfExists(c.code.to);
    if (code === undefined) {
      if (!createFileExclusive(c.code.to, c.codeText)) throw new ConflictError(l10n.t('its code file {0} already exists; not overwritten', c.code.to));
      madeCode = true;
    } else if (code !== c.codeText) throw new ConflictError(l10n.t('its code file {0} already exists; not overwritten', c.code.to));
  }
  if (state === 'before' && !createFileExclusive(c.before, c.afterText ?? '')) {
    // Nothing half-made: the code file goes again if this call made it.
    if (madeCode) unlinkQuietly(c.code!.to);
    throw new ConflictError(l10n.t('{0} already exists; not overwritten', c.before));
  }
}

/** Brings a moved code file to one side, whatever step a kill stopped its move at. */
function settleCode(code: { from: string; to: string }, side: 'from' | 'to'): void {
  const state = codeFileState(code);
  const [here, there] = side === 'to' ? [code.to, code.from] : [code.from, code.to];
  if (state === 'clash') throw new ConflictError(l10n.t('{0} and {1} are two different files now; the code file is left as it is', here, there));
  if (state === 'both') unlinkQuietly(there);
  else if (state === (side === 'to' ? 'from' : 'to')) moveNoClobber(there, here);
}

/** The text an interrupted edit or move would have written, derived again and checked against its hash. */
export function recordedNewText(c: FileChange): string | undefined {
  const kind = changeKind(c);
  if (kind === 'create') {
    if (c.afterText === undefined || textHash(c.afterText) !== c.afterHash) throw new ConflictError(l10n.t('the record keeps no text for the new task, or another one than it hashed'));
    return c.afterText;
  }
  if (kind !== 'edit' && kind !== 'move') return undefined;
  // A whole new text (an import's update) is kept in the record itself.
  if (!c.edit && c.afterText !== undefined && textHash(c.afterText) === c.afterHash) return c.afterText;
  if (!c.edit) throw new ConflictError(l10n.t('the record keeps no edit to finish this change with'));
  const text = rederivedText(c.beforeText, c.edit, c.edit.via);
  if (textHash(text) !== c.afterHash) throw new ConflictError(l10n.t('the change derived again differs from the recorded one; not written'));
  return text;
}

/** Adds the change's pending-publish entry unless that very submission is already listed. */
export function finishPending(root: string, c: FileChange): void {
  if (!c.pending?.entry) return;
  addPending(root, c.pending.projectDir, [c.pending.entry]);
}

/**
 * Puts one change back: its files where and as they were before the batch, whatever step it reached.
 * Returns what was done, for the report; a file changed since is a ConflictError.
 */
export function undoChange(c: FileChange, origin: ChangeOrigin): string {
  const kind = changeKind(c);
  const sameSubmission = (e: PendingEntry) => !c.pending?.entry || (e.by === c.pending.entry.by && e.at === c.pending.entry.at);
  if (kind === 'lock') {
    const held = lockFileHolder(c.lock!);
    if (!held) return l10n.t('the lock was already released');
    if (held.holder !== origin.who || (held.acquiredAt !== undefined && held.acquiredAt !== origin.when)) throw new ConflictError(l10n.t('the lock is now held by someone else, or taken again since'));
    unlinkQuietly(c.lock!);
    return l10n.t('lock released');
  }
  if (kind === 'pending') {
    removePending(origin.root, c.pending!.projectDir, new Set([c.task]), sameSubmission);
    return l10n.t('pending-publish entry withdrawn');
  }
  return withWriteLock(origin.root, () => {
    const state = taskFileState(c);
    if (state === 'changed') throw new ConflictError(kind === 'delete' ? l10n.t('a file now exists at {0}', c.before) : l10n.t('the file changed since the batch; not reverted'));
    if (kind === 'create') {
      const code = c.code && c.codeText !== undefined ? readIfExists(c.code.to) : undefined;
      if (code !== undefined && code !== c.codeText) throw new ConflictError(l10n.t('its code file {0} changed since it was created; not removed', c.code!.to));
      if (state === 'after') unlinkQuietly(c.before);
      if (code !== undefined) unlinkQuietly(c.code!.to);
      return state === 'after' ? l10n.t('removed the created task') : l10n.t('not reached by the batch; nothing to undo');
    }
    if (kind === 'delete') {
      if (state === 'after' && !createFileExclusive(c.before, c.beforeText)) throw new ConflictError(l10n.t('a file now exists at {0}', c.before));
      if (c.code && c.codeText !== undefined && readIfExists(c.code.from) === undefined) createFileExclusive(c.code.from, c.codeText);
      // A deleted published draft also left its production object's removal pending.
      if (c.pending) removePending(origin.root, c.pending.projectDir, new Set([c.task]), sameSubmission);
      return state === 'after' ? l10n.t('restored') : l10n.t('not reached by the batch; nothing to undo');
    }
    if (kind === 'move') {
      if (state === 'linked') unlinkQuietly(c.after!);
      else if (state === 'renamed' || state === 'after') moveNoClobber(c.after!, c.before);
      if (c.code) settleCode(c.code, 'from');
    }
    if (state === 'before') return l10n.t('not reached by the batch; nothing to undo');
    if (state === 'after') writeFileAtomic(c.before, c.beforeText);
    // A submission's edit also put the task on the pending-publish list.
    if (c.pending) removePending(origin.root, c.pending.projectDir, new Set([c.task]), sameSubmission);
    return l10n.t('reverted');
  });
}
