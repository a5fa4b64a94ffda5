import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listRecords, recordsDir } from '../../src/core/operations/batchRecords';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { nightshift } from './fixtures';
import { filesBelow, twoProjects } from './reliabilityFixtures';

/** A file outside every workspace, as an attacker would name it. */
function victim(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'nightshift-victim-')), 'victim.txt');
  writeFileSync(file, 'precious\n');
  return file;
}

function setCode(root: string, id: string, code: string): void {
  const file = join(root, `fin/tasks/src/${id}.task.yaml`);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^code: .*$/m, `code: ${code}`));
}

describe('nothing is written outside the workspace, whatever a file or record says', function () {
  this.timeout(60_000);

  it('revert refuses a record edited to name a file outside, and its --dry-run lists every path first', () => {
    const root = twoProjects(2);
    assert.equal(nightshift('tags', root, '--tasks', 't000,t001', '--mode', 'append', '--tag', 'x', '--as', 'alice').code, 0);
    const target = victim();
    const [name] = readdirSync(recordsDir(root));
    const file = join(recordsDir(root), name!);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.changes[0].before = target;
    record.changes[0].after = target;
    record.changes[1].code = { from: join(target, '..', 'created.txt'), to: join(target, '..', 'created.txt') };
    writeFileSync(file, JSON.stringify(record));
    const dry = nightshift('revert', root, '--last', '--as', 'mallory', '--dry-run');
    assert.match(dry.stdout, /t000 +failed +record .*before: .*victim\.txt is not inside a project of this workspace; refused/);
    assert.match(dry.stdout, /t001 +failed +record .*code\.from/);
    const run = nightshift('revert', root, '--last', '--as', 'mallory');
    assert.equal(run.code, 1);
    assert.equal(readFileSync(target, 'utf8'), 'precious\n');
    assert.deepEqual(readdirSync(join(target, '..')), ['victim.txt']);
  });

  it('a revert whose earlier step makes a link (a moved code file) cannot then write below it: folders not there yet are resolved again', () => {
    const top = mkdtempSync(join(tmpdir(), 'nightshift-linkstep-'));
    const ws = join(top, 'ws');
    const proj = join(ws, 'proj');
    mkdirSync(join(proj, 'a/b/real'), { recursive: true });
    writeFileSync(join(proj, 'nightshift.yaml'), 'name: proj\n');
    // The same relative link leads inside from a/b and outside the workspace from a.
    mkdirSync(join(top, 'proj/a/b/real'), { recursive: true });
    writeFileSync(join(proj, 'a/T.task.yaml'), 'T');
    symlinkSync('../../../proj/a/b/real', join(proj, 'a/b/sub'));
    const change = (o: Record<string, unknown>) => ({ beforeText: 'x', ...o });
    // Reverted last to first: a check that resolves a/sub (not there yet), the move that puts the
    // link at a/sub, then a delete whose revert would recreate a file below it.
    const record = {
      id: 'r1', who: 'me', when: '2024-01-01T00:00:00.000Z', operation: 'move', title: 't', kind: 'other' as const, parameters: {}, results: [], state: 'complete' as const,
      changes: [
        change({ task: 'evil', before: join(proj, 'a/sub/evil.task.yaml'), beforeText: 'PWNED' }),
        change({ task: 'mv', before: join(proj, 'a/T.task.yaml'), after: join(proj, 'a/b/T2.task.yaml'), beforeText: 'T', code: { from: join(proj, 'a/sub'), to: join(proj, 'a/b/sub') } }),
        change({ task: 'memo', before: join(proj, 'a/sub/m.task.yaml'), after: join(proj, 'a/sub/m.task.yaml') }),
      ],
    };
    const out = revertBatch(record as never, 'me', ws, { projectDirs: [proj], realDirs: new Map() });
    assert.deepEqual(readdirSync(join(top, 'proj/a/b/real')), [], 'nothing written outside');
    assert.equal(out.results.find((r) => r.task === 'evil')?.status, 'failed');
    assert.match(out.results.find((r) => r.task === 'evil')!.reason, /not inside a project of this workspace; refused/);
  });

  it('a code: path that leaves the task folder is an error at its line, and delete and move never follow it', () => {
    const root = twoProjects(4);
    const outside = victim();
    setCode(root, 't000', `../../../../../../../../../..${outside}`);
    setCode(root, 't001', '../../nightshift.yaml');
    setCode(root, 't002', 't003.task.yaml');
    const validate = nightshift('validate', root);
    assert.equal(validate.code, 1);
    assert.match(validate.stderr, /t000\.task\.yaml:12:.*code: .* must name a file in the task's folder or below it/);
    assert.match(validate.stderr, /t001\.task\.yaml:12:.*code: .*must name a file in the task's folder or below it/);
    assert.match(validate.stderr, /t002\.task\.yaml:12:.*code: "t003\.task\.yaml" names a task file/);
    const del = nightshift('delete', root, '--tasks', 't000,t001', '--remark', 'x', '--as', 'alice');
    assert.equal(del.code, 1);
    assert.match(del.stdout, /t000 +failed +.*refused/);
    assert.equal(readFileSync(outside, 'utf8'), 'precious\n');
    assert.ok(existsSync(join(root, 'fin/nightshift.yaml')));
    for (const name of readdirSync(recordsDir(root))) assert.ok(!readFileSync(join(recordsDir(root), name), 'utf8').includes('precious'), 'the outside text was copied into a record');
    const move = nightshift('move', root, '--tasks', 't002', '--to', 'fin/elsewhere', '--as', 'alice');
    assert.equal(move.code, 1);
    assert.ok(existsSync(join(root, 'fin/tasks/src/t003.task.yaml')), 'another task was moved');
  });

  it('validate notices a task separated from its code file', () => {
    const root = twoProjects(2);
    rmSync(join(root, 'fin/tasks/src/t001.sql'));
    const run = nightshift('validate', root);
    assert.match(run.stderr, /t001\.task\.yaml:12: warning: code: the code file "t001\.sql" does not exist beside this task|t001\.task\.yaml:12:.*code: the code file "t001\.sql" does not exist beside this task/);
  });

  it('a code file reached through a link that leads out of the project is refused', () => {
    const root = twoProjects(1);
    const outside = victim();
    symlinkSync(join(outside, '..'), join(root, 'fin/tasks/src/linked'));
    setCode(root, 't000', 'linked/victim.txt');
    const del = nightshift('delete', root, '--tasks', 't000', '--remark', 'x', '--as', 'alice');
    assert.equal(del.code, 1);
    assert.match(del.stdout, /lies outside/);
    assert.equal(readFileSync(outside, 'utf8'), 'precious\n');
  });

  it('project --name with a path in it is refused before anything is written', () => {
    const root = twoProjects(1);
    const before = filesBelow(join(root, '..'));
    const run = nightshift('project', root, '--tasks', 't000', '--to', 'fin2', '--name', '../../../escaped', '--as', 'alice');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /new name "\.\.\/\.\.\/\.\.\/escaped": a task name cannot contain \//);
    assert.deepEqual(filesBelow(join(root, '..')), before);
    assert.deepEqual(listRecords(root), []);
  });

  it('every record path is confined, also the lock and pending-publish ones', () => {
    const root = twoProjects(1);
    assert.equal(nightshift('lock', root, '--tasks', 't000', '--as', 'alice').code, 0);
    const [name] = readdirSync(recordsDir(root));
    const file = join(recordsDir(root), name!);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    const outsideDir = mkdtempSync(join(tmpdir(), 'nightshift-locks-'));
    mkdirSync(outsideDir, { recursive: true });
    writeFileSync(join(outsideDir, 'x.lock'), 'holder: alice\n');
    record.changes[0].lock = join(outsideDir, 'x.lock');
    writeFileSync(file, JSON.stringify(record));
    const run = nightshift('revert', root, '--last', '--as', 'alice');
    assert.match(run.stdout, /not in a lock folder of this workspace; refused/);
    assert.ok(existsSync(join(outsideDir, 'x.lock')));
  });

  it('links planted in a project are not followed: a .nightshift/ leading out, a folder leading into another project', () => {
    const root = twoProjects(3);
    const outside = mkdtempSync(join(tmpdir(), 'nightshift-out-'));
    symlinkSync(outside, join(root, 'fin/.nightshift'));
    const lock = nightshift('lock', root, '--tasks', 't000', '--as', 'alice');
    assert.equal(lock.code, 1);
    assert.match(lock.stdout, /not in a lock folder of this workspace; refused/);
    assert.deepEqual(readdirSync(outside), []);
    mkdirSync(join(root, 'fin2/tasks'), { recursive: true });
    symlinkSync(join(root, 'fin2/tasks'), join(root, 'fin/tasks/tofin2'));
    symlinkSync(join(root, 'fin2/nowhere'), join(root, 'fin/tasks/dangling'));
    const dangling = nightshift('move', root, '--tasks', 't002', '--to', 'fin/dangling/x', '--as', 'alice');
    assert.match(dangling.stdout, /after: .* is not inside a project of this workspace; refused/);
    const move = nightshift('move', root, '--tasks', 't001', '--to', 'fin/tofin2/x', '--as', 'alice');
    assert.equal(move.code, 1);
    assert.match(move.stdout, /after: .* is not inside a project of this workspace; refused/);
    assert.ok(existsSync(join(root, 'fin/tasks/src/t001.task.yaml')));
  });

  it('a record cannot make revert move or create hidden or foreign files (.git/config, hooks)', () => {
    const root = twoProjects(2);
    mkdirSync(join(root, 'fin2/.git'), { recursive: true });
    writeFileSync(join(root, 'fin2/.git/config'), '[core]\n');
    assert.equal(nightshift('move', root, '--tasks', 't000', '--to', 'fin/moved', '--as', 'alice').code, 0);
    const [name] = readdirSync(recordsDir(root));
    const file = join(recordsDir(root), name!);
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.changes[0].code = { from: join(root, 'fin/tasks/src/loot.txt'), to: join(root, 'fin2/.git/config') };
    writeFileSync(file, JSON.stringify(record));
    const run = nightshift('revert', root, '--last', '--as', 'mallory');
    assert.equal(run.code, 1);
    assert.match(run.stdout, /code\.to: .*(hidden|not in its task's folder|not inside a project).*refused/);
    assert.equal(readFileSync(join(root, 'fin2/.git/config'), 'utf8'), '[core]\n');
    assert.ok(!existsSync(join(root, 'fin/tasks/src/loot.txt')));
  });
});
