import { strict as assert } from 'node:assert';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { onStaleLockBroken, setStaleLockLogger, withWriteLock, writeLocksDir } from '../../src/core/operations/writeLock';
import { twoProjects } from './reliabilityFixtures';

describe('the workspace write lock', () => {
  const broken: string[] = [];
  const original = onStaleLockBroken;
  before(() => setStaleLockLogger((owner) => broken.push(`${owner.pid}@${owner.host}`)));
  after(() => setStaleLockLogger(original));

  function leftLock(root: string, content: string, ageSeconds = 0): void {
    mkdirSync(writeLocksDir(root), { recursive: true });
    const file = join(writeLocksDir(root), 'workspace.lock');
    writeFileSync(file, content);
    const then = new Date(Date.now() - ageSeconds * 1000);
    utimesSync(file, then, then);
  }

  it('a lock left by a process that is gone is broken, and that is logged', () => {
    const root = twoProjects(1);
    leftLock(root, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), startedAt: new Date().toISOString(), path: root }));
    assert.equal(withWriteLock(root, () => 'ran'), 'ran');
    assert.deepEqual(broken.splice(0), [`${2 ** 22 + 12345}@${hostname()}`]);
  });

  it('a lock naming a live process but abandoned for minutes (a reused pid, another host) is broken', () => {
    const root = twoProjects(1);
    leftLock(root, JSON.stringify({ pid: process.ppid, host: 'elsewhere', startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), path: root }));
    assert.equal(withWriteLock(root, () => 'ran'), 'ran');
    assert.equal(broken.splice(0).length, 1);
  });

  it('a lock whose owner cannot be read is broken once it is older than a claim takes', () => {
    const root = twoProjects(1);
    leftLock(root, '', 60);
    assert.equal(withWriteLock(root, () => 'ran'), 'ran');
    assert.equal(broken.splice(0).length, 1);
  });

  it('a lock holding something else than an owner ({}) is broken once old, never blocking for good', () => {
    const root = twoProjects(1);
    leftLock(root, '{}', 60);
    assert.equal(withWriteLock(root, () => 'ran'), 'ran');
    assert.equal(broken.splice(0).length, 1);
  });

  it('nested holders in one process share the lock, and it is gone after', () => {
    const root = twoProjects(1);
    const inner = withWriteLock(root, () => withWriteLock(root, () => 'inner'));
    assert.equal(inner, 'inner');
    assert.equal(withWriteLock(root, () => 'again'), 'again');
  });
});
