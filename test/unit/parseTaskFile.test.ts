import { strict as assert } from 'node:assert';
import { parseTaskFile } from '../../src/core/model/parseTaskFile';
import { parseProjectFile } from '../../src/core/model/parseProjectFile';

const FILE = '/w/p/tasks/a.task.yaml';

function problems(text: string) {
  return parseTaskFile(FILE, text).diagnostics.map((d) => `${d.line}:${d.severity}:${d.message}`);
}

describe('task file parsing', () => {
  it('reads the issue\'s full example with defaults filled in', () => {
    const { data, diagnostics } = parseTaskFile(FILE, `id: "10001"
name: ods_orders_hi
type: SQL
owner: alice
opsOwner: bob
status: developing
createdAt: 2026-01-05T10:00:00Z
tags: [finance]
template: {name: sync_tpl, version: 2}
schedule:
  method: normal
  cycle: hour
  start: "00:00"
  end: "23:59"
  interval: 1
  crossCycle: none
  effective: {from: 2017-01-01, to: 2099-12-31}
  conditional: {enabled: false}
dependencies:
  - task: "10002"
  - task: "10003"
    cycle: previous
parameters:
  bizdate: \${bdp.system.bizdate}
  hour: $[yyyy-mm-dd-hh24-1/24]
run:
  timeoutMinutes: 120
  autoRerun: {times: 3, intervalMinutes: 2}
code: ods_orders_hi.sql
`);
    assert.deepEqual(diagnostics, []);
    assert.ok(data);
    assert.equal(data.id, '10001');
    assert.equal(data.published, false);
    assert.equal(data.lastSubmission, 'none');
    assert.deepEqual(data.dependencies, [{ task: '10002', cycle: 'same' }, { task: '10003', cycle: 'previous' }]);
    assert.equal(data.parameters.bizdate, '${bdp.system.bizdate}');
    assert.equal(data.parameters.hour, '$[yyyy-mm-dd-hh24-1/24]');
  });

  it('accepts unquoted numeric ids and keeps them as strings', () => {
    const { data } = parseTaskFile(FILE, 'id: 42\nname: n\ntype: SQL\ndependencies: [{task: 7}]\n');
    assert.equal(data?.id, '42');
    assert.equal(data?.dependencies[0]?.task, '7');
  });

  it('reports malformed YAML at its line', () => {
    assert.deepEqual(problems('id: "1"\nname: x\ntags: [a, b\ntype: SQL\n').length > 0, true);
    const [first] = parseTaskFile(FILE, 'id: "1"\nname: [x\n').diagnostics;
    assert.equal(first?.code, 'yaml');
    assert.match(first!.message, /^malformed YAML: /);
  });

  it('reports a missing id at the top of the file', () => {
    assert.deepEqual(problems('name: x\ntype: SQL\n'), ['1:error:id: is required']);
  });

  it('reports a wrong enum value at its line, naming the allowed values', () => {
    assert.deepEqual(problems('id: "1"\nname: x\ntype: SQL\nschedule:\n  cycle: fortnight\n'), [
      '5:error:schedule.cycle: must be one of "minute", "hour", "day", "week", "month", "year"',
    ]);
  });

  it('warns about unknown fields but keeps the task', () => {
    const parsed = parseTaskFile(FILE, 'id: "1"\nname: x\ntype: SQL\nonwer: alice\nx-team: core\n');
    assert.ok(parsed.data);
    assert.deepEqual(parsed.diagnostics.map((d) => `${d.line}:${d.severity}:${d.message}`), ['4:warning:onwer: unknown field (kept as is; prefix custom fields with x-)']);
  });

  it('rejects a file that is not a mapping', () => {
    assert.deepEqual(problems('- a\n- b\n'), ['1:error:the file must hold a YAML mapping (key: value lines)']);
  });

  it('rejects a time of day that is not HH:mm', () => {
    assert.deepEqual(problems('id: "1"\nname: x\ntype: SQL\nschedule:\n  cycle: day\n  time: "25:00"\n'), ['6:error:schedule.time: must be a time of day "HH:mm" (00:00 to 23:59)']);
  });
});

describe('project file parsing', () => {
  it('fills defaults', () => {
    const { data, diagnostics } = parseProjectFile('/w/p/nightshift.yaml', 'project: p\n');
    assert.deepEqual(diagnostics, []);
    assert.equal(data?.timezone, 'UTC');
    assert.equal(data?.taskRoot, 'tasks');
    assert.equal(data?.mode, 'basic');
  });

  it('rejects an unknown time zone and a task root outside the project', () => {
    const { data, diagnostics } = parseProjectFile('/w/p/nightshift.yaml', 'project: p\ntimezone: Mars/Olympus\ntaskRoot: ../elsewhere\n');
    assert.equal(data, undefined);
    assert.deepEqual(diagnostics.map((d) => `${d.line}:${d.message}`), [
      '2:timezone: "Mars/Olympus" is not an IANA time zone (e.g. Asia/Shanghai, UTC)',
      '3:taskRoot: must be a folder inside the project folder',
    ]);
  });

  it('rejects a template of a task type the project does not have', () => {
    const { diagnostics } = parseProjectFile('/w/p/nightshift.yaml', 'project: p\ntaskTypes: [SQL]\ntemplates:\n  - {name: t, taskType: Python, versions: [1]}\n');
    assert.match(diagnostics[0]!.message, /templates\.0\.taskType: "Python" is not one of the project's taskTypes/);
    assert.equal(diagnostics[0]!.line, 4);
  });
});
