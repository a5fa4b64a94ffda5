import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lockText, readLockText } from '../workspace/lockFile';
import type { Task } from '../workspace/workspaceModel';
import { createFileExclusive, unlinkQuietly } from './atomicFile';

export interface LockHolder {
  holder: string;
  acquiredAt?: string;
}

export type AcquireResult = { status: 'acquired' } | { status: 'held'; holder: string; acquiredAt?: string };

/**
 * Edit locks as files: `<dir>/<task id>.lock` holding `{holder, acquiredAt}`. By default `dir` is the
 * task's project's `.nightshift/locks` (committed or not, as the team likes); a team on a shared drive
 * points every member at one folder instead (setting `nightshift.lockDirectory`, CLI `--lock-dir`).
 * Acquiring is one atomic create, so of two users racing for a lock exactly one wins.
 */
export class LockStore {
  constructor(private readonly sharedDir?: string) {}

  pathFor(task: Task): string {
    const dir = this.sharedDir ?? join(task.projectDir ?? join(task.file, '..'), '.nightshift', 'locks');
    return join(dir, `${encodeURIComponent(task.data.id)}.lock`);
  }

  holder(task: Task): LockHolder | undefined {
    return lockFileHolder(this.pathFor(task));
  }

  /** The shared lock folder, or undefined when each project keeps its own. */
  get sharedFolder(): string | undefined {
    return this.sharedDir;
  }

  /**
   * A holder lookup for one batch: each lock folder is listed once and only the lock files in it are
   * read, instead of a failed open per task. Like a preview, it answers as of when it was taken.
   */
  snapshot(): (task: Task) => LockHolder | undefined {
    const listings = new Map<string, ReadonlySet<string> | null>();
    return (task) => {
      const path = this.pathFor(task);
      const dir = dirname(path);
      let names = listings.get(dir);
      if (names === undefined) {
        names = listFolder(dir);
        listings.set(dir, names);
      }
      // null: the folder could not be listed; ask the file itself.
      return names === null || names.has(basename(path)) ? this.holder(task) : undefined;
    };
  }

  acquire(task: Task, user: string, now = new Date()): AcquireResult {
    return acquireLockFile(this.pathFor(task), user, now);
  }

  /** Releases the lock if `user` holds it; a lock held by someone else is never removed. */
  release(task: Task, user: string): boolean {
    const held = this.holder(task);
    if (!held || held.holder !== user) return false;
    unlinkQuietly(this.pathFor(task));
    return true;
  }
}

function listFolder(dir: string): ReadonlySet<string> | null {
  try {
    return new Set(readdirSync(dir));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? new Set() : null;
  }
}

/** Who holds the lock file at `path`, or undefined when there is none. */
export function lockFileHolder(path: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return readLockText(text);
}

/** Creates the lock file for `user` at `now` in one atomic step, unless someone holds it. */
export function acquireLockFile(path: string, user: string, now: Date): AcquireResult {
  const text = lockText(user, now);
  if (createFileExclusive(path, text)) return { status: 'acquired' };
  const held = lockFileHolder(path);
  // The holder's file vanished between our attempt and the read: it was released; try once more.
  if (!held) return createFileExclusive(path, text) ? { status: 'acquired' } : { status: 'held', holder: lockFileHolder(path)?.holder ?? 'someone' };
  return { status: 'held', ...held };
}
