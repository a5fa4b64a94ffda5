import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planDay } from '../../src/core/engine/dayPlan';
import { buildSchedulingGraph } from '../../src/core/engine/schedulingGraph';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { nightshift, writeFiles } from './fixtures';

/**
 * Dataphin's dependency rules, from the worked examples of its pages:
 *  A = help.aliyun.com/zh/dataphin/scheduling-dependency-scenario-rules-and-examples (调度依赖场景规则及示例)
 *  B = help.aliyun.com/knowledge_detail/350972.html
 *  C = help.aliyun.com/en/dataphin/semimanaged-v4/user-guide/scheduling-dependency-scenario-rules-and-examples
 */
const DAY = '2024-03-02';
const HOURLY = (start = '00:00', interval = 1) => `{cycle: hour, start: "${start}", end: "23:59", interval: ${interval}}`;
const DAILY = (time: string) => `{cycle: day, time: "${time}"}`;

function project(scheduler: 'dataphin' | 'dataworks', up: string, down: string, dependency: string, upSelf = false): string {
  const root = join(mkdtempSync(join(tmpdir(), 'nightshift-dp-')), 'ws');
  writeFiles(root, {
    'p/nightshift.yaml': `project: p\nscheduler: ${scheduler}\ntimezone: Asia/Shanghai\n`,
    'p/tasks/up.task.yaml': `id: "1"\nname: up\ntype: SQL\nschedule: {${up.slice(1, -1)}${upSelf ? ', crossCycle: self' : ''}}\n`,
    'p/tasks/down.task.yaml': `id: "2"\nname: down\ntype: SQL\nschedule: ${down}\ndependencies:\n  - {task: "1"${dependency ? `, ${dependency}` : ''}}\n`,
  });
  return root;
}

/** Each downstream instance's time → the upstream instances it waits for (`HH:mm`, `-1d HH:mm` for earlier days). */
function links(root: string): Record<string, string[]> {
  const plan = planDay(buildSchedulingGraph(loadWorkspace(root)), DAY);
  const out: Record<string, string[]> = {};
  for (const i of plan.byTask.get('2') ?? []) {
    out[i.scheduledAt.slice(11)] = i.upstream.filter((e) => e.task === '1').map((e) => {
      const [date, time] = e.id.split('@')[1]!.split('T');
      return date === DAY ? time! : `${(Date.parse(date!) - Date.parse(DAY)) / 86_400_000}d ${time}`;
    });
  }
  return out;
}

const hours = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${String(from + i).padStart(2, '0')}:00`);

describe("Dataphin's dependency rules (scheduler: dataphin)", function () {
  this.timeout(60_000);

  it('A scenario 1 (H1): hour on hour, same cycle: 01:00 → 01:00, 02:00 → 02:00', () => {
    const l = links(project('dataphin', HOURLY(), HOURLY(), ''));
    assert.deepEqual([l['01:00'], l['02:00']], [['01:00'], ['02:00']]);
  });

  it('A scenario 2 (H2): hour on the upstream\'s previous cycle: 02:00 → 01:00, and the day\'s first on yesterday\'s last', () => {
    const l = links(project('dataphin', HOURLY(), HOURLY(), 'cycle: previous'));
    assert.deepEqual(l['02:00'], ['01:00']);
    assert.deepEqual(l['00:00'], ['-1d 23:00']);
  });

  it('A scenario 3 (H3): hour at :05 on hour on the hour: 00:05 → 01:00, 01:05 → 02:00 (nearest at or after)', () => {
    const l = links(project('dataphin', HOURLY(), HOURLY('00:05'), ''));
    assert.deepEqual([l['00:05'], l['01:05']], [['01:00'], ['02:00']]);
    // Derived, not documented: nothing at or after 23:05 in the day, so the window's last.
    assert.deepEqual(l['23:05'], ['23:00']);
  });

  it('A scenario 4 (H4): hourly at :15 on every 4 hours: 00:15, 01:15, 02:15 and 03:15 all → 04:00', () => {
    const l = links(project('dataphin', HOURLY('00:00', 4), HOURLY('00:15'), ''));
    assert.deepEqual([l['00:15'], l['01:15'], l['02:15'], l['03:15'], l['04:15']], [['04:00'], ['04:00'], ['04:00'], ['04:00'], ['08:00']]);
  });

  it('A scenario 1, B (D1, D2): day on a self-dependent hourly task: 05:00 → 05:00, 05:01 → 06:00', () => {
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), '', true))['05:00'], ['05:00']);
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:01'), '', true))['05:01'], ['06:00']);
  });

  it('A scenario 2, B (D3): day on an hourly task that is not self-dependent: every instance of the day', () => {
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), ''))['05:00'], hours(0, 23));
  });

  it('A, B (D4, D5): day on the previous cycle: yesterday\'s last if self-dependent, else all of yesterday\'s', () => {
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: previous', true))['05:00'], ['-1d 23:00']);
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: previous'))['05:00'], hours(0, 23).map((h) => `-1d ${h}`));
  });

  it('C (P1-P3): the current cycle with a policy: all, first or last instance of the day gates every instance', () => {
    assert.deepEqual(links(project('dataphin', HOURLY(), HOURLY('00:30'), 'policy: all'))['05:30'], hours(0, 23));
    assert.deepEqual(links(project('dataphin', HOURLY(), HOURLY('00:30'), 'policy: first'))['05:30'], ['00:00']);
    assert.deepEqual(links(project('dataphin', HOURLY(), HOURLY('00:30'), 'policy: last'))['05:30'], ['23:00']);
    assert.deepEqual(links(project('dataphin', HOURLY(), HOURLY('00:30'), 'policy: nearest-after'))['05:30'], ['06:00']);
    assert.deepEqual(links(project('dataphin', HOURLY(), HOURLY('00:30'), 'policy: last-before'))['05:30'], ['05:00']);
  });

  it('last 24 hours: (own time - 24 h, own time], all of it by default', () => {
    const l = links(project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: last24h'));
    assert.deepEqual(l['05:00'], [...hours(6, 23).map((h) => `-1d ${h}`), ...hours(0, 5)]);
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: last24h, policy: first'))['05:00'], ['-1d 06:00']);
  });

  it('N days back: the window of day D-N, all of it by default', () => {
    assert.deepEqual(links(project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: previous, daysBack: 3, policy: last'))['05:00'], ['-3d 23:00']);
    assert.deepEqual(links(project('dataphin', DAILY('02:00'), DAILY('05:00'), 'cycle: previous, daysBack: 2'))['05:00'], ['-2d 02:00']);
  });

  it('the same files under DataWorks keep DataWorks\' answers (nearest at or before)', () => {
    assert.deepEqual(links(project('dataworks', HOURLY(), HOURLY('00:05'), ''))['01:05'], ['01:00']);
  });

  it('validate refuses Dataphin settings in a DataWorks project, and a policy on a window of one instance, at their lines', () => {
    const dw = project('dataworks', HOURLY(), DAILY('05:00'), 'cycle: last24h, policy: all, daysBack: 2');
    const out = nightshift('validate', dw);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /down\.task\.yaml:\d+: dependencies\.0\.policy: a dependency policy is Dataphin's/);
    assert.match(out.stderr, /dependencies\.0\.cycle: last24h \(最近24小时\) is Dataphin's/);
    assert.match(out.stderr, /dependencies\.0\.daysBack: "N days back" is Dataphin's/);
    const one = nightshift('validate', project('dataphin', DAILY('02:00'), DAILY('05:00'), 'policy: first'));
    assert.equal(one.code, 1);
    assert.match(one.stderr, /dependencies\.0\.policy: the window holds one instance of up \(a day task\), so a policy chooses nothing/);
    const prev = nightshift('validate', project('dataphin', HOURLY(), HOURLY(), 'cycle: previous, policy: last'));
    assert.equal(prev.code, 1);
    const unknown = join(mkdtempSync(join(tmpdir(), 'nightshift-dp-')), 'ws');
    writeFiles(unknown, { 'p/nightshift.yaml': 'project: p\nscheduler: airflow\n' });
    const bad = nightshift('validate', unknown);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /nightshift\.yaml:2: scheduler/);
  });

  it('every example comes out so in nightshift preview --json', () => {
    const root = project('dataphin', HOURLY(), HOURLY('00:05'), '');
    const out = nightshift('preview', root, '--date', DAY, '--json');
    assert.equal(out.code, 0, out.stderr);
    const json = JSON.parse(out.stdout) as { instances: { id: string; upstream: string[] }[] };
    assert.deepEqual(json.instances.find((i) => i.id === `2@${DAY}T00:05`)!.upstream, [`1@${DAY}T01:00`]);
  });
});

describe('Dependency Configuration with Dataphin settings', function () {
  this.timeout(60_000);
  it('adds a dependency with its cycle and policy, compares settings when it lists common ones, and refuses them in a DataWorks project', async () => {
    const { configureDependenciesOperation, commonDependencies } = await import('../../src/core/operations/dependencyOperation');
    const { runBatch } = await import('../../src/core/operations/batchRunner');
    const { LockStore } = await import('../../src/core/operations/lockStore');
    const { readFileSync } = await import('node:fs');
    const root = project('dataphin', HOURLY(), DAILY('05:00'), 'cycle: last24h, policy: first');
    const index = loadWorkspace(root);
    const down = index.task('2')!;
    assert.deepEqual(commonDependencies([down]), [{ task: '1', cycle: 'last24h', policy: 'first' }]);
    const op = configureDependenciesOperation({ edit: [{ task: '1', cycle: 'previous', daysBack: 2, policy: 'last' }] }, [down]);
    const record = await runBatch(op, [down], { index, user: 'alice', now: new Date() }, { root, locks: new LockStore() });
    assert.equal(record.results[0]!.status, 'succeeded', record.results[0]!.reason);
    assert.match(record.results[0]!.reason, /\[1 \(last 24 hours, first\)\] → \[1 \(2 days back, last\)\]/);
    assert.match(readFileSync(down.file, 'utf8'), /- task: "1"\n\s+cycle: previous\n\s+policy: last\n\s+daysBack: 2/);
    assert.deepEqual(links(root)['05:00'], ['-2d 23:00']);
    // The CLI's form: <id>:<cycle>[:<policy>], previous-N for N days back.
    const cli = nightshift('dependencies', root, '--tasks', '2', '--as', 'alice', '--edit', '1:last24h:last');
    assert.equal(cli.code, 0, cli.stdout + cli.stderr);
    assert.deepEqual(links(root)['05:00'], ['05:00']);
    const dw = project('dataworks', HOURLY(), DAILY('05:00'), '');
    const refused = nightshift('dependencies', dw, '--tasks', '2', '--as', 'alice', '--edit', '1:same:first');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /a dependency policy is Dataphin's; project p follows DataWorks/);
  });
});

describe('the dependency-cycle preview (节点依赖周期预览)', () => {
  it('shows each instance of the task with what a setting not yet written would make it wait for', async () => {
    const { dependencyPreview } = await import('../../src/core/engine/dependencyPreview');
    const root = project('dataphin', HOURLY(), HOURLY('00:05'), 'cycle: previous');
    const graph = buildSchedulingGraph(loadWorkspace(root));
    const same = dependencyPreview(graph, '2', { task: '1', cycle: 'same' }, true, DAY)!;
    assert.deepEqual(same[0], { at: `${DAY}T00:05`, upstream: [`${DAY}T01:00`] });
    const first = dependencyPreview(graph, '2', { task: '1', cycle: 'last24h', policy: 'first' }, true, DAY)!;
    assert.deepEqual(first[0], { at: `${DAY}T00:05`, upstream: ['2024-03-01T01:00'] });
    // Under DataWorks' rules the same setting waits for the nearest at or before.
    assert.deepEqual(dependencyPreview(graph, '2', { task: '1', cycle: 'same' }, false, DAY)![1], { at: `${DAY}T01:05`, upstream: [`${DAY}T01:00`] });
  });
});

describe("Dataphin's conditional scheduling and public calendars", function () {
  this.timeout(60_000);
  // help.aliyun.com/zh/dataphin/conditional-scheduling-rule-description (条件调度规则说明): business date
  // 2022-12-06 is not a Saturday or Sunday (false) OR is a holiday in public calendar text01 (true):
  // the condition holds, and the instance takes the configured schedule type (暂停调度, paused).
  function conditional(conditions: string, then = 'paused', logic = 'or') {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-dp-')), 'ws');
    writeFiles(root, {
      'p/nightshift.yaml': 'project: p\nscheduler: dataphin\ncalendars:\n  text01:\n    holidays: ["2022-12-06"]\n    workdays: ["2022-12-10"]\n    tags: {close: ["2022-12-30"]}\n',
      'p/tasks/t.task.yaml': `id: "1"\nname: t\ntype: SQL\nschedule:\n  cycle: day\n  time: "03:00"\n  conditional:\n    enabled: true\n    logic: ${logic}\n    then: ${then}\n    conditions:\n${conditions}`,
    });
    return root;
  }
  const kindOn = (root: string, date: string) => planDay(buildSchedulingGraph(loadWorkspace(root)), date).byTask.get('1')![0]!;

  it('the page\'s example: not a weekend OR a holiday in text01 holds on 2022-12-06, so the instance is paused, and says why', () => {
    const root = conditional('      - {weekday: {in: [6, 7]}}\n      - {calendar: text01, dateType: holiday}\n');
    assert.equal(nightshift('validate', root).code, 0);
    const instance = kindOn(root, '2022-12-07');
    assert.equal(instance.kind, 'paused');
    assert.match(instance.why!, /business date 2022-12-06 \(or\), so it runs as paused/);
    // The next business date is an ordinary Wednesday: neither condition holds.
    assert.equal(kindOn(root, '2022-12-08').kind, 'normal');
  });

  it('and needs every condition; a make-up workday on a weekend is a workday; tags; dry-run as the outcome', () => {
    const and = conditional('      - {weekday: {in: [6]}}\n      - {calendar: text01, dateType: workday}\n', 'dry-run', 'and');
    assert.equal(kindOn(and, '2022-12-11').kind, 'dry-run');
    assert.equal(kindOn(and, '2022-12-04').kind, 'normal');
    const tags = conditional('      - {calendar: text01, tags: {any: [close]}}\n', 'dry-run');
    assert.equal(kindOn(tags, '2022-12-31').kind, 'dry-run');
    assert.equal(kindOn(tags, '2022-12-30').kind, 'normal');
  });

  it('validate names an unknown calendar, a missing outcome, and conditions in a DataWorks project at their lines', () => {
    const bad = conditional('      - {calendar: nope, dateType: holiday}\n');
    const out = nightshift('validate', bad);
    assert.equal(out.code, 1);
    assert.match(out.stderr, /conditions\.0\.calendar: project p has no public calendar "nope"/);
    const root = conditional('      - {weekday: {in: [6, 7]}}\n');
    const { readFileSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
    writeFileSync(join(root, 'p/nightshift.yaml'), readFileSync(join(root, 'p/nightshift.yaml'), 'utf8').replace('scheduler: dataphin', 'scheduler: dataworks'));
    assert.match(nightshift('validate', root).stderr, /conditions on the business date are Dataphin's/);
  });
});
