import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTaskFile } from '../../src/core/model/parseTaskFile';
import { runBatch } from '../../src/core/operations/batchRunner';
import { LockStore } from '../../src/core/operations/lockStore';
import { modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../../src/core/workspace/workspaceWalk';
import { generateWorkspace } from '../../scripts/generateWorkspace';
import { nightshift } from './fixtures';
import { bundled } from './testBundles';

const WORKERS = join(__dirname, 'workers');

describe('task operations under concurrency and crashes', function () {
  this.timeout(120_000);

  it('a large batch lets the event loop run: progress is reported and a cancel from a timer is heard mid-way', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-cancel-')), 'ws');
    generateWorkspace({ tasks: 1500, out: root, seed: 5 });
    const index = loadWorkspace(root);
    const tasks = [...index.tasks()];
    let cancel = false;
    let progressAtCancel = 0;
    let progress = 0;
    // A timer can only fire if the batch yields; a batch that never did would finish every task.
    setTimeout(() => ((cancel = true), (progressAtCancel = progress)), 0);
    const record = await runBatch(modifyTagsOperation('append', ['cancel-test']), tasks, { index, user: 'user01', now: new Date() }, {
      root,
      locks: new LockStore(),
      isCancelled: () => cancel,
      onProgress: (done) => (progress = done),
    });
    const count = (status: string) => record.results.filter((r) => r.status === status).length;
    assert.equal(record.cancelled, true);
    assert.ok(progressAtCancel > 0 && progressAtCancel < tasks.length, `cancelled after ${progressAtCancel} of ${tasks.length}`);
    assert.ok(count('succeeded') > 0, 'nothing was done before the cancel');
    assert.equal(record.results.length, tasks.length);
    assert.ok(record.results.slice(progressAtCancel).every((r) => r.status === 'skipped' && r.reason === 'cancelled before it was reached'));
    assert.equal(record.changes.length, count('succeeded'));
  });

  it('two processes racing for the same lock 1,000 times: exactly one holder each time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-race-'));
    const race = (user: string) =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, [bundled(join(WORKERS, 'lockRace.ts')), dir, user, '1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`racer exited ${code}`))));
      });
    const racers = [race('alice'), race('bob')];
    await new Promise((r) => setTimeout(r, 1500));
    writeFileSync(join(dir, 'go'), '');
    const [a, b] = await Promise.all(racers);
    const both = a!.filter((i) => new Set(b).has(i));
    assert.deepEqual(both, [], 'a lock had two holders');
    assert.equal(a!.length + b!.length, 1000, 'every lock has exactly one holder');
    for (const i of [0, 499, 999]) {
      const holder = readFileSync(join(dir, `${i}.lock`), 'utf8');
      assert.match(holder, new RegExp(`holder: ${a!.includes(i) ? 'alice' : 'bob'}`));
    }
  });

  it('a batch killed mid-way leaves every file parseable and either old or new', async () => {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-crash-')), 'ws');
    generateWorkspace({ tasks: 1500, out: root, seed: 3 });
    const files = findIndexedFiles(root).filter((f) => f.endsWith('.task.yaml'));
    const before = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
    let changed = 0;
    // Killed once it reports this many tasks done (a batch is too quick to kill after a fixed delay).
    for (const target of [1, 400, 900]) {
      const child = spawn(process.execPath, [bundled(join(WORKERS, 'batchToKill.ts')), root], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (d: Buffer) => {
          const done = Math.max(0, ...[...d.toString().matchAll(/done (\d+)/g)].map((m) => Number(m[1])));
          if (done >= target) resolve();
        }),
      );
      child.kill('SIGKILL');
      await exited;
    }
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const parsed = parseTaskFile(file, text);
      assert.ok(parsed.data, `${file} no longer parses`);
      const old = parseTaskFile(file, before.get(file)!).data!;
      if (text === before.get(file)) continue;
      changed++;
      const { tags, updatedAt: _u, ...rest } = parsed.data;
      const { tags: oldTags, updatedAt: _o, ...oldRest } = old;
      assert.deepEqual(rest, oldRest, `${file} changed beyond the batch's edit`);
      assert.deepEqual(tags, [...oldTags.filter((t) => t !== 'crash-test'), 'crash-test'], `${file} is neither old nor new`);
    }
    assert.ok(changed > 0, 'the batch was killed before it changed anything; the test proved nothing');
    assert.ok(changed < files.length, 'the batch finished before it was killed; the test proved nothing');
    // The CLI still reads the workspace without errors.
    const validate = nightshift('validate', root);
    assert.doesNotMatch(validate.stderr, /malformed YAML/);
  });
});
