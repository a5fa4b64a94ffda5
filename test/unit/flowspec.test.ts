import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFlowSpec } from '../../src/core/interchange/flowspecImport';
import { InterchangeReport } from '../../src/core/interchange/interchangeReport';
import { cronToSchedule, scheduleToCron } from '../../src/core/interchange/quartzCron';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples, nightshift } from './fixtures';

/** A workspace of the samples' two projects with no tasks, to import into. */
function emptyCopy(): string {
  const root = copyOfSamples();
  for (const p of ['finance_dw', 'marketing_dw']) {
    rmSync(join(root, p, 'tasks'), { recursive: true, force: true });
    rmSync(join(root, p, '.nightshift'), { recursive: true, force: true });
  }
  return root;
}

function previewKeys(root: string): string[] {
  const out = nightshift('preview', root, '--date', '2017-01-11', '--json');
  assert.equal(out.code, 0, out.stderr);
  return (JSON.parse(out.stdout) as { instances: { id: string; kind: string; upstream: string[]; params: Record<string, string> }[] }).instances.map((i) => `${i.id} ${i.kind} ${i.upstream.join(',')} ${JSON.stringify(i.params)}`).sort();
}

describe('DataWorks FlowSpec: export and import', function () {
  this.timeout(120_000);

  it('the cron of every cycle, and back', () => {
    const cases = [
      [{ cycle: 'day', time: '02:30' }, '00 30 02 * * ?'],
      [{ cycle: 'hour', start: '00:00', end: '23:59', interval: 1 }, '00 00 00-23/1 * * ?'],
      [{ cycle: 'hour', start: '06:15', end: '18:15', interval: 2 }, '00 15 06-18/2 * * ?'],
      [{ cycle: 'minute', start: '00:00', end: '23:59', interval: 30 }, '00 00/30 00-23 * * ?'],
      [{ cycle: 'week', time: '01:00', weekdays: [1, 5] }, '00 00 01 ? * MON,FRI'],
      [{ cycle: 'month', time: '03:00', days: [1, 'L'] }, '00 00 03 1,L * ?'],
      [{ cycle: 'year', time: '04:00', days: [1], months: [1, 7] }, '00 00 04 1 1,7 ?'],
    ] as const;
    for (const [schedule, cron] of cases) {
      assert.equal(scheduleToCron(schedule as never).cron, cron);
      assert.deepEqual(cronToSchedule(cron), { schedule });
    }
    // DataWorks' own forms, Quartz weekday numbers (1 = Sunday) and a 7th year field.
    assert.deepEqual(cronToSchedule('00 */30 00-23 * * ?'), { schedule: { cycle: 'minute', interval: 30, start: '00:00', end: '23:59' } });
    assert.deepEqual(cronToSchedule('00 00 02 ? * 2,6'), { schedule: { cycle: 'week', time: '02:00', weekdays: [1, 5] } });
    assert.deepEqual(cronToSchedule('0 0 6 * * ? *'), { schedule: { cycle: 'day', time: '06:00' } });
    assert.match((cronToSchedule('00 00 00 * 3 ?') as { error: string }).error, /months without days/);
    assert.match(scheduleToCron({ cycle: 'minute', start: '09:00', end: '17:00', interval: 5 }).notes[0]!, /other times of day/);
  });

  for (const version of ['1.2', '1.1']) {
    it(`a round trip of the samples through FlowSpec ${version} gives the same tasks and the same preview of 2017-01-11`, () => {
      const out = mkdtempSync(join(tmpdir(), 'nightshift-flowspec-'));
      const exported = nightshift('export', join(__dirname, '../../samples/warehouse'), '--format', 'flowspec', '--flowspec-version', version, '--out', out, '--json');
      assert.equal(exported.code, 0, exported.stderr);
      const summary = JSON.parse(exported.stdout) as { files: string[]; report: { task: string; notes: string[] }[] };
      assert.equal(summary.files.length, 2);
      const root = emptyCopy();
      for (const project of ['finance_dw', 'marketing_dw']) {
        const imported = nightshift('import', join(out, `${project}.flowspec.json`), '--to', root, '--project', project, '--as', 'alice');
        assert.equal(imported.code, 0, imported.stdout + imported.stderr);
      }
      assert.equal(nightshift('validate', root).code, 0);
      assert.deepEqual(previewKeys(root), previewKeys(join(__dirname, '../../samples/warehouse')));
      // Field by field, the lifecycle and file-keeping fields aside.
      const before = loadWorkspace(join(__dirname, '../../samples/warehouse'));
      const after = loadWorkspace(root);
      for (const task of before.tasks()) {
        const other = after.task(task.data.id);
        assert.ok(other, `${task.data.id} came back`);
        // A window's defaults (00:00 to 23:59) mean the same written or not.
        const strip = ({ createdAt: _c, updatedAt: _u, lastSubmission: _l, code: _code, ...rest }: Record<string, unknown>) => {
          const schedule = rest.schedule as Record<string, unknown>;
          return schedule.cycle === 'minute' || schedule.cycle === 'hour' ? { ...rest, schedule: { start: '00:00', end: '23:59', ...schedule } } : rest;
        };
        assert.deepEqual(strip(other!.data as never), strip(task.data as never), task.data.name);
        assert.equal(other!.folder, task.folder, task.data.name);
      }
    });
  }

  it('imports the YAML form with {{…}} references and every dependency type, field by field', () => {
    const yaml = `version: 1.1.0
kind: CycleWorkflow
spec:
  variables:
    - {id: bizdate, name: bizdate, scope: NodeParameter, type: System, value: "\${yyyymmdd}"}
    - {id: hour, name: hour, scope: NodeParameter, type: System, value: "$[hh24]"}
  scripts:
    - id: s1
      path: /etl/ods/load_orders.sql
      language: odps-sql
      runtime: {engine: MaxCompute, command: ODPS_SQL}
      content: "select 1;"
      parameters: ["{{variables.bizdate}}", "{{variables.hour}}"]
    - id: s2
      path: /etl/dws/sum.py
      language: python3
      runtime: {engine: MaxCompute, command: PY_ODPS3}
  triggers:
    - {id: hourly, type: Scheduler, cron: "00 00 00-23/1 * * ?", startTime: "2024-01-01 00:00:00", endTime: "9999-01-01 00:00:00"}
    - {id: daily, type: Scheduler, cron: "00 30 02 * * ?"}
  nodes:
    - id: external
      reference: {output: other.table}
    - {id: "9001", name: load_orders, script: "{{scripts.s1}}", trigger: "{{triggers.hourly}}", recurrence: Normal, rerunTimes: 2, rerunInterval: 120000, timeout: 2, owner: alice}
    - {id: "9002", name: sum_daily, script: "{{scripts.s2}}", trigger: "{{triggers.daily}}", recurrence: Skip}
  flow:
    - nodeId: "{{9001}}"
      depends:
        - {type: CrossCycleDependsOnSelf}
    - nodeId: "9002"
      depends:
        - {nodeId: "9001", type: Normal}
        - {nodeId: "9001", type: CrossCycleDependsOnOtherNode}
        - {type: CrossCycleDependsOnChildren}
        - {nodeId: external}
`;
    const report = new InterchangeReport();
    const tasks = importFlowSpec('flow.yaml', yaml, () => false, report);
    assert.deepEqual(tasks.map((t) => t.data.id), ['9001', '9002']);
    const [load, sum] = tasks;
    assert.equal(load!.data.type, 'SQL');
    assert.equal(load!.folder, 'etl/ods');
    assert.equal(load!.code, 'select 1;');
    assert.deepEqual(load!.data.parameters, { bizdate: '${yyyymmdd}', hour: '$[hh24]' });
    assert.deepEqual(load!.data.schedule, { method: 'normal', cycle: 'hour', interval: 1, start: '00:00', end: '23:59', crossCycle: 'self', effective: { from: '2024-01-01' } });
    assert.deepEqual(load!.data.run, { timeoutMinutes: 120, autoRerun: { times: 2, intervalMinutes: 2 } });
    assert.equal(sum!.data.type, 'Python');
    assert.equal(sum!.data.schedule!.method, 'dry-run');
    assert.equal(sum!.data.schedule!.crossCycle, 'children');
    assert.deepEqual(sum!.data.dependencies, [{ task: '9001', cycle: 'same' }, { task: '9001', cycle: 'previous' }]);
    assert.match(report.lines().join('\n'), /9002 sum_daily: depends on external .*neither in the file nor in the workspace: left out/);
  });

  it('imports the JSON 1.2 shape, dependencies by output', () => {
    const json = JSON.stringify({
      version: '1.2.0',
      kind: 'CycleWorkflow',
      spec: {
        workflows: [
          {
            nodes: [
              { id: '7001', name: 'up', script: { language: 'odps-sql', runtime: { command: 'ODPS_SQL' }, content: 'select 1' }, trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' }, outputs: { nodeOutputs: [{ data: 'proj.up_out' }] } },
              { id: '7002', name: 'down', script: { language: 'shell-script', runtime: { command: 'DIDE_SHELL' } }, trigger: { type: 'Scheduler', cron: '00 00 03 1,L * ?' } },
            ],
            dependencies: [{ nodeId: '7002', depends: [{ type: 'Normal', output: 'proj.up_out' }] }],
          },
        ],
      },
    });
    const tasks = importFlowSpec('w.json', json, () => false, new InterchangeReport());
    assert.deepEqual(tasks[1]!.data.dependencies, [{ task: '7001', cycle: 'same' }]);
    assert.equal(tasks[1]!.data.type, 'Shell');
    assert.deepEqual(tasks[1]!.data.schedule, { method: 'normal', cycle: 'month', time: '03:00', days: [1, 'L'], crossCycle: 'none' });
  });

  it('bad input names the file and the path inside it (exit 2), and writes nothing; a clash with the workspace is refused; revert undoes an import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-flowspec-bad-'));
    const write = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const root = emptyCopy();
    const run = (file: string) => nightshift('import', file, '--to', root, '--project', 'finance_dw', '--as', 'alice');
    assert.match(run(write('a.json', '{"spec": [')).stderr, /a\.json: not valid JSON/);
    assert.match(run(write('b.json', '{"nodes": []}')).stderr, /b\.json: spec: not a FlowSpec document/);
    const di = { spec: { nodes: [{ id: '1', name: 'sync', script: { runtime: { command: 'DI' }, language: 'json' }, trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' } }] } };
    const unknown = run(write('c.json', JSON.stringify(di)));
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /c\.json: spec\.nodes\[0\]\.script: unknown node type \("DI"\)/);
    const ok = { spec: { nodes: [{ id: '10001', name: 'clash', script: { runtime: { command: 'ODPS_SQL' } }, trigger: { type: 'Scheduler', cron: '00 00 01 * * ?' } }] } };
    const fresh = run(write('d.json', JSON.stringify(ok)));
    assert.equal(fresh.code, 0, fresh.stdout + fresh.stderr);
    const clash = run(write('e.json', JSON.stringify(ok)));
    assert.equal(clash.code, 2);
    assert.match(clash.stderr, /e\.json: spec\.nodes\[0\]\.id: the id 10001 is already task clash/);
    assert.equal(nightshift('revert', root, '--last', '--as', 'alice').code, 0);
    assert.deepEqual(readdirSync(join(root, 'finance_dw')).includes('tasks') ? readdirSync(join(root, 'finance_dw/tasks')) : [], []);
  });
});

describe('nightshift import --update', function () {
  this.timeout(60_000);
  it('replaces a task the workspace has, where it is, keeping its code file and createdAt; revert puts it back', async () => {
    const { readFileSync } = await import('node:fs');
    const root = copyOfSamples();
    const out = mkdtempSync(join(tmpdir(), 'nightshift-flowspec-up-'));
    assert.equal(nightshift('export', root, '--format', 'flowspec', '--tasks', '10002', '--out', join(out, 'one.json')).code, 0);
    const file = join(out, 'one.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('"owner": "alice"', '"owner": "carol"').replace('"content": "', '"content": "-- changed\\n'));
    const taskFile = loadWorkspace(root).task('10002')!.file;
    const before = readFileSync(taskFile, 'utf8');
    const refused = nightshift('import', file, '--to', root, '--project', 'finance_dw', '--as', 'alice');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /the id 10002 is already task dws_log_daily .*--update replaces it/);
    const updated = nightshift('import', file, '--to', root, '--project', 'finance_dw', '--update', '--as', 'alice');
    assert.equal(updated.code, 0, updated.stdout + updated.stderr);
    assert.match(updated.stdout, /10002 +succeeded +replaced .*dws_log_daily\.task\.yaml/);
    assert.match(updated.stdout, /its code file dws_log_daily\.sql is kept as it is/);
    const task = loadWorkspace(root).task('10002')!;
    assert.equal(task.file, taskFile);
    assert.equal(task.data.owner, 'carol');
    assert.equal(task.data.createdAt, '2026-08-04T09:00:00Z');
    assert.equal(nightshift('revert', root, '--last', '--as', 'alice').code, 0);
    assert.equal(readFileSync(taskFile, 'utf8'), before);
  });
});
