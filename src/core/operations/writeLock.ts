import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { unlinkQuietly } from './atomicFile';
import { aliveSince } from './processStart';

/**
 * The workspace's write lock, held around "is the file still as I read it?" and the rename that
 * replaces it, so that no other Nightshift writer (another batch, window or CLI) gets in between. It
 * lives in `<workspace>/.nightshift/write-locks/`, never indexed and never taken for an edit lock, and
 * names its writer's pid, host and start; one whose process is gone on this host is broken (and
 * logged), so a batch killed with -9 never blocks the next.
 *
 * One lock for the workspace rather than one per file: a batch takes it for a slice of its tasks
 * (a few milliseconds of compares and renames) and lets go before it yields, so two batches at once
 * take turns slice by slice. It is at least as strong as a lock per file, and a lock file created and
 * removed per task cost a batch over 10,000 tasks several times the writes themselves.
 */
export interface WriteLockOwner {
  pid: number;
  host: string;
  startedAt: string;
  path: string;
}

/** How long a writer waits for another writer's lock before its task fails as busy. */
const WAIT_MS = 15_000;
const HOST = hostname();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The lock stayed taken: a refusal of the system's kind (EBUSY), not a defect. */
export class WriteLockBusy extends Error {
  readonly code = 'EBUSY';
}

/** Logged when a dead writer's lock is broken; the CLI and the extension route it to their logs. */
export let onStaleLockBroken: (owner: WriteLockOwner, lockFile: string) => void = (owner, file) =>
  process.stderr.write(`nightshift: broke the write lock ${file} of process ${owner.pid} on ${owner.host} (started ${owner.startedAt}), which is gone\n`);

export function setStaleLockLogger(log: typeof onStaleLockBroken): void {
  onStaleLockBroken = log;
}

export function writeLocksDir(workspaceRoot: string): string {
  return join(workspaceRoot, '.nightshift', 'write-locks');
}

function lockFileFor(workspaceRoot: string): string {
  return join(writeLocksDir(workspaceRoot), 'workspace.lock');
}

/** The lock's owner, or undefined when the file does not hold a whole one (then its age decides). */
function readOwner(lockFile: string): WriteLockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<WriteLockOwner> | null;
    const whole = owner !== null && typeof owner === 'object' && Number.isInteger(owner.pid) && typeof owner.host === 'string' && typeof owner.startedAt === 'string' && Number.isFinite(Date.parse(owner.startedAt));
    return whole ? (owner as WriteLockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Nothing holds the lock this long: a batch holds it for a 25 ms slice, anything else for one file. A
 * lock this old is stale whoever it names, even a pid reused since by another process, or another host.
 */
const ABANDONED_MS = 120_000;

/** Whether the lock's writer is gone: its process ended (or its pid now names a later process) on this host, or the lock was abandoned. */
function processGone(owner: WriteLockOwner): boolean {
  const since = Date.parse(owner.startedAt);
  if (Date.now() - since > ABANDONED_MS) return true;
  if (owner.host !== HOST) return false;
  return !aliveSince(owner.pid, since);
}

/**
 * Claims `lockFile` with one exclusive create (O_EXCL), which fails if it exists. Its content (the
 * owner) is written right after; a lock read in between looks unreadable and counts as live, unless it
 * stays so for UNREADABLE_STALE_MS (a writer that died in that instant). Cheaper than a temporary file
 * and a hard link, and this lock is held only for a slice of compares and renames.
 */
function claim(lockFile: string, owner: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'ENOENT') throw error;
    mkdirSync(resolve(lockFile, '..'), { recursive: true });
    return claim(lockFile, owner);
  }
  try {
    writeSync(fd, owner);
  } catch (error) {
    // A full disk: the lock must not stay behind empty, looking held.
    closeSync(fd);
    unlinkQuietly(lockFile);
    throw error;
  }
  closeSync(fd);
  return true;
}

/** An owner that cannot be read this long after the lock was made is a writer that died mid-claim. */
const UNREADABLE_STALE_MS = 10_000;

function unreadableAndOld(lockFile: string): boolean {
  try {
    return Date.now() - statSync(lockFile).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return false;
  }
}

/** Whether the lock file at `path` is stale: its writer is gone, or it has held no whole owner for too long. */
function isStale(path: string): boolean {
  const owner = readOwner(path);
  return owner ? processGone(owner) : unreadableAndOld(path);
}

/**
 * Removes a dead writer's lock. It is first renamed aside, so that of two processes breaking the same
 * lock only one succeeds; if what was moved aside turns out to be a live lock taken meanwhile, it is
 * put back.
 */
function breakIfStale(lockFile: string): void {
  if (!isStale(lockFile)) return;
  const aside = `${lockFile}.${process.pid}.broken`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  if (!isStale(aside)) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // Someone claimed it again already; theirs stands.
    }
  } else onStaleLockBroken(readOwner(aside) ?? { pid: NaN, host: '?', startedAt: '?', path: '?' }, lockFile);
  unlinkQuietly(aside);
}

/** Lock files this process holds now, with how many callers share each (nested calls take it once). */
const heldHere = new Map<string, number>();

function take(file: string, workspaceRoot: string): void {
  const owner: WriteLockOwner = { pid: process.pid, host: HOST, startedAt: new Date().toISOString(), path: resolve(workspaceRoot) };
  const deadline = Date.now() + WAIT_MS;
  let pause = 1;
  while (!claim(file, JSON.stringify(owner))) {
    breakIfStale(file);
    if (Date.now() > deadline) {
      const holder = readOwner(file);
      throw new WriteLockBusy(`another writer (process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}) has held the workspace's write lock for over ${WAIT_MS / 1000} s; not changed`);
    }
    Atomics.wait(sleeper, 0, 0, pause);
    pause = Math.min(pause * 2, 50);
  }
}

/**
 * Takes the workspace's write lock (or shares it, when this process already holds it further up the
 * stack) and returns its release. Never hold it across an await: a batch releases before it yields.
 */
export function acquireWriteLock(workspaceRoot: string): () => void {
  const file = lockFileFor(workspaceRoot);
  // Held across an await (an editor saving): sharing it from elsewhere in this process would let
  // a second writer in; that one waits its turn as another process would, or fails as busy.
  if (awaitedHere.has(file)) throw new WriteLockBusy('another Nightshift operation in this window is saving an editor; not changed, run the operation again');
  const depth = heldHere.get(file) ?? 0;
  if (depth === 0) take(file, workspaceRoot);
  heldHere.set(file, depth + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (heldHere.get(file) ?? 1) - 1;
    if (left > 0) return void heldHere.set(file, left);
    heldHere.delete(file);
    try {
      unlinkSync(file);
    } catch {
      // Broken by someone who thought us dead: nothing left to release.
    }
  };
}

/** Lock files held across an await by `withWriteLockAsync`. */
const awaitedHere = new Set<string>();

/**
 * Runs async `fn` holding the workspace's write lock: for a write VS Code makes (an editor's save),
 * which cannot be done synchronously. Nothing else in this process shares the lock meanwhile.
 */
export async function withWriteLockAsync<T>(workspaceRoot: string, fn: () => Promise<T>): Promise<T> {
  const file = lockFileFor(workspaceRoot);
  if (heldHere.has(file)) throw new Error('withWriteLockAsync inside a synchronous hold of the same lock');
  const release = acquireWriteLock(workspaceRoot);
  awaitedHere.add(file);
  try {
    return await fn();
  } finally {
    awaitedHere.delete(file);
    release();
  }
}

/** Runs `fn` holding the workspace's write lock. */
export function withWriteLock<T>(workspaceRoot: string, fn: () => T): T {
  const release = acquireWriteLock(workspaceRoot);
  try {
    return fn();
  } finally {
    release();
  }
}

/**
 * Removes the write lock a killed writer left (same host, that pid, and the process gone), when its
 * interrupted batch is recovered: it would otherwise be broken, and logged, only when next needed.
 */
export function removeDeadWriterLocks(workspaceRoot: string, pid: number): void {
  const file = lockFileFor(workspaceRoot);
  const owner = readOwner(file);
  if (owner?.pid === pid && processGone(owner)) unlinkQuietly(file);
}
