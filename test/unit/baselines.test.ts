import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nightshift, writeFiles } from './fixtures';

/** Baselines: committed finish times that a slow upstream breaches, and the CLI's exit codes. */
describe('nightshift baselines', function () {
  this.timeout(60_000);
  function workspace(slowMinutes: number): string {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-bl-')), 'ws');
    const task = (id: string, name: string, time: string, minutes: number, dep?: string) => `id: "${id}"\nname: ${name}\ntype: SQL\nschedule: {cycle: day, time: "${time}"}\nexpectedMinutes: ${minutes}\n${dep ? `dependencies:\n  - task: "${dep}"\n` : ''}tags: [${id === '3' ? 'board' : ''}]\n`;
    writeFiles(root, {
      'p/nightshift.yaml': 'project: p\nbaselines:\n  - {name: report_0800, tasks: ["3"], committed: "08:00", margin: 30, priority: 8}\n  - {name: board_late, tag: board, committed: "26:00", margin: 60}\n',
      'p/tasks/ingest.task.yaml': task('1', 'ingest', '06:00', slowMinutes),
      'p/tasks/model.task.yaml': task('2', 'model', '06:00', 30, '1'),
      'p/tasks/report.task.yaml': task('3', 'report', '07:00', 20, '2'),
    });
    return root;
  }

  it('a slow upstream breaches the baseline: exit 1, the predicted finish and the critical path by name', () => {
    const out = nightshift('baselines', workspace(120), '--date', '2026-12-01', '--json');
    assert.equal(out.code, 1, out.stderr);
    const [report, board] = JSON.parse(out.stdout) as { baseline: string; status: string; predictedFinish: string; committed: string; criticalPath: { name: string; at: string }[] }[];
    assert.deepEqual([report!.baseline, report!.status, report!.predictedFinish, report!.committed], ['report_0800', 'breached', '08:50', '08:00']);
    assert.deepEqual(report!.criticalPath.map((c) => c.name), ['ingest', 'model', 'report']);
    assert.equal(board!.status, 'safe');
    const text = nightshift('baselines', workspace(120), '--date', '2026-12-01');
    assert.match(text.stdout, /^report_0800 \(p\): breached — predicted 08:50, at p90 08:50 \(breached\), committed 08:00 \(margin 30 min\); critical path ingest 06:00 → model 06:00 → report 07:00/m);
  });

  it('the p90 case: a task whose 90th percentile is slow makes the pessimistic finish breach; --pessimistic fails on it', () => {
    const root = workspace(10);
    const file = join(root, 'p/tasks/model.task.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}expectedP90Minutes: 90\n`);
    const out = nightshift('baselines', root, '--date', '2026-12-01', '--json');
    assert.equal(out.code, 0, 'the expected case is safe: exit 0 without --pessimistic');
    const [report] = JSON.parse(out.stdout) as { status: string; predictedFinish: string; pessimisticStatus: string; pessimisticFinish: string }[];
    // Expected: ingest 06:00–06:10, model –06:40, report 07:00–07:20. At p90: model –07:40, report 07:40–08:00.
    assert.deepEqual([report!.status, report!.predictedFinish, report!.pessimisticStatus, report!.pessimisticFinish], ['safe', '07:20', 'warning', '08:00']);
    writeFileSync(file, readFileSync(file, 'utf8').replace('expectedP90Minutes: 90', 'expectedP90Minutes: 100'));
    const worse = nightshift('baselines', root, '--date', '2026-12-01', '--pessimistic', '--json');
    assert.equal(worse.code, 1, worse.stdout);
    assert.equal(JSON.parse(worse.stdout)[0].pessimisticStatus, 'breached');
  });

  it('on time is safe (exit 0); within the margin is a warning', () => {
    const fast = nightshift('baselines', workspace(10), '--date', '2026-12-01', '--json');
    assert.equal(fast.code, 0);
    assert.equal(JSON.parse(fast.stdout)[0].status, 'safe');
    const close = nightshift('baselines', workspace(60), '--date', '2026-12-01', '--json');
    assert.equal(close.code, 0);
    assert.deepEqual([JSON.parse(close.stdout)[0].status, JSON.parse(close.stdout)[0].predictedFinish], ['warning', '07:50']);
  });

  it('a baseline with both tasks and tag, or a committed time past 47:59, is an error at its line', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-bl-')), 'ws');
    writeFiles(root, { 'p/nightshift.yaml': 'project: p\nbaselines:\n  - {name: x, tasks: ["1"], tag: t, committed: "48:00"}\n' });
    const out = nightshift('validate', root);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /nightshift\.yaml:3: baselines\.0/);
  });
});
