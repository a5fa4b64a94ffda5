import { strict as assert } from 'node:assert';
import { dayNumber } from '../../src/core/time/civilTime';
import { buildTimeline, criticalPath } from '../../src/core/engine/timelineModel';
import { todayIn, wallClockInstant } from '../../src/core/time/wallClock';
import { graphOf, HOURLY, plan } from './engineFixtures';

const DAY = '2017-01-11';

describe('timeline model', () => {
  it('an instance starts at the later of its scheduled time and its upstream instances\' predicted ends', () => {
    const g = graphOf(
      { id: 'A', schedule: { cycle: 'day', time: '01:00' }, expectedMinutes: 90 },
      { id: 'B', schedule: { cycle: 'day', time: '02:00' }, dependencies: [{ task: 'A' }] },
      { id: 'C', schedule: { cycle: 'day', time: '05:00' }, dependencies: [{ task: 'B' }], expectedMinutes: 30 },
    );
    const t = buildTimeline(g, plan(g, DAY));
    assert.deepEqual(t.timing.get('A@2017-01-11T01:00'), { start: 60, end: 150 });
    assert.deepEqual(t.timing.get('B@2017-01-11T02:00'), { start: 150, end: 160, waitsFor: 'A@2017-01-11T01:00' });
    assert.deepEqual(t.timing.get('C@2017-01-11T05:00'), { start: 300, end: 330 });
  });

  it('OC-22: the hourly 00:00 instance on a daily 07:00 task starts when the daily instance ends', () => {
    const g = graphOf({ id: 'A', schedule: { cycle: 'day', time: '07:00' } }, { id: 'B', schedule: { cycle: 'hour', interval: 8 }, dependencies: [{ task: 'A' }] });
    const t = buildTimeline(g, plan(g, DAY));
    assert.equal(t.timing.get('B@2017-01-11T00:00')!.start, 7 * 60 + 10);
    assert.equal(t.timing.get('B@2017-01-11T08:00')!.start, 8 * 60);
  });

  it('dry-run instances take no time and never block; paused ones block everything after them', () => {
    const g = graphOf(
      { id: 'R', schedule: { method: 'dry-run', cycle: 'day', time: '01:00' }, expectedMinutes: 60 },
      { id: 'P', schedule: { method: 'paused', cycle: 'day', time: '01:00' } },
      { id: 'X', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'R' }] },
      { id: 'Y', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'P' }] },
      { id: 'Z', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'Y' }] },
    );
    const t = buildTimeline(g, plan(g, DAY));
    assert.deepEqual(t.timing.get('R@2017-01-11T01:00'), { start: 60, end: 60 });
    assert.deepEqual(t.timing.get('X@2017-01-11T01:00'), { start: 60, end: 70 });
    assert.deepEqual(t.timing.get('P@2017-01-11T01:00'), { blocked: 'paused' });
    assert.equal(t.timing.get('Y@2017-01-11T01:00')!.blocked, 'upstream-paused');
    assert.equal(t.timing.get('Z@2017-01-11T01:00')!.blocked, 'upstream-paused');
  });

  it('a self-dependent chain that runs longer than its interval drifts later and later', () => {
    const g = graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self' }, expectedMinutes: 75 });
    const t = buildTimeline(g, plan(g, DAY));
    // Yesterday's 23:00 instance ends at 00:15; each instance then ends 75 minutes after the one before.
    assert.deepEqual(t.timing.get('H@2017-01-11T00:00'), { start: 15, end: 90, waitsFor: 'H@2017-01-10T23:00' });
    assert.equal(t.timing.get('H@2017-01-11T02:00')!.start, 165);
    assert.deepEqual(criticalPath(t, 'H@2017-01-11T02:00'), ['H@2017-01-10T23:00', 'H@2017-01-11T00:00', 'H@2017-01-11T01:00', 'H@2017-01-11T02:00']);
  });

  it('the critical path of an instance that starts on time is the instance alone', () => {
    const g = graphOf({ id: 'A', schedule: { cycle: 'day', time: '01:00' } }, { id: 'B', schedule: { cycle: 'day', time: '09:00' }, dependencies: [{ task: 'A' }] });
    assert.deepEqual(criticalPath(buildTimeline(g, plan(g, DAY)), 'B@2017-01-11T09:00'), ['B@2017-01-11T09:00']);
  });

  it('instances inside a dependency cycle are marked blocked, not lost', () => {
    const g = graphOf(
      { id: 'A', schedule: { cycle: 'day' }, dependencies: [{ task: 'B' }] },
      { id: 'B', schedule: { cycle: 'day' }, dependencies: [{ task: 'A' }] },
    );
    const t = buildTimeline(g, plan(g, DAY));
    assert.equal(t.timing.get('A@2017-01-11T00:00')!.blocked, 'dependency-cycle');
    assert.equal(t.byPosition.timings.length, 2);
  });
});

describe('wall clock and DST', () => {
  it('a time in a skipped hour runs as far after the gap as it was into it', () => {
    assert.equal(wallClockInstant(dayNumber('2026-03-08'), 150, 'America/New_York').toISO(), '2026-03-08T03:30:00.000-04:00');
  });

  it('a time in a repeated hour runs once, at its second occurrence (DataWorks keeps the second)', () => {
    assert.equal(wallClockInstant(dayNumber('2026-11-01'), 90, 'America/New_York').toISO(), '2026-11-01T01:30:00.000-05:00');
  });

  it('Asia/Shanghai has no DST; today is the zone\'s date', () => {
    assert.equal(wallClockInstant(dayNumber('2017-01-11'), 0, 'Asia/Shanghai').toISO(), '2017-01-11T00:00:00.000+08:00');
    assert.equal(todayIn('Asia/Shanghai', new Date('2026-11-21T17:00:00Z')), '2026-11-22');
    assert.equal(todayIn('UTC', new Date('2026-11-21T17:00:00Z')), '2026-11-21');
  });
});
