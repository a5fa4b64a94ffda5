import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { copyOfSamples, nightshift, SAMPLES, writeFiles } from './fixtures';

describe('nightshift CLI', function () {
  // Each case starts Node with tsx a few times; on a loaded machine that takes seconds.
  this.timeout(60_000);

  it('validate exits 0 on the sample workspace', () => {
    const { code, stdout } = nightshift('validate', SAMPLES);
    assert.equal(code, 0);
    assert.match(stdout, /2 projects, 41 tasks: 0 errors, 0 warnings/);
  });

  it('validate reports every kind of error at its file and line, and exits 1', () => {
    const root = copyOfSamples();
    const f = 'finance_dw/tasks/broken';
    writeFiles(root, {
      [`${f}/malformed.task.yaml`]: 'id: "900"\nname: malformed\ntype: SQL\ntags: [a, b\n',
      [`${f}/no_id.task.yaml`]: 'name: no_id\ntype: SQL\n',
      [`${f}/dup_id.task.yaml`]: 'id: "10001"\nname: dup_id\ntype: SQL\nowner: alice\n',
      [`${f}/dup_name.task.yaml`]: 'id: "901"\nname: dws_log_daily\ntype: SQL\nowner: alice\n',
      [`${f}/bad_owner.task.yaml`]: 'id: "902"\nname: bad_owner\ntype: SQL\nowner: mallory\n',
      [`${f}/bad_type.task.yaml`]: 'id: "903"\nname: bad_type\ntype: Perl\nowner: alice\n',
      [`${f}/bad_dep.task.yaml`]: 'id: "904"\nname: bad_dep\ntype: SQL\nowner: alice\ndependencies:\n  - task: "10001"\n  - task: "424242"\n',
      [`${f}/cycle_a.task.yaml`]: 'id: "905"\nname: cycle_a\ntype: SQL\nowner: alice\ndependencies:\n  - task: "906"\n',
      [`${f}/cycle_b.task.yaml`]: 'id: "906"\nname: cycle_b\ntype: SQL\nowner: alice\ndependencies:\n  - task: "905"\n',
      [`${f}/minute.task.yaml`]: 'id: "907"\nname: minute\ntype: SQL\nowner: alice\nschedule:\n  cycle: minute\n  interval: 3\n',
      [`${f}/feb31.task.yaml`]: 'id: "908"\nname: feb31\ntype: SQL\nowner: alice\nschedule:\n  cycle: year\n  months: [2]\n  days: [31]\n',
      [`${f}/window.task.yaml`]: 'id: "909"\nname: window\ntype: SQL\nowner: alice\nschedule:\n  cycle: hour\n  start: "18:00"\n  end: "06:00"\n',
    });
    const { code, stderr } = nightshift('validate', root);
    assert.equal(code, 1);
    const lines = stderr.trim().split('\n');
    const expect = (file: string, line: number, message: RegExp) => {
      const prefix = `${join(root, f, file)}:${line}: `;
      const hit = lines.find((l) => l.startsWith(prefix));
      assert.ok(hit && message.test(hit), `expected ${file}:${line} ${message}; got:\n${lines.join('\n')}`);
    };
    expect('malformed.task.yaml', 5, /malformed YAML/);
    expect('no_id.task.yaml', 1, /id: is required/);
    expect('dup_id.task.yaml', 1, /id: "10001" is also the id of .*ods_log_hourly\.task\.yaml/);
    expect('dup_name.task.yaml', 2, /name: "dws_log_daily" is also the name of task 10002/);
    expect('bad_owner.task.yaml', 4, /owner: "mallory" is not a user of project finance_dw/);
    expect('bad_type.task.yaml', 3, /type: "Perl" is not a task type of project finance_dw/);
    expect('bad_dep.task.yaml', 7, /dependencies\.1\.task: no task has the id "424242"/);
    expect('cycle_b.task.yaml', 6, /this dependency closes the cycle 905 → 906 → 905/);
    expect('minute.task.yaml', 7, /schedule\.interval: a minute interval must be 5 to 59 minutes, not 3/);
    expect('feb31.task.yaml', 8, /schedule\.days: day 31 never occurs in month 2/);
    expect('window.task.yaml', 8, /schedule\.end: the window ends \(06:00\) before it starts \(18:00\)/);
    assert.match(lines[lines.length - 1]!, /2 projects, 51 tasks: 13 errors, 0 warnings/);
  });

  it('tree prints the hierarchy as text and as JSON', () => {
    const text = nightshift('tree', SAMPLES);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^finance_dw \(basic\)\n├── ads\/\n/);
    assert.match(text.stdout, /│   ├── logs\/\n│   │   └── ods_log_hourly \[10001\] SQL · hour · alice/);
    const json = JSON.parse(nightshift('tree', SAMPLES, '--json').stdout);
    assert.deepEqual(json.projects.map((p: { project: string }) => p.project), ['finance_dw', 'marketing_dw']);
    const ods = json.projects[0].root.folders.find((f: { name: string }) => f.name === 'ods');
    assert.deepEqual(ods.folders.map((f: { path: string }) => f.path), ['ods/logs', 'ods/orders']);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(nightshift('validate').code, 2);
    assert.equal(nightshift('validate', '/no/such/dir').code, 2);
    assert.equal(nightshift('frobnicate').code, 2);
    assert.match(nightshift('tree', SAMPLES, '--bogus').stderr, /Unknown option '--bogus'/);
  });
});
