import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { durationsByTask, DurationFileError, matchRuns, readDurationRows } from '../../src/core/operations/observedDurations';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { nightshift, writeFiles } from './fixtures';

/** `nightshift durations`: an operation center's export of runs sets expectedMinutes and expectedP90Minutes. */
describe('observed durations', function () {
  this.timeout(60_000);
  function workspace(): string {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-dur-')), 'ws');
    writeFiles(root, {
      'p/nightshift.yaml': 'project: p\ntimezone: Asia/Shanghai\n',
      'p/tasks/ingest.task.yaml': 'id: "1"\nname: ingest\ntype: SQL\n# the timeline reads this\nexpectedMinutes: 12\nschedule: {cycle: day, time: "06:00"}\n',
      'p/tasks/report.task.yaml': 'id: "2"\nname: "report, daily"\ntype: SQL\nschedule: {cycle: day, time: "07:00"}\n',
      'q/nightshift.yaml': 'project: q\n',
      'q/tasks/ingest.task.yaml': 'id: "9"\nname: ingest\ntype: SQL\n',
    });
    return root;
  }

  it('reads CSV with quoted fields and other column names, and JSON arrays or {rows}', () => {
    const csv = readDurationRows('Task_ID,Cyc Time,Begin Time,Finish Time\n"report, daily",2026-11-01 07:00:00,2026-11-01 07:00:00,2026-11-01 07:20:00\n', 'runs.csv');
    assert.deepEqual(csv, [{ line: 2, cells: { task: 'report, daily', scheduledAt: '2026-11-01 07:00:00', start: '2026-11-01 07:00:00', end: '2026-11-01 07:20:00' } }]);
    const json = readDurationRows('{"rows": [{"task": 1, "scheduledAt": "x", "start": "a", "end": null}]}', 'runs.json');
    assert.deepEqual(json[0]!.cells, { task: '1', scheduledAt: 'x', start: 'a', end: '' });
    assert.throws(() => readDurationRows('task,start,end\n1,a,b\n', 'runs.csv'), (e: unknown) => e instanceof DurationFileError && /no "scheduledAt" column/.test(e.message));
    assert.throws(() => readDurationRows('{"runs": 1}', 'runs.json'), DurationFileError);
  });

  it('median and nearest-rank p90 in whole minutes; a rerun of one instance counts once', () => {
    const index = loadWorkspace(workspace());
    const rows = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m, i) => ({ line: i + 2, cells: { task: '1', scheduledAt: `2026-11-${String(i + 1).padStart(2, '0')}T06:00`, start: '2026-11-01T06:00', end: `2026-11-01T${String(6 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}` } }));
    rows.push({ line: 20, cells: { ...rows[0]!.cells, end: '2026-11-01T06:11' } });
    const { runs, problems } = matchRuns(rows, index);
    assert.deepEqual(problems, []);
    assert.equal(runs.length, 10);
    const [d] = durationsByTask(runs);
    // Runs 11 (the rerun of the first), 20, …, 100: median (50+60)/2 = 55, p90 the 9th = 90.
    assert.deepEqual([d!.runs, d!.median, d!.p90], [10, 55, 90]);
  });

  it('problems at their line: a name two projects share, an end before its start, a time that is none; notes for a run still going and a task elsewhere', () => {
    const index = loadWorkspace(workspace());
    const cell = (task: string, start: string, end: string) => ({ task, scheduledAt: '2026-11-01T06:00', start, end });
    const { runs, problems } = matchRuns(
      [
        { line: 2, cells: cell('ingest', '2026-11-01T06:00', '2026-11-01T06:10') },
        { line: 3, cells: cell('1', '2026-11-01T06:00', '2026-11-01T05:10') },
        { line: 4, cells: cell('1', 'yesterday', '2026-11-01T06:10') },
        { line: 5, cells: cell('2', '2026-11-01T07:00', '') },
        { line: 6, cells: cell('elsewhere', '2026-11-01T07:00', '2026-11-01T07:10') },
      ],
      index,
    );
    assert.equal(runs.length, 0);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity, p.message.replace(/ \(.*/, '')]),
      [
        [2, 'error', 'task "ingest": several projects have a task of that name; write its id'],
        [3, 'error', 'end 2026-11-01T05:10 is before start 2026-11-01T06:00'],
        [4, 'error', 'start "yesterday" is not a time'],
        [5, 'note', 'report, daily 2026-11-01T06:00: no end time'],
        [6, 'note', 'task "elsewhere" is not in the workspace; left out'],
      ],
    );
  });

  it('the CLI writes both fields as one recorded batch that revert undoes; a bad row is file:line on stderr and exit 1; again is skipped', () => {
    const root = workspace();
    const csv = join(root, 'runs.csv');
    writeFileSync(csv, 'task,scheduledAt,start,end\n1,2026-11-01 06:00,2026-11-01 06:00,2026-11-01 06:14\n1,2026-11-02 06:00,2026-11-02 06:00,2026-11-02 06:30\n"report, daily",2026-11-01 07:00,2026-11-01 07:05,2026-11-01 07:45\n2,2026-11-02 07:00,2026-11-02 08:00,2026-11-02 07:00\n');
    const file = join(root, 'p/tasks/ingest.task.yaml');
    const before = readFileSync(file, 'utf8');
    const dry = nightshift('durations', root, '--from-file', csv, '--as', 'alice', '--dry-run', '--json');
    assert.equal(readFileSync(file, 'utf8'), before, 'a dry run writes nothing');
    assert.equal(JSON.parse(dry.stdout).results[0].reason, 'would: expectedMinutes 12 → 22, expectedP90Minutes (none) → 30 (2 runs)');
    const out = nightshift('durations', root, '--from-file', csv, '--as', 'alice');
    assert.equal(out.code, 1, 'one row is not a run');
    assert.match(out.stderr, /runs\.csv:5: error: end 2026-11-02 07:00 is before start 2026-11-02 08:00/);
    assert.match(out.stdout, /^Import Observed Durations: 4 row\(s\), 3 run\(s\) of 2 task\(s\): 2 succeeded/);
    // Spliced where it stands: the comment and the order stay, the new fields go last (updatedAt as every batch sets it).
    assert.equal(readFileSync(file, 'utf8').replace(/updatedAt: .*\n/, ''), `${before.replace('expectedMinutes: 12', 'expectedMinutes: 22')}expectedP90Minutes: 30\n`);
    assert.match(readFileSync(join(root, 'p/tasks/report.task.yaml'), 'utf8'), /expectedMinutes: 40\nexpectedP90Minutes: 40\n/);
    assert.equal(nightshift('validate', root).code, 0);
    const again = nightshift('durations', root, '--from-file', csv, '--as', 'alice', '--json');
    assert.deepEqual(JSON.parse(again.stdout).results.map((r: { status: string }) => r.status), ['skipped', 'skipped']);
    const records = JSON.parse(nightshift('records', root, '--json').stdout).records as { id: string; operation: string }[];
    const applied = records.filter((r) => r.operation === 'import-durations');
    const first = applied.find((r) => JSON.stringify(r).includes('"succeeded"'))!;
    assert.equal(nightshift('revert', root, '--record', first.id, '--as', 'alice').code, 0);
    assert.equal(readFileSync(file, 'utf8'), before, 'revert puts the file back byte for byte');
  });

  it('a file that is no such export is bad usage (exit 2)', () => {
    const root = workspace();
    writeFileSync(join(root, 'x.csv'), 'name,when\n1,2\n');
    const out = nightshift('durations', root, '--from-file', join(root, 'x.csv'), '--as', 'alice');
    assert.equal(out.code, 2);
    assert.match(out.stderr, /no "scheduledAt" column/);
    assert.equal(nightshift('durations', root, '--from-file', join(root, 'missing.csv'), '--as', 'alice').code, 2);
  });
});
