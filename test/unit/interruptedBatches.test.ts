import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { interruptedRecords, recoverBatch } from '../../src/core/operations/batchRecovery';
import { listRecords, recordsDir } from '../../src/core/operations/batchRecords';
import { scopeOf } from '../../src/core/operations/changeScope';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { nightshift } from './fixtures';
import { killAfter, taskPlaces, tempFiles, twoProjects } from './reliabilityFixtures';

const TASKS = 40;
const ROUNDS = 20;

/**
 * kill -9 a batch at a random point of its progress, then recover it, finishing on even rounds and
 * reverting on odd ones; each time every task is in one place with its code file, and nowhere twice.
 */
async function killAndRecover(op: string, arg: string, expectAfter: (file: string) => boolean): Promise<{ interrupted: number }> {
  let interrupted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const root = twoProjects(TASKS);
    const original = taskPlaces(root).places;
    await killAfter(1 + Math.floor(Math.random() * (TASKS - 5)), root, op, arg);
    const found = interruptedRecords(root);
    if (found.length === 0) continue; // it finished before the kill landed
    interrupted++;
    assert.equal(found.length, 1);
    const how = round % 2 === 0 ? 'finish' : 'revert';
    const recovery = recoverBatch(found[0]!, how, 'alice', root, scopeOf(loadWorkspace(root), {}));
    assert.ok(recovery.results.every((r) => r.status === 'succeeded'), `${op} ${how}: ${JSON.stringify(recovery.results.find((r) => r.status !== 'succeeded'))}`);
    const { places, duplicates } = taskPlaces(root);
    assert.deepEqual(duplicates, [], `${op} ${how}: a task is in two places`);
    assert.deepEqual(tempFiles(root), [], `${op} ${how}: temporary files left`);
    assert.deepEqual(interruptedRecords(root), []);
    if (op === 'delete') {
      assert.equal(places.size, how === 'finish' ? 0 : TASKS, `${op} ${how}: ${places.size} tasks left`);
    } else {
      assert.equal(places.size, TASKS, `${op} ${how}: tasks lost`);
      for (const [id, place] of places) {
        assert.ok(place.codeOk, `${op} ${how}: ${id}'s code file is not beside it (${place.file})`);
        assert.equal(how === 'finish' ? expectAfter(place.file) : place.file === original.get(id)!.file, true, `${op} ${how}: ${id} at ${place.file}`);
      }
    }
    // The batch's own record is now complete and tells the truth; a later revert of a finished one works.
    const record = listRecords(root).find((r) => r.id === found[0]!.id)!;
    assert.equal(record.state, 'complete');
  }
  return { interrupted };
}

describe('a batch killed mid-way is found, and can be finished or reverted', function () {
  this.timeout(600_000);

  for (const [op, arg, where] of [
    ['move', 'fin/moved', '/fin/tasks/moved/'],
    ['project', 'fin2', '/fin2/tasks/'],
    ['delete', '-', ''],
  ] as const) {
    it(`${op}: kill -9 at a random task, ${ROUNDS} times; finish and revert each leave every task whole`, async () => {
      const { interrupted } = await killAndRecover(op, arg, (file) => file.includes(where));
      process.stdout.write(`      (${interrupted} of ${ROUNDS} kills landed mid-batch)\n`);
      assert.ok(interrupted >= ROUNDS / 2, `only ${interrupted} of ${ROUNDS} kills landed mid-batch`);
    });
  }

  it('an interrupted batch whose pid now names a later process is still found; two recoveries at once do it once', async () => {
    const root = twoProjects(TASKS);
    await killAfter(10, root, 'move', 'fin/moved');
    const [record] = interruptedRecords(root);
    // The pid reused: a process started after the batch was written (over a second: /proc's clock is coarse).
    await new Promise((r) => setTimeout(r, 1500));
    const later = spawn('sleep', ['30']);
    const file = join(recordsDir(root), `${record!.id}.json`);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), pid: later.pid }));
    try {
      assert.equal(interruptedRecords(root).length, 1, 'a reused pid hid the interrupted batch');
    } finally {
      later.kill();
    }
    const scope = scopeOf(loadWorkspace(root), {});
    const first = recoverBatch(interruptedRecords(root)[0]!, 'revert', 'alice', root, scope);
    const second = recoverBatch(record!, 'finish', 'bob', root, scope);
    assert.equal(first.results.length, TASKS);
    assert.deepEqual(second.results, []);
    assert.match(second.title, /was already recovered/);
    assert.ok([...taskPlaces(root).places.values()].every((p) => p.file.includes('/src/')));
  });

  it('a hostile record cannot make recover write or sweep outside the workspace', () => {
    const root = twoProjects(2);
    const outside = mkdtempSync(join(tmpdir(), 'nightshift-outside-'));
    writeFileSync(join(outside, 'victim.json'), '{"keep":"me"}');
    writeFileSync(join(outside, '.precious.999999.1.1.tmp'), 'S');
    mkdirSync(recordsDir(root), { recursive: true });
    const hostile = { id: '../../../victim', who: 'm', when: '2026-01-01T00:00:00Z', operation: 'modify-tags', title: 'evil', kind: 'other', parameters: {}, results: [], changes: [{ task: '1', before: join(outside, 'x.task.yaml'), beforeText: 'x' }], state: 'intent', pid: 999999, host: hostname() };
    writeFileSync(join(recordsDir(root), '20990101-evil.json'), JSON.stringify(hostile));
    writeFileSync(join(recordsDir(root), '20990102-evil.json'), JSON.stringify({ ...hostile, id: '20990102-evil' }));
    const found = interruptedRecords(root);
    assert.deepEqual(found.map((r) => r.id), ['20990102-evil'], 'a record whose id is not its file name was taken');
    const recovery = recoverBatch(found[0]!, 'finish', 'bob', root, scopeOf(loadWorkspace(root), {}));
    assert.match(recovery.results[0]!.reason, /not inside a project of this workspace; refused/);
    assert.equal(readFileSync(join(outside, 'victim.json'), 'utf8'), '{"keep":"me"}');
    assert.equal(readFileSync(join(outside, '.precious.999999.1.1.tmp'), 'utf8'), 'S');
  });

  it('the command line reports an interrupted batch and recovers it', async () => {
    const root = twoProjects(TASKS);
    await killAfter(10, root, 'move', 'fin/moved');
    const records = nightshift('records', root);
    assert.match(records.stdout, /INTERRUPTED \(nightshift recover\)/);
    const other = nightshift('tags', root, '--tasks', 't039', '--mode', 'append', '--tag', 'z', '--as', 'bob', '--dry-run');
    assert.match(other.stderr, /was interrupted; finish or revert it: nightshift recover/);
    const run = nightshift('recover', root, '--revert', '--as', 'alice');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /Revert interrupted "Batch Move"/);
    assert.equal(nightshift('recover', root, '--finish', '--as', 'alice').stdout, 'No interrupted batch.\n');
    assert.ok(taskPlaces(root).places.get('t000')!.file.endsWith(join('src', 't000.task.yaml')));
  });
});
