import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listRecords, saveRecord } from '../../src/core/operations/batchRecords';
import { recoverBatch } from '../../src/core/operations/batchRecovery';
import { scopeOf } from '../../src/core/operations/changeScope';
import { cloneTask, createTask, SpecError } from '../../src/core/operations/createTask';
import { LockStore } from '../../src/core/operations/lockStore';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples, nightshift } from './fixtures';
import { cliBundle } from './testBundles';

const NOW = new Date('2026-11-30T08:00:00Z');

function context(root: string) {
  const index = loadWorkspace(root);
  return { index, ctx: { index, user: 'alice', now: NOW }, scope: scopeOf(index, new LockStore()) };
}

describe('Create Compute Task and Clone Task', function () {
  this.timeout(60_000);

  it('nightshift create writes the task with a fresh id and a code file beside it; validate stays clean; --json names both', () => {
    const root = copyOfSamples();
    const { code, stdout, stderr } = nightshift('create', root, '--project', 'finance_dw', '--folder', 'dwd/new', '--name', 'dwd_orders_weekly', '--type', 'SQL', '--as', 'bob', '--cycle', 'week', '--weekdays', '1,5', '--time', '03:30', '--template', 'sync_tpl:2', '--json');
    assert.equal(code, 0, stderr);
    const out = JSON.parse(stdout) as { task: string; file: string; code: string };
    assert.deepEqual(Object.keys(out), ['task', 'file', 'code']);
    assert.equal(out.file, join(root, 'finance_dw/tasks/dwd/new/dwd_orders_weekly.task.yaml'));
    assert.equal(out.code, join(root, 'finance_dw/tasks/dwd/new/dwd_orders_weekly.sql'));
    const text = readFileSync(out.file, 'utf8');
    // Clock times and the id quoted: YAML 1.1 readers would take 03:30 for a number.
    assert.match(text, /^id: "\d+"$/m);
    assert.match(text, /^ {2}time: "03:30"$/m);
    const data = parse(text);
    assert.equal(data.id, out.task);
    assert.deepEqual([data.name, data.type, data.owner, data.status, data.published, data.code], ['dwd_orders_weekly', 'SQL', 'bob', 'developing', false, 'dwd_orders_weekly.sql']);
    assert.deepEqual(data.schedule, { method: 'normal', cycle: 'week', weekdays: [1, 5], time: '03:30' });
    assert.deepEqual(data.template, { name: 'sync_tpl', version: 2 });
    assert.match(readFileSync(out.code, 'utf8'), /^-- dwd_orders_weekly\n-- type: SQL, owner: bob/);
    const index = loadWorkspace(root);
    assert.ok(!index.task(out.task) || index.task(out.task)!.file === out.file);
    assert.equal(Number(out.task), Math.max(...[...index.tasks()].filter((t) => t.data.id !== out.task).map((t) => Number(t.data.id))) + 1);
    const validate = nightshift('validate', root);
    assert.equal(validate.code, 0, validate.stdout);
    assert.match(validate.stdout, /0 errors, 0 warnings/);
    const plain = nightshift('create', root, '--project', 'finance_dw', '--name', 'sh_job', '--type', 'Shell', '--as', 'alice');
    assert.equal(plain.code, 0, plain.stderr);
    assert.match(plain.stdout, /^Created task \d+: .*sh_job\.task\.yaml\n {2}code: .*sh_job\.sh\n$/);
    assert.match(readFileSync(join(root, 'finance_dw/tasks/sh_job.sh'), 'utf8'), /^#!\/usr\/bin\/env bash\n# sh_job/);
  });

  it('bad input is named by its option (exit 2) and nothing is written; a file in the way fails it (exit 1)', () => {
    const root = copyOfSamples();
    const taken = nightshift('create', root, '--project', 'finance_dw', '--name', 'ods_log_hourly', '--type', 'Perl', '--as', 'zed', '--cycle', 'minute', '--interval', '3');
    assert.equal(taken.code, 2);
    assert.match(taken.stderr, /--name: project finance_dw already has a task named ods_log_hourly/);
    assert.match(taken.stderr, /--type: Perl is not a task type of project finance_dw \(SQL, Python, Shell\)/);
    assert.match(taken.stderr, /--owner: zed is not a user of project finance_dw/);
    assert.match(taken.stderr, /--cycle: schedule\.interval/);
    for (const name of ['../escape', 'a b', 'x.y', '']) {
      const bad = nightshift('create', root, '--project', 'finance_dw', '--name', name, '--type', 'SQL', '--as', 'alice');
      assert.equal(bad.code, 2, `${JSON.stringify(name)}: ${bad.stdout}`);
    }
    assert.equal(nightshift('create', root, '--project', 'finance_dw', '--folder', '../../out', '--name', 'n1', '--type', 'SQL', '--as', 'alice').code, 2);
    assert.equal(nightshift('create', root, '--project', 'no_such', '--name', 'n1', '--type', 'SQL', '--as', 'alice').code, 2);
    assert.ok(!existsSync(join(root, 'escape.task.yaml')) && !existsSync(join(root, '../out')));
    // Someone's own file where the code file would go: neither file is created, nor replaced.
    writeFileSync(join(root, 'finance_dw/tasks/mine.sql'), 'select 1;\n');
    const blocked = nightshift('create', root, '--project', 'finance_dw', '--name', 'mine', '--type', 'SQL', '--as', 'alice');
    assert.equal(blocked.code, 1);
    assert.match(blocked.stderr, /mine\.sql already exists; not overwritten/);
    assert.equal(readFileSync(join(root, 'finance_dw/tasks/mine.sql'), 'utf8'), 'select 1;\n');
    assert.ok(!existsSync(join(root, 'finance_dw/tasks/mine.task.yaml')));
  });

  it('creations at once, from two processes, never hand out one id twice', async () => {
    const root = copyOfSamples();
    const { spawn } = await import('node:child_process');
    const run = (name: string) =>
      new Promise<string>((done, fail) => {
        const child = spawn(process.execPath, [cliBundle(), 'create', root, '--project', 'finance_dw', '--name', name, '--type', 'SQL', '--as', 'alice', '--json'], { cwd: join(__dirname, '../..') });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.on('close', (code) => (code === 0 ? done((JSON.parse(out) as { task: string }).task) : fail(new Error(`exit ${code}`))));
      });
    const ids = await Promise.all(['race_a', 'race_b', 'race_c', 'race_d'].map(run));
    assert.equal(new Set(ids).size, 4, ids.join(', '));
    assert.equal(nightshift('validate', root).code, 0);
  });

  it('revert removes a created task and its code file, unless they changed since', () => {
    const root = copyOfSamples();
    const made = JSON.parse(nightshift('create', root, '--project', 'finance_dw', '--name', 'tmp_a', '--type', 'SQL', '--as', 'alice', '--json').stdout) as { file: string; code: string };
    assert.equal(nightshift('revert', root, '--last', '--as', 'alice').code, 0);
    assert.ok(!existsSync(made.file) && !existsSync(made.code));
    const again = JSON.parse(nightshift('create', root, '--project', 'finance_dw', '--name', 'tmp_a', '--type', 'SQL', '--as', 'alice', '--json').stdout) as { file: string; code: string };
    writeFileSync(again.code, 'select 42; -- my work\n');
    assert.equal(nightshift('revert', root, '--last', '--as', 'alice').code, 1);
    assert.equal(readFileSync(again.code, 'utf8'), 'select 42; -- my work\n');
    assert.ok(existsSync(again.file));
  });

  it('an interrupted creation (intent recorded, files not yet made) is finished or reverted by recover', () => {
    const root = copyOfSamples();
    const { ctx, scope } = context(root);
    const created = createTask({ projectDir: join(root, 'finance_dw'), folder: 'ods', name: 'half_made', type: 'Python', owner: 'alice' }, ctx, root, scope);
    const record = listRecords(root).find((r) => r.id === created.record.id)!;
    // As if killed after the intent: the files gone, the record an intent again.
    rmSync(created.task!.file);
    rmSync(created.task!.code);
    const intent = { ...record, state: 'intent' as const };
    saveRecord(root, intent);
    const finished = recoverBatch(intent, 'finish', 'alice', root, scope);
    assert.deepEqual(finished.results.map((r) => r.status), ['succeeded']);
    assert.match(readFileSync(created.task!.file, 'utf8'), /name: half_made/);
    assert.ok(existsSync(created.task!.code));
  });

  it('Clone Task copies a task under a new name and id, developing, with its code, keeping its dependencies or not', () => {
    const root = copyOfSamples();
    const { index, ctx, scope } = context(root);
    const source = [...index.tasks()].find((t) => t.data.dependencies.length > 0 && t.data.code && t.data.status === 'submitted')!;
    const kept = cloneTask(source, { name: `${source.data.name}_copy`, keepDependencies: true }, ctx, root, scope);
    assert.ok(kept.task, JSON.stringify(kept.record.results));
    const data = parse(readFileSync(kept.task.file, 'utf8'));
    assert.notEqual(data.id, source.data.id);
    assert.equal(data.name, `${source.data.name}_copy`);
    assert.equal(data.status, 'developing');
    assert.equal(data.published, false);
    assert.deepEqual(data.dependencies.map((d: { task: string }) => d.task), source.data.dependencies.map((d) => d.task));
    assert.equal(readFileSync(kept.task.code, 'utf8'), readFileSync(join(source.file, '..', source.data.code!), 'utf8'));
    const { ctx: ctx2, scope: scope2 } = context(root);
    const bare = cloneTask(source, { name: `${source.data.name}_bare`, keepDependencies: false }, ctx2, root, scope2);
    assert.deepEqual(parse(readFileSync(bare.task!.file, 'utf8')).dependencies, []);
    assert.throws(() => cloneTask(source, { name: source.data.name, keepDependencies: true }, context(root).ctx, root, scope2), (e: unknown) => e instanceof SpecError && /already has a task named/.test(e.message));
    assert.equal(nightshift('validate', root).code, 0);
  });
});
