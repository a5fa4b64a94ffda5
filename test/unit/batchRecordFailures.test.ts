import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBatch } from '../../src/core/operations/batchRunner';
import { listRecords, recordsDir } from '../../src/core/operations/batchRecords';
import { LockStore } from '../../src/core/operations/lockStore';
import { modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { nightshift } from './fixtures';
import { filesBelow, tempFiles, twoProjects } from './reliabilityFixtures';
import { cliBundle } from './testBundles';

/** Every task file's text, by path. */
function texts(root: string): Map<string, string> {
  return new Map([...loadWorkspace(root).tasks()].map((t) => [t.file, readFileSync(t.file, 'utf8')]));
}

/** Files whose text changed without any record (intent or complete) naming them: what must never happen. */
function unrecordedChanges(root: string, before: Map<string, string>): string[] {
  const recorded = new Set(listRecords(root).flatMap((r) => r.changes.flatMap((c) => [c.before, c.after])));
  return [...before].filter(([file, text]) => {
    let now: string | undefined;
    try {
      now = readFileSync(file, 'utf8');
    } catch {
      now = undefined;
    }
    return now !== text && !recorded.has(file);
  }).map(([file]) => file);
}

describe('a batch never changes a file it has not recorded', function () {
  this.timeout(120_000);

  it('a broken pending-publish list stops the tasks that need it before any file changes', () => {
    const root = twoProjects(3);
    for (const name of readdirSync(join(root, 'fin/tasks/src')).filter((n) => n.endsWith('.task.yaml'))) {
      const file = join(root, 'fin/tasks/src', name);
      writeFileSync(file, readFileSync(file, 'utf8').replace('published: false', 'published: true'));
    }
    mkdirSync(join(root, 'fin/.nightshift'), { recursive: true });
    writeFileSync(join(root, 'fin/.nightshift/pending-publish.yaml'), 'pending:\n  - task: "t000"\n    name: [unclosed\n');
    const before = filesBelow(root);
    const run = nightshift('unpublish-delete', root, '--tasks', 't000,t001,t002', '--as', 'alice');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /t001 +failed +.*pending-publish\.yaml:\d+: not valid YAML/);
    assert.deepEqual(filesBelow(root).filter((f) => !f.startsWith('.nightshift')), before);
  });

  it('a records folder that cannot be written: nothing changes, every task says why', async () => {
    const root = twoProjects(5);
    mkdirSync(join(root, '.nightshift'), { recursive: true });
    writeFileSync(join(root, '.nightshift/records'), 'a file where the records folder should be\n');
    const before = texts(root);
    const index = loadWorkspace(root);
    const record = await runBatch(modifyTagsOperation('append', ['x']), [...index.tasks()], { index, user: 'alice', now: new Date() }, { root, locks: new LockStore() });
    assert.ok(record.results.every((r) => r.status === 'failed' && /not changed: the batch record could not be written/.test(r.reason)), JSON.stringify(record.results[0]));
    assert.deepEqual(texts(root), before);
    assert.deepEqual(tempFiles(root), []);
  });

  it('a full disk at any point of a batch: each file old or new, none changed without a record, no temporary file left', async function () {
    if (process.getuid?.() !== 0) this.skip(); // mounting a small tmpfs needs root
    const mountPoint = mkdtempSync(join(tmpdir(), 'nightshift-full-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    if (mounted.status !== 0) {
      process.stdout.write(`      (skipped: mount -t tmpfs failed: ${mounted.stderr.toString().trim()})\n`);
      this.skip();
    }
    try {
      const source = twoProjects(60);
      let outcomes = new Set<string>();
      for (let free = 4_000; free <= 120_000; free += 8_000) {
        const root = join(mountPoint, 'ws');
        rmSync(root, { recursive: true, force: true });
        rmSync(join(mountPoint, 'filler'), { force: true });
        cpSync(source, root, { recursive: true });
        const stat = spawnSync('df', ['-B1', '--output=avail', mountPoint], { encoding: 'utf8' });
        const avail = Number(stat.stdout.trim().split('\n').at(-1));
        writeFileSync(join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, avail - free)));
        const before = texts(root);
        const index = loadWorkspace(root);
        try {
          const record = await runBatch(modifyTagsOperation('append', ['a-rather-long-tag-to-fill-the-disk']), [...index.tasks()], { index, user: 'alice', now: new Date() }, { root, locks: new LockStore() });
          outcomes.add(`returned ${record.state}`);
        } catch (error) {
          outcomes.add(`threw "${(error as Error).message.slice(0, 60)}…"`);
        }
        for (const [file, text] of before) {
          const now = readFileSync(file, 'utf8');
          assert.ok(now === text || now.includes('a-rather-long-tag'), `${file} is neither old nor new`);
        }
        assert.deepEqual(unrecordedChanges(root, before), [], `free ${free}: files changed without a record`);
        assert.deepEqual(tempFiles(root).filter((f) => !f.includes('write-locks')), [], `free ${free}: temporary files left`);
      }
      process.stdout.write(`      (outcomes: ${[...outcomes].join(', ')})\n`);
      outcomes = new Set();
    } finally {
      spawnSync('umount', [mountPoint]);
    }
  });

  it('read-only folders, as a user without root\'s privilege: a read-only task folder fails its tasks alone; a read-only records folder changes nothing', function () {
    // Root writes into a read-only folder anyway, so this runs the CLI as nobody (uid 65534).
    const setpriv = spawnSync('setpriv', ['--version']);
    if (process.getuid?.() !== 0 || setpriv.status !== 0) this.skip();
    const root = twoProjects(4);
    mkdirSync(join(root, 'fin/tasks/other'), { recursive: true });
    for (const id of ['t002', 't003']) {
      for (const ext of ['.task.yaml', '.sql']) cpSync(join(root, `fin/tasks/src/${id}${ext}`), join(root, `fin/tasks/other/${id}${ext}`));
      rmSync(join(root, `fin/tasks/src/${id}.task.yaml`));
    }
    spawnSync('chmod', ['-R', 'a+rwX', join(root, '..')]);
    spawnSync('chmod', ['555', join(root, 'fin/tasks/other')]);
    const asNobody = (...args: string[]) =>
      spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliBundle(), ...args], { encoding: 'utf8', cwd: join(__dirname, '../..') });
    const run = asNobody('tags', root, '--folder', 'fin/', '--recursive', '--mode', 'append', '--tag', 'ro', '--as', 'alice');
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /t000 +succeeded/);
    assert.match(run.stdout, /t002 +failed +could not write the file: EACCES/);
    assert.deepEqual(listRecords(root).at(-1)!.changes.map((c) => c.task).sort(), ['t000', 't001']);
    assert.deepEqual(tempFiles(root), []);

    spawnSync('chmod', ['555', recordsDir(root)]);
    const before = texts(root);
    const blocked = asNobody('tags', root, '--tasks', 't000,t001', '--mode', 'append', '--tag', 'again', '--as', 'alice');
    assert.equal(blocked.status, 1);
    assert.match(blocked.stdout, /t000 +failed +not changed: the batch record could not be written/);
    assert.deepEqual(texts(root), before);
  });

  it('a malformed record is named and left out; the other records still list', () => {
    const root = twoProjects(2);
    assert.equal(nightshift('tags', root, '--tasks', 't000', '--mode', 'append', '--tag', 'x', '--as', 'alice').code, 0);
    writeFileSync(join(recordsDir(root), '20260101-000000000Z-bad.json'), '{"id": 3}');
    const run = nightshift('records', root);
    assert.equal(run.code, 0);
    assert.match(run.stderr, /20260101-000000000Z-bad\.json: not a batch record \("id" is not a string\); left out/);
    assert.match(run.stdout, /Append Tags: 1 succeeded/);
  });

  it('unlock releases your own lock; someone else\'s only with --force, and that is recorded', () => {
    const root = twoProjects(2);
    assert.equal(nightshift('lock', root, '--tasks', 't000,t001', '--as', 'bob').code, 0);
    const refused = nightshift('unlock', root, '--tasks', 't000', '--as', 'alice');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /locked by bob since .*--force releases someone else's lock/);
    assert.equal(nightshift('unlock', root, '--tasks', 't001', '--as', 'bob').code, 0);
    const forced = nightshift('unlock', root, '--tasks', 't000', '--as', 'alice', '--force', '--json');
    assert.equal(forced.code, 0);
    assert.match(JSON.parse(forced.stdout).results[0].reason, /released the lock of bob \(held since .*\), forced/);
    assert.equal(listRecords(root).filter((r) => r.operation === 'unlock').at(-1)?.parameters.force, true);
    assert.deepEqual(readdirSync(join(root, 'fin/.nightshift/locks')), []);
  });
});
