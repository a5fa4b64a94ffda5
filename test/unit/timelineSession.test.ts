import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { todayIn } from '../../src/core/time/wallClock';
import { dayScheduleRequest } from '../../src/core/timeline/dayScheduleRequest';
import { BLOCKED, KIND_CODES, KIND_MASK } from '../../src/core/timeline/timelineLayout';
import { TimelineSession } from '../../src/core/timeline/timelineSession';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';

const index = loadWorkspace(join(__dirname, '../../samples/warehouse'));
const DATE = '2017-01-11';

describe('timeline layout and session (src/core/timeline)', () => {
  const session = new TimelineSession(() => index);
  const { layout } = session.view({ date: DATE, grouping: 'folder' });
  const lane = (name: string) => layout.laneName.indexOf(name);
  const instancesOf = (name: string) => {
    const l = lane(name);
    return Array.from({ length: layout.laneFirst[l + 1]! - layout.laneFirst[l]! }, (_, k) => layout.laneFirst[l]! + k);
  };
  const at = (id: string) => layout.ids.indexOf(id);

  it('marks the samples\' baseline: its deadline past midnight, its guarded instance in its state, and p90 whiskers', () => {
    assert.deepEqual(layout.deadlines, [{ name: 'revenue_report', project: 'finance_dw', minute: 24 * 60 + 30, margin: 30, state: layout.deadlines[0]!.state }]);
    const [revenue] = instancesOf('dws_revenue_daily');
    assert.equal(layout.guard[revenue!], { safe: 1, warning: 2, breached: 3 }[layout.deadlines[0]!.state]);
    assert.ok(layout.end[revenue!]! > 24 * 60 - 30 ? layout.guard[revenue!]! >= 2 : layout.guard[revenue!] === 1);
    assert.equal(instancesOf('dwd_payments_di').filter((i) => layout.guard[i]).length, 0, 'an unguarded task is unmarked');
    // dwd_orders_di: expectedMinutes 25, expectedP90Minutes 45; a task without a p90 ends its whisker at its end.
    const [orders] = instancesOf('dwd_orders_di');
    assert.equal(layout.p90End[orders!]! - layout.start[orders!]!, 45);
    assert.equal(layout.end[orders!]! - layout.start[orders!]!, 25);
    assert.equal(layout.p90End[revenue!], layout.end[revenue!]);
  });

  it('gives each task with instances a lane, grouped by project and folder, named in order', () => {
    assert.equal(layout.groups[0], 'finance_dw');
    assert.ok(layout.groups.includes('finance_dw/ods/logs') && layout.groups.includes('marketing_dw/sandbox'));
    const logs = layout.groups.indexOf('finance_dw/ods/logs');
    assert.equal(layout.laneName[layout.groupStart[logs]!], 'ods_log_hourly');
    // The one-time task has no lane.
    assert.equal(lane('backfill_fx_rates'), -1);
    assert.equal(layout.laneFirst[layout.laneName.length], layout.ids.length);
  });

  it('lays out the seed\'s scenarios: 24 hourly, 48 half-hourly and 4 six-hourly instances in time order', () => {
    assert.equal(instancesOf('ods_log_hourly').length, 24);
    assert.equal(instancesOf('ods_orders_sync_30min').length, 48);
    const sixHourly = instancesOf('dws_orders_stats_6h');
    assert.deepEqual(sixHourly.map((i) => layout.scheduled[i]), [0, 360, 720, 1080]);
    assert.deepEqual(sixHourly.map((i) => layout.ids[i]), ['10004@2017-01-11T00:00', '10004@2017-01-11T06:00', '10004@2017-01-11T12:00', '10004@2017-01-11T18:00']);
    // It waits for the half-hourly instance of the same time, which runs its expected minutes first.
    const six = at('10004@2017-01-11T06:00');
    assert.ok(layout.start[six]! > 360 && layout.end[six]! > layout.start[six]!);
  });

  it('draws same-cycle edges solid and self-dependencies dashed; the day before is counted, not drawn', () => {
    const edgesInto = (id: string) => {
      const to = at(id);
      const list: { from: string; cross: number }[] = [];
      for (let e = 0; e < layout.edgeTo.length; e++) if (layout.edgeTo[e] === to) list.push({ from: layout.ids[layout.edgeFrom[e]!]!, cross: layout.edgeCross[e]! });
      return list;
    };
    assert.deepEqual(edgesInto('10002@2017-01-11T00:00'), [{ from: '10001@2017-01-11T00:00', cross: 0 }]);
    assert.deepEqual(edgesInto('10001@2017-01-11T05:00'), [{ from: '10001@2017-01-11T04:00', cross: 1 }]);
    // The first hourly instance depends on yesterday's last one: outside the day.
    assert.deepEqual(edgesInto('10001@2017-01-11T00:00'), []);
    assert.ok(layout.edgesOutside > 0);
  });

  it('codes kinds and blocked instances in the flags', () => {
    const dry = instancesOf('dq_orders_check')[0]!;
    assert.equal(layout.flags[dry]! & KIND_MASK, KIND_CODES['dry-run']);
    const paused = instancesOf('legacy_gl_export')[0]!;
    assert.equal(layout.flags[paused]! & KIND_MASK, KIND_CODES.paused);
    assert.ok(layout.flags[paused]! & BLOCKED);
    const normal = instancesOf('ods_log_hourly')[0]!;
    assert.equal(layout.flags[normal], KIND_CODES.normal);
  });

  it('focuses on a task\'s closure and says what it covers', () => {
    const focused = session.view({ date: DATE, grouping: 'project', focus: { task: '10004', depth: 1, direction: 'upstream' } });
    assert.deepEqual(focused.layout.laneName, ['dws_orders_stats_6h', 'ods_orders_sync_30min']);
    assert.equal(focused.focusNote, 'dws_orders_stats_6h: 2 tasks within 1 level upstream');
    const deep = session.view({ date: DATE, grouping: 'project', focus: { task: '10005', depth: 1, direction: 'downstream' } });
    assert.match(deep.focusNote, /^ods_payments_hi: 3 tasks within 1 level downstream; \d+ more beyond that depth$/);
    assert.equal(session.view({ date: DATE, grouping: 'project', focus: { task: 'no_such_task', depth: 1, direction: 'both' } }).focusNote, 'no task is named or has the id "no_such_task"');
  });

  it('details an instance: parameters resolved, upstream and downstream by index, the critical path', () => {
    const focused = session.view({ date: DATE, grouping: 'project', focus: { task: '10004', depth: 1, direction: 'upstream' } }).layout;
    const i = focused.ids.indexOf('10004@2017-01-11T06:00');
    const detail = session.detail(i)!;
    assert.deepEqual(detail.params, { window_end: '2017-01-11-06:00', bizdate: '20170110' });
    const up = focused.ids.indexOf('10003@2017-01-11T06:00');
    const upName = index.task('10003')!.data.name;
    assert.deepEqual(detail.upstream, [{ index: up, id: '10003@2017-01-11T06:00', name: upName, at: '2017-01-11T06:00', crossCycle: false }]);
    assert.deepEqual(
      detail.criticalPath.map((c) => [c.index, c.name, c.at]),
      [
        [up, upName, '2017-01-11T06:00'],
        [i, 'dws_orders_stats_6h', '2017-01-11T06:00'],
      ],
    );
    // Why it starts when it does, by name along that path.
    assert.match(detail.explanation, new RegExp(`^dws_orders_stats_6h starts at \\d\\d:\\d\\d, not at its scheduled 06:00: it waits for ${upName} \\(scheduled 06:00\\), which ends at \\d\\d:\\d\\d`));
    const upDetail = session.detail(up)!;
    assert.deepEqual(upDetail.downstream.map((d) => [d.id, d.index !== undefined]).sort(), [['10003@2017-01-11T06:30', true], ['10004@2017-01-11T06:00', true]]);
    // Downstream from the whole day: a focus upstream of 10003 draws none of its downstream, yet they are listed.
    const upward = session.view({ date: DATE, grouping: 'project', focus: { task: '10003', depth: 1, direction: 'upstream' } }).layout;
    const lone = session.detail(upward.ids.indexOf('10003@2017-01-11T06:00'))!;
    assert.ok(lone.downstream.some((d) => d.id === '10004@2017-01-11T06:00' && d.index === undefined && d.name === 'dws_orders_stats_6h'), JSON.stringify(lone.downstream));
    assert.equal(session.detail(10_000), undefined);
  });

  it('plans again after invalidate, and keeps only a few days', () => {
    const before = session.view({ date: DATE, grouping: 'folder' }).layout.ids.length;
    session.invalidate();
    assert.equal(session.view({ date: DATE, grouping: 'folder' }).layout.ids.length, before);
    for (const d of ['2017-01-12', '2017-01-13', '2017-01-14']) session.warm(d);
    assert.equal(session.view({ date: DATE, grouping: 'folder' }).layout.date, DATE);
  });

  it('asks for a task\'s day schedule today in its project\'s zone, focused two levels both ways', () => {
    const task = index.task('20001')!;
    const zone = index.project(task.projectDir!)!.config.timezone;
    assert.deepEqual(dayScheduleRequest(index, task), { date: todayIn(zone), grouping: 'folder', focus: { task: '20001', depth: 2, direction: 'both' } });
    assert.deepEqual(dayScheduleRequest(index, undefined, DATE), { date: DATE, grouping: 'folder' });
  });
});
