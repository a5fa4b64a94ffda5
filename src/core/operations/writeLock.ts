import { createHash } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { createFileExclusive, unlinkQuietly } from './atomicFile';

/**
 * Short-lived write locks, one per file, held around "is the file still as I read it?" and the rename
 * that replaces it, so that no other Nightshift writer (another batch, window or CLI) gets in between.
 * They live in `<workspace>/.nightshift/write-locks/`, never indexed and never taken for edit locks.
 * Each names its writer's pid, host and start; one whose process is gone on this host is broken (and
 * logged), so a batch killed with -9 never blocks the next.
 */
export interface WriteLockOwner {
  pid: number;
  host: string;
  startedAt: string;
  path: string;
}

/** How long a writer waits for another's lock on the same file before the task fails as busy. */
const WAIT_MS = 15_000;
const HOST = hostname();
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export class WriteLockBusy extends Error {}

/** Logged when a dead writer's lock is broken; the CLI and the extension route it to their logs. */
export let onStaleLockBroken: (owner: WriteLockOwner, lockFile: string) => void = (owner, file) =>
  process.stderr.write(`nightshift: broke the write lock ${file} of process ${owner.pid} on ${owner.host} (started ${owner.startedAt}), which is gone\n`);

export function setStaleLockLogger(log: typeof onStaleLockBroken): void {
  onStaleLockBroken = log;
}

export function writeLocksDir(workspaceRoot: string): string {
  return join(workspaceRoot, '.nightshift', 'write-locks');
}

function lockFileFor(workspaceRoot: string, path: string): string {
  return join(writeLocksDir(workspaceRoot), `${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 40)}.lock`);
}

function readOwner(lockFile: string): WriteLockOwner | undefined {
  try {
    return JSON.parse(readFileSync(lockFile, 'utf8')) as WriteLockOwner;
  } catch {
    return undefined;
  }
}

function processGone(owner: WriteLockOwner): boolean {
  if (owner.host !== HOST || !Number.isInteger(owner.pid)) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Removes a dead writer's lock. It is first renamed aside, so that of two processes breaking the same
 * lock only one succeeds; if what was moved aside turns out to be a live lock taken meanwhile, it is
 * put back.
 */
function breakIfStale(lockFile: string): void {
  const owner = readOwner(lockFile);
  if (!owner || !processGone(owner)) return;
  const aside = `${lockFile}.${process.pid}.broken`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  if (moved && !processGone(moved)) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // Someone claimed it again already; theirs stands.
    }
  } else if (moved) onStaleLockBroken(moved, lockFile);
  unlinkQuietly(aside);
}

/**
 * Runs `fn` holding the write locks of every path in `paths` (taken in sorted order, so two batches
 * locking overlapping sets never wait on each other in a circle), and releases them after.
 */
export function withWriteLocks<T>(workspaceRoot: string, paths: readonly string[], fn: () => T): T {
  const byFile = new Map(paths.map((p) => [lockFileFor(workspaceRoot, p), resolve(p)]));
  const held: string[] = [];
  try {
    for (const file of [...byFile.keys()].sort()) {
      const owner: WriteLockOwner = { pid: process.pid, host: HOST, startedAt: new Date().toISOString(), path: byFile.get(file)! };
      const deadline = Date.now() + WAIT_MS;
      let pause = 1;
      while (!createFileExclusive(file, JSON.stringify(owner))) {
        breakIfStale(file);
        if (Date.now() > deadline) {
          const holder = readOwner(file);
          throw new WriteLockBusy(`another writer (process ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}) has held the file for over ${WAIT_MS / 1000} s; not changed`);
        }
        Atomics.wait(sleeper, 0, 0, pause);
        pause = Math.min(pause * 2, 50);
      }
      held.push(file);
    }
    return fn();
  } finally {
    for (const file of held) {
      try {
        unlinkSync(file);
      } catch {
        // Broken by someone who thought us dead: nothing left to release.
      }
    }
  }
}

/**
 * Removes the write locks a killed writer left (same host, that pid, and the process gone), when its
 * interrupted batch is recovered: they would otherwise be broken one by one, each logged, as files are
 * next written.
 */
export function removeDeadWriterLocks(workspaceRoot: string, pid: number): number {
  const dir = writeLocksDir(workspaceRoot);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.lock'));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const owner = readOwner(join(dir, name));
    if (owner?.pid === pid && processGone(owner)) {
      unlinkQuietly(join(dir, name));
      removed++;
    }
  }
  return removed;
}
