import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspaceAtRevision } from '../../src/core/review/gitWorkspace';
import { scheduleDiff } from '../../src/core/review/scheduleDiff';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples, nightshift } from './fixtures';

/** `nightshift diff` on commits of a test repository: what a change does to the schedule of a day. */
describe('nightshift diff', function () {
  this.timeout(120_000);
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd }).toString();
  const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

  it('lists instances, edges and parameters added, removed or changed, predictions moved, closures and baselines, in the contract\'s JSON', () => {
    const root = copyOfSamples();
    edit(join(root, 'finance_dw/nightshift.yaml'), 'baselines:\n', 'baselines:\n  - {name: log_by_2, tasks: ["10002"], committed: "02:00", margin: 30}\n');
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    const daily = join(root, 'finance_dw/tasks/dws/daily/dws_log_daily.task.yaml');
    const hourly = join(root, 'finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml');
    // A parameter changes, the hourly task gets slower, and the daily one gains an upstream.
    edit(hourly, 'hour: $[yyyy-mm-dd-hh24-1/24]', 'hour: $[yyyy-mm-dd-hh24-2/24]');
    edit(hourly, 'expectedMinutes: 20', 'expectedMinutes: 90');
    edit(daily, /dependencies:\n  - task: "10001"/, 'dependencies:\n  - task: "10001"\n  - task: "10016"');
    const out = nightshift('diff', root, '--date', '2017-01-11', '--json');
    assert.equal(out.code, 0, out.stderr);
    const diff = JSON.parse(out.stdout) as { base: string; from: string; to: string; summary: { tasks: number; params: number; edges: number }; changes: { date: string; task: string; instance: string | null; kind: string; detail: Record<string, unknown> }[]; baselines: { baseline: string; before: { status: string }; after: { status: string } }[] };
    assert.deepEqual([diff.base, diff.from, diff.to], ['HEAD', '2017-01-11', '2017-01-11']);
    assert.deepEqual(Object.keys(diff.changes[0]!), ['date', 'task', 'instance', 'kind', 'detail']);
    const kinds = new Set(diff.changes.map((c) => c.kind));
    for (const k of ['param-changed', 'edge-added', 'timing-moved', 'closure-changed']) assert.ok(kinds.has(k), `${k} in ${[...kinds].join(', ')}`);
    const param = diff.changes.find((c) => c.kind === 'param-changed' && c.instance === '10001@2017-01-11T05:00')!;
    assert.deepEqual(param.detail, { name: 'hour', before: '2017-01-11-04', after: '2017-01-11-03' });
    const edge = diff.changes.find((c) => c.kind === 'edge-added')!;
    assert.equal(edge.task, '10002');
    assert.equal(edge.detail.name, 'ods_fx_rates_di');
    const closure = diff.changes.find((c) => c.kind === 'closure-changed' && c.task === '10016')!;
    assert.ok((closure.detail.added as string[]).includes('dws_log_daily'));
    assert.ok(diff.summary.tasks >= 2 && diff.summary.params >= 24 && diff.summary.edges >= 1);
    const moved = diff.baselines.find((b) => b.baseline === 'log_by_2')!;
    assert.ok(moved, 'the baseline moves');
    // An hour's instances: added and removed when the window changes.
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'second');
    edit(hourly, 'start: "00:00"', 'start: "01:00"');
    const window = JSON.parse(nightshift('diff', root, '--date', '2017-01-11', '--json').stdout) as typeof diff;
    assert.ok(window.changes.some((c) => c.kind === 'instance-removed' && c.instance === '10001@2017-01-11T00:00'));
    // Against the first commit, by its revision.
    const first = git(root, 'rev-list', '--max-parents=0', 'HEAD').trim();
    const both = JSON.parse(nightshift('diff', root, '--base', first, '--date', '2017-01-11', '--json').stdout) as typeof diff;
    assert.ok(both.changes.some((c) => c.kind === 'edge-added') && both.changes.some((c) => c.kind === 'instance-removed'));
    const text = nightshift('diff', root, '--date', '2017-01-11');
    assert.match(text.stdout, /^Schedule changes against HEAD \([0-9a-f]{10}\), 2017-01-11: \d+ task\(s\) changed/);
    assert.match(text.stdout, /ods_log_hourly \(10001\)\n {2}- instance 00:00 \(normal\)/);
    // A task is named by its own name, not by the upstream an edge change names.
    assert.match(both.changes.length ? text.stdout : '', /^dws_log_daily \(10002\)$/m);
    // Reusing the disk's parse of unchanged files gives the same diff as parsing the revision afresh.
    const after = loadWorkspace(root);
    const shared = scheduleDiff(loadWorkspaceAtRevision(root, first, undefined, after).index, after, '2017-01-11', '2017-01-11');
    const fresh = scheduleDiff(loadWorkspaceAtRevision(root, first).index, loadWorkspace(root), '2017-01-11', '2017-01-11');
    assert.deepEqual(JSON.parse(JSON.stringify(shared.changes)), JSON.parse(JSON.stringify(fresh.changes)));
    assert.deepEqual(shared.summary, fresh.summary);
  });

  it('no difference is exit 0 with an empty list; a base that is not a revision is exit 2', () => {
    const root = copyOfSamples();
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    const same = nightshift('diff', root, '--from', '2017-01-10', '--to', '2017-01-11', '--json');
    assert.equal(same.code, 0);
    assert.deepEqual(JSON.parse(same.stdout).changes, []);
    const bad = nightshift('diff', root, '--base', 'no-such-branch');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /"no-such-branch" is not a revision/);
  });
});
