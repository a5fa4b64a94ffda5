import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDolphin } from '../../src/core/interchange/dolphinImport';
import { fromDolphin, toDolphin } from '../../src/core/interchange/dolphinParameters';
import { InterchangeReport } from '../../src/core/interchange/interchangeReport';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples, nightshift } from './fixtures';

/** DolphinScheduler's workflow export (its UI's Export / Import Workflow JSON), both ways. */
describe('DolphinScheduler: export and import', function () {
  this.timeout(120_000);

  it('parameters: DataWorks\' business date is a $[…] one day back; what has no equivalent is said so', () => {
    assert.deepEqual(toDolphin('${yyyymmdd}'), { value: '$[yyyyMMdd-1]', exact: true });
    assert.deepEqual(toDolphin('$[yyyymmddhh24miss-1/24]'), { value: '$[yyyyMMddHHmmss-1/24]', exact: true });
    assert.deepEqual(toDolphin('${bdp.system.bizdate}'), { value: '${system.biz.date}', exact: true });
    assert.equal(toDolphin('${yyyymm-1}').exact, false);
    assert.deepEqual(fromDolphin('$[yyyyMMdd-8]'), { value: '${yyyymmdd-7}', exact: true });
    assert.deepEqual(fromDolphin('$[yyyy-MM-dd HH:mm:ss]'), { value: '$[yyyy-mm-dd hh24:mi:ss]', exact: true });
  });

  it('imports workflows field by field: the schedule, relations, a DEPENDENT task as dependencies, local params', () => {
    const doc = [
      {
        processDefinition: { code: 501, name: 'daily' },
        taskDefinitionList: [
          { code: 1, name: 'extract', taskType: 'SHELL', taskParams: { rawScript: 'echo hi', localParams: [{ prop: 'dt', direct: 'IN', type: 'VARCHAR', value: '$[yyyyMMdd-1]' }] }, failRetryTimes: 2, failRetryInterval: 5, timeoutFlag: 'OPEN', timeout: 30 },
          { code: 2, name: 'load', taskType: 'SQL', taskParams: { sql: 'select 1', localParams: [] } },
          { code: 3, name: 'gate', taskType: 'DEPENDENT', taskParams: { dependence: { dependTaskList: [{ dependItemList: [{ depTaskCode: 11, cycle: 'hour', dateValue: 'last1Hour' }, { depTaskCode: 999, cycle: 'day', dateValue: 'today' }] }] } } },
        ],
        processTaskRelationList: [
          { preTaskCode: 0, postTaskCode: 1 },
          { preTaskCode: 1, postTaskCode: 2 },
          { preTaskCode: 3, postTaskCode: 2 },
        ],
        schedule: { crontab: '0 30 2 * * ? *', startTime: '2024-01-01 00:00:00', endTime: '2099-12-31 23:59:59', timezoneId: 'Asia/Shanghai' },
      },
      {
        processDefinition: { code: 502, name: 'hourly' },
        taskDefinitionList: [{ code: 11, name: 'tick', taskType: 'PYTHON', taskParams: { rawScript: 'print(1)' }, flag: 'NO' }],
        processTaskRelationList: [{ preTaskCode: 0, postTaskCode: 11 }],
        schedule: { crontab: '0 0 0-23/1 * * ? *' },
      },
    ];
    const report = new InterchangeReport();
    const tasks = importDolphin('ds.json', JSON.stringify(doc), () => false, report);
    const byName = new Map(tasks.map((t) => [t.data.name, t]));
    const extract = byName.get('extract')!;
    assert.equal(extract.data.type, 'Shell');
    assert.equal(extract.code, 'echo hi');
    assert.deepEqual(extract.data.parameters, { dt: '${yyyymmdd}' });
    assert.deepEqual(extract.data.run, { timeoutMinutes: 30, autoRerun: { times: 2, intervalMinutes: 5 } });
    assert.deepEqual(extract.data.schedule, { method: 'normal', cycle: 'day', time: '02:30', effective: { from: '2024-01-01' }, crossCycle: 'none' });
    assert.deepEqual(byName.get('load')!.data.dependencies, [{ task: '1', cycle: 'same' }, { task: '11', cycle: 'previous' }]);
    assert.equal(byName.get('tick')!.data.schedule!.method, 'paused');
    assert.ok(!byName.has('gate'));
    assert.match(report.lines().join('\n'), /load: its DEPENDENT task waits for 999 .* left out/);
    assert.match(report.lines().join('\n'), /tick: flag NO \(not run\) is read as the paused method/);
  });

  it('a round trip of the samples: every task comes back; a task the report names nothing for keeps its schedule, dependencies and parameters', () => {
    const out = mkdtempSync(join(tmpdir(), 'nightshift-ds-'));
    const exported = nightshift('export', join(__dirname, '../../samples/warehouse'), '--format', 'dolphinscheduler', '--out', out, '--json');
    assert.equal(exported.code, 0, exported.stderr);
    const noted = new Set((JSON.parse(exported.stdout) as { report: { task: string }[] }).report.map((e) => e.task));
    const root = copyOfSamples();
    for (const p of ['finance_dw', 'marketing_dw']) rmSync(join(root, p, 'tasks'), { recursive: true, force: true });
    for (const p of ['finance_dw', 'marketing_dw']) {
      const imported = nightshift('import', join(out, `${p}.dolphinscheduler.json`), '--to', root, '--project', p, '--as', 'alice');
      assert.equal(imported.code, 0, imported.stdout + imported.stderr);
    }
    const before = loadWorkspace(join(__dirname, '../../samples/warehouse'));
    const after = loadWorkspace(root);
    let exact = 0;
    for (const task of before.tasks()) {
      const other = after.task(task.data.id)!;
      assert.ok(other, `${task.data.name} came back`);
      assert.equal(other.data.type, task.data.type);
      if (noted.has(task.data.id)) continue;
      exact++;
      const schedule = (s: typeof task.data.schedule) => ({ ...s, start: s.start ?? (s.cycle === 'hour' || s.cycle === 'minute' ? '00:00' : undefined), end: s.end ?? (s.cycle === 'hour' || s.cycle === 'minute' ? '23:59' : undefined) });
      assert.deepEqual(schedule(other.data.schedule), schedule(task.data.schedule), task.data.name);
      assert.deepEqual(other.data.dependencies, task.data.dependencies, task.data.name);
      assert.deepEqual(other.data.parameters, task.data.parameters, task.data.name);
    }
    assert.ok(exact > 0, 'some tasks map exactly');
  });

  it('bad input: not JSON, not a workflow export, an unknown task type; detected without --format', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-ds-bad-'));
    const root = copyOfSamples();
    const run = (name: string, text: string) => (writeFileSync(join(dir, name), text), nightshift('import', join(dir, name), '--to', root, '--project', 'finance_dw', '--format', 'dolphinscheduler', '--as', 'alice'));
    assert.match(run('a.json', '[{').stderr, /a\.json: not valid JSON/);
    assert.match(run('b.json', '[{"x": 1}]').stderr, /b\.json: \[0\]: not a DolphinScheduler workflow export/);
    const spark = [{ processDefinition: { code: 1 }, taskDefinitionList: [{ code: 5, name: 's', taskType: 'SPARK' }], processTaskRelationList: [] }];
    assert.match(run('c.json', JSON.stringify(spark)).stderr, /c\.json: \[0\]\.taskDefinitionList\[0\]\.taskType: unknown node type "SPARK"/);
    const ok = [{ processDefinition: { code: 1 }, taskDefinitionList: [{ code: 88001, name: 'ds_task', taskType: 'SHELL', taskParams: { rawScript: 'echo' } }], processTaskRelationList: [{ preTaskCode: 0, postTaskCode: 88001 }] }];
    writeFileSync(join(dir, 'd.json'), JSON.stringify(ok));
    const detected = nightshift('import', join(dir, 'd.json'), '--to', root, '--project', 'finance_dw', '--as', 'alice');
    assert.equal(detected.code, 0, detected.stdout + detected.stderr);
    assert.equal(loadWorkspace(root).task('88001')!.data.schedule.method, 'one-time');
  });
});
