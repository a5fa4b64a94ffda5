import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listRecords } from '../../src/core/operations/batchRecords';
import { runBatch } from '../../src/core/operations/batchRunner';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { scopeOf } from '../../src/core/operations/changeScope';
import { commonDependencies, configureDependenciesOperation } from '../../src/core/operations/dependencyOperation';
import { folderNameProblem, folderPathProblem } from '../../src/core/operations/folderNames';
import { moveTasksOperation } from '../../src/core/operations/moveOperation';
import { readPending } from '../../src/core/operations/pendingList';
import { modifyProjectOwnershipOperation } from '../../src/core/operations/projectOwnershipOperation';
import { publishPending } from '../../src/core/operations/publishPending';
import { deleteTaskOperation, unpublishAndDeleteOperation, unpublishOperation } from '../../src/core/operations/publishOperations';
import { configureScheduleOperation } from '../../src/core/operations/scheduleOperation';
import {
  acquireLockOperation,
  changeOwnerOperation,
  configureParametersOperation,
  configureRunOperation,
  modifyTagsOperation,
  modifyTemplateVersionOperation,
} from '../../src/core/operations/fieldOperations';
import { BASIC_PROJECT, statuses, taskYaml, workspace } from './operationFixtures';

const DEV_PROD = BASIC_PROJECT.replace('project: fin', 'project: mkt').replace('mode: basic', 'mode: dev-prod');

function twoTasks(extra: Record<string, string> = {}) {
  return workspace({
    'fin/nightshift.yaml': BASIC_PROJECT,
    'fin/tasks/ods/a.task.yaml': taskYaml('1', 'a'),
    'fin/tasks/ods/b.task.yaml': taskYaml('2', 'b', 'dependencies:\n  - task: "1"\n'),
    ...extra,
  });
}

describe('task operations', () => {
  describe('Acquire Lock', () => {
    it('acquires the edit lock; another user is then skipped with the holder\'s name', async () => {
      const ws = twoTasks();
      assert.deepEqual(statuses((await ws.run(acquireLockOperation(), ['1']))), ['1:succeeded:acquire the edit lock']);
      assert.match(ws.read('fin/.nightshift/locks/1.lock'), /holder: alice/);
      assert.match(statuses((await ws.run(acquireLockOperation(), ['1'], 'bob')))[0]!, /^1:skipped:locked by alice since /);
      assert.deepEqual(statuses((await ws.run(acquireLockOperation(), ['1']))), ['1:skipped:you already hold the edit lock']);
    });

    it('a task locked by someone else cannot be changed by any operation of another user', async () => {
      const ws = twoTasks();
      (await ws.run(acquireLockOperation(), ['1'], 'bob'));
      const before = ws.read('fin/tasks/ods/a.task.yaml');
      for (const op of [changeOwnerOperation('carol'), modifyTagsOperation('append', ['x']), configureRunOperation({ timeoutMinutes: 5 })]) {
        assert.match(statuses((await ws.run(op, ['1'])))[0]!, /^1:skipped:locked by bob/);
      }
      assert.equal(ws.read('fin/tasks/ods/a.task.yaml'), before);
      assert.deepEqual(statuses((await ws.run(changeOwnerOperation('carol'), ['1'], 'bob'))).map((s) => s.split(':')[1]), ['succeeded']);
    });
  });

  describe('Change Development Owner', () => {
    it('changes the owner to a user of the project, keeping comments and unknown fields', async () => {
      const ws = twoTasks();
      assert.deepEqual(statuses((await ws.run(changeOwnerOperation('bob'), ['1', '2']))), ['1:succeeded:owner alice → bob', '2:succeeded:owner alice → bob']);
      const text = ws.read('fin/tasks/ods/a.task.yaml');
      assert.match(text, /^# a: keep this comment\n/);
      assert.match(text, /\nowner: bob\n/);
      assert.match(text, /x-team: data # ours, not Nightshift's/);
      assert.match(text, /bizdate: \$\{bdp\.system\.bizdate\}/);
    });

    it('refuses a user who is not in the project', async () => {
      const ws = twoTasks();
      assert.match(statuses((await ws.run(changeOwnerOperation('mallory'), ['1'])))[0]!, /^1:failed:mallory is not a user of project fin/);
    });
  });

  describe('Batch Modify Tags', () => {
    it('Replace clears the existing tags and applies the new ones; Append keeps them and adds', async () => {
      const ws = twoTasks();
      (await ws.run(modifyTagsOperation('append', ['b', 'a']), ['1']));
      assert.match(ws.read('fin/tasks/ods/a.task.yaml'), /tags: \[a, b\]/);
      (await ws.run(modifyTagsOperation('replace', ['z']), ['1']));
      assert.match(ws.read('fin/tasks/ods/a.task.yaml'), /tags: \[z\]/);
    });
  });

  describe('Batch Move', () => {
    it('moves tasks and their code files to another folder, creating it', async () => {
      const ws = twoTasks({ 'fin/tasks/ods/a.sql': 'select 1;', 'fin/tasks/ods/a.task.yaml': taskYaml('1', 'a', 'code: a.sql\n') });
      const project = ws.index().projects()[0]!;
      assert.deepEqual(statuses((await ws.run(moveTasksOperation(project.dir, 'dwd/new'), ['1']))), ['1:succeeded:/ods → /dwd/new']);
      assert.ok(existsSync(join(ws.root, 'fin/tasks/dwd/new/a.task.yaml')));
      assert.ok(existsSync(join(ws.root, 'fin/tasks/dwd/new/a.sql')));
      assert.ok(!existsSync(join(ws.root, 'fin/tasks/ods/a.task.yaml')));
      assert.equal(ws.index().task('1')!.folder, 'dwd/new');
    });

    it('folder names: at most 256 characters, none of | / \\ : ? < > * ", no "..", no empty segment', async () => {
      for (const ch of ['|', '\\', ':', '?', '<', '>', '*', '"']) assert.match(folderNameProblem(`a${ch}b`)!, /cannot contain/, ch);
      assert.match(folderNameProblem('x'.repeat(257))!, /at most 256 characters/);
      assert.equal(folderNameProblem('x'.repeat(256)), undefined);
      assert.match(folderPathProblem('a/../b')!, /"\.\." is not a folder name/);
      assert.match(folderPathProblem('a//b')!, /cannot be empty/);
      assert.equal(folderPathProblem('ods/orders'), undefined);
      assert.throws(() => moveTasksOperation('/x', 'bad:name'), /cannot contain :/);
    });
  });

  describe('Batch Scheduling Configuration', () => {
    it('applies only to auto triggered tasks and overwrites their basic scheduling', async () => {
      const ws = twoTasks({ 'fin/tasks/c.task.yaml': taskYaml('3', 'c').replace('  cycle: day\n  time: "01:00"\n', '  method: one-time\n') });
      const r = (await ws.run(configureScheduleOperation({ basic: { method: 'normal', cycle: 'hour', interval: 2 } }), ['1', '3']));
      assert.deepEqual(statuses(r), ['1:succeeded:schedule normal day → normal hour', '3:skipped:a one-time task is not auto-triggered']);
      const text = ws.read('fin/tasks/ods/a.task.yaml');
      assert.match(text, /cycle: hour/);
      assert.match(text, /interval: 2/);
      assert.doesNotMatch(text, /time: "01:00"/);
    });

    it('changing the schedule type to dry-run or pause disables conditional scheduling', async () => {
      const ws = twoTasks({ 'fin/tasks/ods/a.task.yaml': taskYaml('1', 'a').replace('  time: "01:00"\n', '  time: "01:00"\n  conditional: {enabled: true}\n') });
      const r = (await ws.run(configureScheduleOperation({ basic: { method: 'paused', cycle: 'day', time: '02:00' } }), ['1']));
      assert.match(statuses(r)[0]!, /conditional scheduling disabled \(paused\)/);
      assert.match(ws.read('fin/tasks/ods/a.task.yaml'), /conditional: \{enabled: false\}/);
    });

    it('conditional scheduling applies only to normal scheduling; its start time only to day, week and month cycles', async () => {
      const ws = twoTasks();
      assert.match(statuses((await ws.run(configureScheduleOperation({ basic: { method: 'dry-run', cycle: 'day' }, conditional: { enabled: true } }), ['1'])))[0]!, /failed:conditional scheduling applies only to normal scheduling/);
      assert.match(statuses((await ws.run(configureScheduleOperation({ basic: { method: 'normal', cycle: 'hour', interval: 1 }, conditional: { enabled: true, startTime: '01:00' } }), ['1'])))[0]!, /failed:a conditional start time applies only to day, week and month cycles/);
      assert.match(statuses((await ws.run(configureScheduleOperation({ conditional: { enabled: true, startTime: '01:00' } }), ['1'])))[0]!, /succeeded:conditional off → on/);
    });

    it('refuses a schedule that could never run', async () => {
      const ws = twoTasks();
      assert.match(statuses((await ws.run(configureScheduleOperation({ basic: { cycle: 'minute', interval: 3 } }), ['1'])))[0]!, /failed:the resulting schedule is impossible: schedule\.interval/);
    });
  });

  describe('Batch Dependency Configuration', () => {
    it('shows only upstream dependencies common to the selected tasks (same upstream, same settings)', async () => {
      const ws = workspace({
        'fin/nightshift.yaml': BASIC_PROJECT,
        'fin/tasks/u.task.yaml': taskYaml('9', 'u'),
        'fin/tasks/v.task.yaml': taskYaml('8', 'v'),
        'fin/tasks/a.task.yaml': taskYaml('1', 'a', 'dependencies:\n  - task: "9"\n  - task: "8"\n'),
        'fin/tasks/b.task.yaml': taskYaml('2', 'b', 'dependencies:\n  - task: "9"\n  - task: "8"\n    cycle: previous\n'),
      });
      assert.deepEqual(commonDependencies(ws.tasks(['1', '2'])), [{ task: '9', cycle: 'same' }]);
      const refused = (await ws.run((t) => configureDependenciesOperation({ remove: ['8'] }, t), ['1', '2']));
      assert.ok(refused.results.every((r) => r.status === 'failed' && /not an upstream dependency common/.test(r.reason)));
      const r = (await ws.run((t) => configureDependenciesOperation({ edit: [{ task: '9', cycle: 'previous' }] }, t), ['1', '2']));
      assert.deepEqual(r.results.map((x) => x.status), ['succeeded', 'succeeded']);
      assert.match(ws.read('fin/tasks/a.task.yaml'), /- task: "9"\n {4}cycle: previous/);
    });

    it('adds to every selected task and refuses a change that would create a dependency cycle', async () => {
      const ws = twoTasks({ 'fin/tasks/c.task.yaml': taskYaml('3', 'c', 'dependencies:\n  - task: "2"\n') });
      const r = (await ws.run((t) => configureDependenciesOperation({ add: [{ task: '3', cycle: 'same' }] }, t), ['1']));
      assert.deepEqual(statuses(r), ['1:failed:depending on 3 would close a dependency cycle: 1 → 3 → 2 → 1']);
      const ok = (await ws.run((t) => configureDependenciesOperation({ add: [{ task: '1', cycle: 'previous' }] }, t), ['3']));
      assert.equal(ok.results[0]!.status, 'succeeded');
    });
  });

  describe('Batch Parameter Configuration', () => {
    it('sets name=value on the tasks that have the parameter and skips the others', async () => {
      const ws = twoTasks({ 'fin/tasks/c.task.yaml': taskYaml('3', 'c').replace('parameters:\n  bizdate: ${bdp.system.bizdate}\n', '') });
      const r = (await ws.run(configureParametersOperation({ bizdate: '$[yyyymmdd-1]' }), ['1', '3']));
      assert.deepEqual(statuses(r), ['1:succeeded:bizdate=$[yyyymmdd-1]', '3:skipped:the task has no parameter bizdate']);
      // Checked against each task's project (its scheduler's syntax): refused per task, with the reason.
      const bad = await ws.run(configureParametersOperation({ bizdate: '$[yyyy-1]' }), ['1']);
      assert.equal(bad.results[0]!.status, 'failed');
      assert.match(bad.results[0]!.reason, /needs add_months/);
    });
  });

  describe('Batch Run Configuration', () => {
    it('overwrites timeout and auto-rerun', async () => {
      const ws = twoTasks();
      (await ws.run(configureRunOperation({ timeoutMinutes: 90, autoRerun: { times: 3, intervalMinutes: 2 } }), ['1']));
      assert.match(ws.read('fin/tasks/ods/a.task.yaml'), /run:\n {2}timeoutMinutes: 90\n {2}autoRerun:\n {4}times: 3\n {4}intervalMinutes: 2/);
      assert.throws(() => configureRunOperation({ autoRerun: { times: 3, intervalMinutes: 31 } }), /1 to 30 minutes/);
    });
  });

  describe('Modify Referenced Template Version', () => {
    it('batch only when all selected tasks use the same computing template; to a version that exists; takes effect after submit and publish', async () => {
      const ws = twoTasks({
        'fin/tasks/ods/a.task.yaml': taskYaml('1', 'a', 'template: {name: sync_tpl, version: 1}\n').replace('status: developing', 'status: submitted'),
      });
      assert.ok((await ws.run(modifyTemplateVersionOperation(2), ['1', '2'])).results.every((r) => r.status === 'failed' && /must reference a computing template/.test(r.reason)));
      assert.match(statuses((await ws.run(modifyTemplateVersionOperation(9), ['1'])))[0]!, /failed:template sync_tpl has no version 9/);
      assert.match(statuses((await ws.run(modifyTemplateVersionOperation(3), ['1'])))[0]!, /succeeded:template sync_tpl v1 → v3; takes effect after submit and publish/);
      const text = ws.read('fin/tasks/ods/a.task.yaml');
      assert.match(text, /template: \{name: sync_tpl, version: 3\}/);
      assert.match(text, /status: developing/);
    });

    it('tasks of two projects referencing templates of one name are refused with that reason, not "not the same template"', async () => {
      const ws = workspace({
        'fin/nightshift.yaml': BASIC_PROJECT,
        'fin/tasks/a.task.yaml': taskYaml('1', 'a', 'template: {name: sync_tpl, version: 1}\n'),
        'fin2/nightshift.yaml': BASIC_PROJECT.replace('project: fin', 'project: fin2'),
        'fin2/tasks/b.task.yaml': taskYaml('2', 'b', 'template: {name: sync_tpl, version: 1}\n'),
      });
      const record = await ws.run(modifyTemplateVersionOperation(2), ['1', '2']);
      assert.ok(record.results.every((r) => r.status === 'failed' && /reference template sync_tpl of 2 different projects, each its own template; change each project's tasks separately/.test(r.reason)), JSON.stringify(record.results));
    });
  });

  describe('Unpublish', () => {
    it('a remark is up to 128 characters', async () => {
      assert.throws(() => unpublishOperation('x'.repeat(129), []), /at most 128 characters/);
      unpublishOperation('x'.repeat(128), []);
    });

    it('does not take effect for a task with downstream dependent nodes (named); goes to the pending publish list otherwise', async () => {
      const ws = twoTasks();
      const r = (await ws.run((t) => unpublishOperation('retire', t), ['1']));
      assert.deepEqual(statuses(r), ['1:failed:cannot unpublish: downstream tasks depend on it: b (2)']);
      const ok = (await ws.run((t) => unpublishOperation('retire', t), ['2']));
      assert.equal(ok.results[0]!.status, 'succeeded');
      const project = ws.index().projects()[0]!;
      assert.deepEqual(readPending(project.dir).map((e) => [e.task, e.action, e.remark]), [['2', 'unpublish', 'retire']]);
      (await publishPending(project.dir, { index: ws.index(), user: 'alice', now: new Date() }, { root: ws.root, locks: ws.locks }));
      assert.match(ws.read('fin/tasks/ods/b.task.yaml'), /published: false/);
      assert.deepEqual(readPending(project.dir), []);
    });
  });

  describe('Unpublish and Delete', () => {
    it('in a dev-prod project, published development objects cannot be deleted without allowDeletePublishedInDev', async () => {
      const ws = workspace({ 'mkt/nightshift.yaml': DEV_PROD, 'mkt/tasks/a.task.yaml': taskYaml('1', 'a') });
      assert.match(statuses((await ws.run((t) => unpublishAndDeleteOperation('', t), ['1'])))[0]!, /failed:project mkt is dev-prod and does not allow deleting published development objects/);
      const allowed = workspace({ 'mkt/nightshift.yaml': `${DEV_PROD}settings:\n  allowDeletePublishedInDev: true\n`, 'mkt/tasks/a.task.yaml': taskYaml('1', 'a') });
      assert.equal((await allowed.run((t) => unpublishAndDeleteOperation('', t), ['1'])).results[0]!.status, 'succeeded');
    });

    it('is pending until published; publishing deletes the task', async () => {
      const ws = twoTasks();
      (await ws.run((t) => unpublishAndDeleteOperation('gone', t), ['2']));
      assert.ok(existsSync(join(ws.root, 'fin/tasks/ods/b.task.yaml')));
      const project = ws.index().projects()[0]!;
      (await publishPending(project.dir, { index: ws.index(), user: 'alice', now: new Date() }, { root: ws.root, locks: ws.locks }));
      assert.ok(!existsSync(join(ws.root, 'fin/tasks/ods/b.task.yaml')));
    });
  });

  describe('Delete', () => {
    it('deletes only tasks in Draft status, with a remark', async () => {
      const ws = twoTasks({ 'fin/tasks/d.task.yaml': taskYaml('4', 'd').replace('status: developing', 'status: draft').replace('published: true', 'published: false') });
      assert.throws(() => deleteTaskOperation(' ', []), /a remark is required/);
      const r = (await ws.run((t) => deleteTaskOperation('tidy', t), ['2', '4']));
      assert.deepEqual(statuses(r), ['2:failed:only tasks in draft status can be deleted (this one is developing)', '4:succeeded:delete']);
      assert.ok(!existsSync(join(ws.root, 'fin/tasks/d.task.yaml')));
    });

    it('reverting the deletion of a published draft restores the file and withdraws its pending entry', async () => {
      const ws = workspace({
        'mkt/nightshift.yaml': `${DEV_PROD}settings:\n  allowDeletePublishedInDev: true\n`,
        'mkt/tasks/a.task.yaml': taskYaml('1', 'a').replace('status: developing', 'status: draft'),
      });
      const before = ws.read('mkt/tasks/a.task.yaml');
      const projectDir = ws.index().projects()[0]!.dir;
      const record = (await ws.run((t) => deleteTaskOperation('tidy', t), ['1']));
      assert.deepEqual(statuses(record), ['1:succeeded:delete; production object pending publish']);
      assert.deepEqual(readPending(projectDir).map((e) => [e.task, e.action]), [['1', 'delete']]);
      assert.deepEqual(revertBatch(record, 'alice', ws.root, scopeOf(ws.index(), {})).results.map((r) => `${r.status}:${r.reason}`), ['succeeded:restored']);
      assert.equal(ws.read('mkt/tasks/a.task.yaml'), before);
      assert.deepEqual(readPending(projectDir), []);
    });

    it('a draft with a production object in a dev-prod project needs allowDeletePublishedInDev', async () => {
      const ws = workspace({ 'mkt/nightshift.yaml': DEV_PROD, 'mkt/tasks/a.task.yaml': taskYaml('1', 'a').replace('status: developing', 'status: draft') });
      assert.match(statuses((await ws.run((t) => deleteTaskOperation('x', t), ['1'])))[0]!, /failed:the task has a production object/);
    });
  });

  describe('Modify Project Ownership', () => {
    const other = (mode: string, engine = 'maxcompute') =>
      `project: other\nmode: ${mode}\nengine: ${engine}\nusers: [alice]\ntemplates:\n  - {name: other_tpl, taskType: SQL, versions: [1]}\n`;

    it('to a project with the same mode and engine; id, code and dependencies stay', async () => {
      const ws = twoTasks({ 'other/nightshift.yaml': other('basic'), 'fin/tasks/ods/b.sql': 'select 2;', 'fin/tasks/ods/b.task.yaml': taskYaml('2', 'b', 'code: b.sql\ndependencies:\n  - task: "1"\n') });
      const target = ws.index().projects().find((p) => p.config.project === 'other')!;
      const r = (await ws.run(modifyProjectOwnershipOperation({ projectDir: target.dir, folder: 'moved' }), ['2']));
      assert.deepEqual(statuses(r), ['2:succeeded:fin/ods → other/moved']);
      const moved = ws.index().task('2')!;
      assert.equal(moved.projectDir, target.dir);
      assert.deepEqual(moved.data.dependencies.map((d) => d.task), ['1']);
      assert.ok(existsSync(join(ws.root, 'other/tasks/moved/b.sql')));
    });

    it('refuses a different mode or engine, a taken name, and a template reference without a target template', async () => {
      const mode = twoTasks({ 'other/nightshift.yaml': other('dev-prod') });
      assert.match(statuses((await mode.run(modifyProjectOwnershipOperation({ projectDir: join(mode.root, 'other') }), ['2'])))[0]!, /the modes must match/);
      const engine = twoTasks({ 'other/nightshift.yaml': other('basic', 'hive') });
      assert.match(statuses((await engine.run(modifyProjectOwnershipOperation({ projectDir: join(engine.root, 'other') }), ['2'])))[0]!, /the engines must match/);
      const taken = twoTasks({ 'other/nightshift.yaml': other('basic'), 'other/tasks/b.task.yaml': taskYaml('7', 'b') });
      assert.match(statuses((await taken.run(modifyProjectOwnershipOperation({ projectDir: join(taken.root, 'other') }), ['2'])))[0]!, /already has a task named b; give a new name/);
      assert.equal((await taken.run(modifyProjectOwnershipOperation({ projectDir: join(taken.root, 'other'), name: 'b2' }), ['2'])).results[0]!.status, 'succeeded');
      const tpl = twoTasks({ 'other/nightshift.yaml': other('basic'), 'fin/tasks/ods/a.task.yaml': taskYaml('1', 'a', 'template: {name: sync_tpl, version: 1}\n') });
      assert.match(statuses((await tpl.run(modifyProjectOwnershipOperation({ projectDir: join(tpl.root, 'other') }), ['1'])))[0]!, /choose a SQL computing template of project other/);
      assert.equal((await tpl.run(modifyProjectOwnershipOperation({ projectDir: join(tpl.root, 'other'), template: { name: 'other_tpl', version: 1 } }), ['1'])).results[0]!.status, 'succeeded');
    });
  });

  describe('behaviour every operation shares', () => {
    it('a file changed on disk since it was read is not overwritten (reported as failed)', async () => {
      const ws = twoTasks();
      const index = ws.index();
      writeFileSync(join(ws.root, 'fin/tasks/ods/a.task.yaml'), `${taskYaml('1', 'a')}# edited meanwhile\n`);
      const r = (await runBatch(changeOwnerOperation('bob'), [index.task('1')!], { index, user: 'alice', now: new Date() }, { root: ws.root, locks: ws.locks }));
      assert.deepEqual(statuses(r), ['1:failed:the file changed on disk since it was read; not overwritten']);
      assert.match(ws.read('fin/tasks/ods/a.task.yaml'), /# edited meanwhile/);
    });

    it('every batch is recorded (submit and other operations apart) and can be reverted', async () => {
      const ws = twoTasks();
      const before = ws.read('fin/tasks/ods/a.task.yaml');
      const record = (await ws.run(modifyTagsOperation('replace', ['q']), ['1', '2']));
      (await ws.run((t) => unpublishOperation('r', t), ['2']));
      assert.deepEqual(listRecords(ws.root, 'other').map((r) => r.operation), ['modify-tags']);
      assert.deepEqual(listRecords(ws.root, 'submit').map((r) => r.operation), ['unpublish']);
      const revert = revertBatch(record, 'alice', ws.root, scopeOf(ws.index(), {}));
      assert.deepEqual(revert.results.map((r) => r.status), ['succeeded', 'succeeded']);
      assert.equal(ws.read('fin/tasks/ods/a.task.yaml'), before);
    });

    it('a revert leaves alone a file changed since the batch; records that kept the new text still revert', async () => {
      const ws = twoTasks();
      const beforeA = ws.read('fin/tasks/ods/a.task.yaml');
      const record = (await ws.run(modifyTagsOperation('replace', ['q']), ['1', '2']));
      assert.ok(record.changes.every((c) => /^[0-9a-f]{64}$/.test(c.afterHash ?? '') && c.afterText === undefined));
      writeFileSync(join(ws.root, 'fin/tasks/ods/b.task.yaml'), `${ws.read('fin/tasks/ods/b.task.yaml')}# edited after the batch\n`);
      // The format before afterHash: the new text itself.
      const older = { ...record, changes: record.changes.map(({ afterHash: _h, ...c }) => ({ ...c, afterText: readFileSync(c.after!, 'utf8') })) };
      older.changes[1]!.afterText = 'not what the file holds';
      assert.deepEqual(revertBatch(older, 'alice', ws.root, scopeOf(ws.index(), {})).results.map((r) => `${r.task}:${r.status}`), ['1:succeeded', '2:failed']);
      assert.equal(ws.read('fin/tasks/ods/a.task.yaml'), beforeA);
      const again = (await ws.run(modifyTagsOperation('replace', ['z']), ['1', '2']));
      writeFileSync(join(ws.root, 'fin/tasks/ods/b.task.yaml'), `${ws.read('fin/tasks/ods/b.task.yaml')}# edited after the batch\n`);
      const revert = revertBatch(again, 'alice', ws.root, scopeOf(ws.index(), {}));
      assert.deepEqual(revert.results.map((r) => `${r.task}:${r.status}:${r.reason}`), ['1:succeeded:reverted', '2:failed:the file changed since the batch; not reverted']);
      assert.match(ws.read('fin/tasks/ods/b.task.yaml'), /# edited after the batch/);
    });

    it('cancellation reports the tasks not reached as skipped', async () => {
      const ws = twoTasks();
      const index = ws.index();
      let calls = 0;
      const r = (await runBatch(modifyTagsOperation('append', ['c']), [index.task('1')!, index.task('2')!], { index, user: 'alice', now: new Date() }, { root: ws.root, locks: ws.locks, isCancelled: () => calls++ > 0 }));
      assert.deepEqual(r.results.map((x) => x.status), ['succeeded', 'skipped']);
      assert.equal(r.cancelled, true);
    });
  });
});
