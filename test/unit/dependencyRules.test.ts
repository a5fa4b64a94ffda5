import { strict as assert } from 'node:assert';
import { EVERY_30_MIN, graphOf, HOURLY, plan, SIX_HOURLY, short, upstreamOf, clockRange } from './engineFixtures';

const DAY = '2017-01-11';
const at = (task: string, clocks: string[]) => clocks.map((c) => `${task}@${c}`);

describe('dependencies between instances (DataWorks)', () => {
  describe('seed scenario 1: a daily task on an hourly task', () => {
    it('as first configured (hourly not self-dependent): the daily 00:00 instance waits for all 24 hourly instances of the day', () => {
      const p = plan(graphOf({ id: 'H', schedule: HOURLY }, { id: 'D', schedule: { cycle: 'day', time: '00:00' }, dependencies: [{ task: 'H' }] }), DAY);
      assert.equal(p.byTask.get('H')!.length, 24);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@00:00': at('H', clockRange('00:00', '23:00', 60)) });
    });

    it('final plan (hourly self-dependent): the daily 00:00 instance depends on the hourly 00:00 instance only, and the hourly instances run as a series', () => {
      const p = plan(graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self' } }, { id: 'D', schedule: { cycle: 'day', time: '00:00' }, dependencies: [{ task: 'H' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@00:00': ['H@00:00'] });
      const h = upstreamOf(p, 'H');
      assert.deepEqual(h['H@00:00'], ['H@2017-01-10T23:00']);
      assert.deepEqual(h['H@01:00'], ['H@00:00']);
      assert.deepEqual(h['H@23:00'], ['H@22:00']);
      assert.ok(p.byTask.get('H')!.every((i) => i.upstream.every((e) => e.crossCycle)));
      assert.equal(p.byTask.get('D')![0]!.upstream[0]!.crossCycle, false);
    });
  });

  describe('seed scenario 2: a 6-hourly task on a 30-minute task', () => {
    it('as first configured (not self-dependent): 1 + 12 + 12 + 12 upstream instances, none claimed twice', () => {
      const p = plan(graphOf({ id: 'M', schedule: EVERY_30_MIN }, { id: 'S', schedule: SIX_HOURLY, dependencies: [{ task: 'M' }] }), DAY);
      assert.equal(p.byTask.get('M')!.length, 48);
      assert.equal(p.byTask.get('S')!.length, 4);
      assert.deepEqual(upstreamOf(p, 'S'), {
        'S@00:00': ['M@00:00'],
        'S@06:00': at('M', clockRange('00:30', '06:00', 30)),
        'S@12:00': at('M', clockRange('06:30', '12:00', 30)),
        'S@18:00': at('M', clockRange('12:30', '18:00', 30)),
      });
    });

    it('final plan (30-minute task self-dependent): each 6-hourly instance depends on the minute instance at its own time', () => {
      const p = plan(graphOf({ id: 'M', schedule: { ...EVERY_30_MIN, crossCycle: 'self' } }, { id: 'S', schedule: SIX_HOURLY, dependencies: [{ task: 'M' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'S'), { 'S@00:00': ['M@00:00'], 'S@06:00': ['M@06:00'], 'S@12:00': ['M@12:00'], 'S@18:00': ['M@18:00'] });
      assert.deepEqual(upstreamOf(p, 'M')['M@00:00'], ['M@2017-01-10T23:30']);
    });
  });

  describe('the seed\'s concluding rules', () => {
    it('rule 1: a longer cycle on a self-dependent shorter one takes the nearest instance at or before its time', () => {
      const p = plan(graphOf(
        { id: 'M', schedule: { cycle: 'minute', interval: 20, crossCycle: 'self' } },
        { id: 'S', schedule: { cycle: 'hour', start: '00:10', interval: 5 }, dependencies: [{ task: 'M' }] },
      ), DAY);
      assert.deepEqual(upstreamOf(p, 'S'), { 'S@00:10': ['M@00:00'], 'S@05:10': ['M@05:00'], 'S@10:10': ['M@10:00'], 'S@15:10': ['M@15:00'], 'S@20:10': ['M@20:00'] });
    });

    it('rule 2: hourly on minute-level takes the unclaimed instances at or before it; daily, weekly and monthly take them all', () => {
      for (const cycle of [{ cycle: 'day', time: '05:00' }, { cycle: 'week', weekdays: [3], time: '05:00' }, { cycle: 'month', days: [11], time: '05:00' }]) {
        const p = plan(graphOf({ id: 'M', schedule: { cycle: 'minute', start: '00:00', end: '23:59', interval: 30 } }, { id: 'L', schedule: cycle, dependencies: [{ task: 'M' }] }), DAY);
        assert.equal(p.byTask.get('L')![0]!.upstream.length, 48, cycle.cycle);
      }
    });

    it('rule 3: parameters follow each instance\'s scheduled time; the business date is the scheduled date minus one day', () => {
      const p = plan(graphOf({ id: 'H', schedule: HOURLY, parameters: { hour: '$[yyyy-mm-dd-hh24-1/24]', bizdate: '${bdp.system.bizdate}' } }), DAY);
      const h = p.byTask.get('H')!;
      assert.equal(p.bizdate, '2017-01-10');
      assert.deepEqual(h[0]!.params, { hour: '2017-01-10-23', bizdate: '20170110' });
      assert.deepEqual(h[23]!.params, { hour: '2017-01-11-22', bizdate: '20170110' });
    });
  });

  describe('same cycle', () => {
    it('day on day: the same day\'s instance', () => {
      const p = plan(graphOf({ id: 'A', schedule: { cycle: 'day', time: '03:00' } }, { id: 'B', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'A' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'B'), { 'B@01:00': ['A@03:00'] });
    });

    it('OC-24: hour on hour with the same number of instances maps one to one in order, whatever the clock', () => {
      const p = plan(graphOf({ id: 'U', schedule: { cycle: 'hour', start: '00:31', interval: 1 } }, { id: 'D', schedule: { cycle: 'hour', start: '00:10', interval: 1 }, dependencies: [{ task: 'U' }] }), DAY);
      const d = upstreamOf(p, 'D');
      assert.deepEqual(d['D@00:10'], ['U@00:31']);
      assert.deepEqual(d['D@23:10'], ['U@23:31']);
    });

    it('minute on minute with the same count maps one to one', () => {
      const p = plan(graphOf({ id: 'U', schedule: EVERY_30_MIN }, { id: 'D', schedule: { ...EVERY_30_MIN, start: '00:05' }, dependencies: [{ task: 'U' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'D')['D@00:05'], ['U@00:00']);
      assert.deepEqual(upstreamOf(p, 'D')['D@23:35'], ['U@23:30']);
    });

    it('hourly on 6-hourly: several downstream instances share the nearest upstream instance', () => {
      const p = plan(graphOf({ id: 'U', schedule: SIX_HOURLY }, { id: 'D', schedule: HOURLY, dependencies: [{ task: 'U' }] }), DAY);
      const d = upstreamOf(p, 'D');
      assert.deepEqual([d['D@00:00'], d['D@05:00'], d['D@06:00'], d['D@23:00']], [['U@00:00'], ['U@00:00'], ['U@06:00'], ['U@18:00']]);
    });

    it('OC-29: every 5 minutes on hourly: each minute instance on the hourly instance at or before it', () => {
      const p = plan(graphOf({ id: 'H', schedule: HOURLY }, { id: 'M', schedule: { cycle: 'minute', interval: 5 }, dependencies: [{ task: 'H' }] }), DAY);
      const m = upstreamOf(p, 'M');
      assert.deepEqual(m['M@10:35'], ['H@10:00']);
      assert.deepEqual(m['M@10:00'], ['H@10:00']);
      assert.deepEqual(m['M@23:55'], ['H@23:00']);
    });

    it('OC-25: a daily 01:00 task on a self-dependent hourly task takes the 01:00 instance', () => {
      const p = plan(graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self' } }, { id: 'D', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'H' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@01:00': ['H@01:00'] });
    });

    it('no upstream instance at or before the downstream\'s time: the upstream\'s first instance of the day', () => {
      const p = plan(graphOf({ id: 'H', schedule: { cycle: 'hour', start: '02:00', interval: 1, crossCycle: 'self' } }, { id: 'D', schedule: { cycle: 'day', time: '00:30' }, dependencies: [{ task: 'H' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@00:30': ['H@02:00'] });
      const q = plan(graphOf({ id: 'U', schedule: { cycle: 'hour', start: '05:00', interval: 6 } }, { id: 'D', schedule: { cycle: 'hour', start: '00:00', interval: 2 }, dependencies: [{ task: 'U' }] }), DAY);
      assert.deepEqual(upstreamOf(q, 'D')['D@00:00'], ['U@05:00']);
    });

    it('OC-22: every instance of an hourly task waits for the day\'s instance of its daily upstream', () => {
      const p = plan(graphOf({ id: 'A', schedule: { cycle: 'day', time: '07:00' } }, { id: 'B', schedule: { cycle: 'hour', interval: 8 }, dependencies: [{ task: 'A' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'B'), { 'B@00:00': ['A@07:00'], 'B@08:00': ['A@07:00'], 'B@16:00': ['A@07:00'] });
    });

    it('OC-28: a self-dependent hourly task on a daily one: only its first instance waits for the daily instance', () => {
      const p = plan(graphOf({ id: 'D', schedule: { cycle: 'day', time: '00:00' } }, { id: 'H', schedule: { ...HOURLY, crossCycle: 'self' }, dependencies: [{ task: 'D' }] }), DAY);
      const h = upstreamOf(p, 'H');
      assert.deepEqual(h['H@00:00'], ['H@2017-01-10T23:00', 'D@00:00']);
      assert.deepEqual(h['H@01:00'], ['H@00:00']);
    });

    it('OC-23: a daily task on a weekly one depends on that day\'s instance, real or dry-run', () => {
      const g = graphOf({ id: 'W', schedule: { cycle: 'week', weekdays: [1, 5], time: '00:00' } }, { id: 'D', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'W' }] });
      const wednesday = plan(g, '2017-01-11');
      assert.deepEqual(upstreamOf(wednesday, 'D'), { 'D@01:00': ['W@00:00'] });
      assert.equal(wednesday.byTask.get('W')![0]!.kind, 'dry-run');
      assert.equal(plan(g, '2017-01-13').byTask.get('W')![0]!.kind, 'normal');
    });

    it('a weekly task on a daily one depends on that day\'s daily instance (reference §7.6)', () => {
      const p = plan(graphOf({ id: 'D', schedule: { cycle: 'day', time: '01:00' } }, { id: 'W', schedule: { cycle: 'week', weekdays: [1], time: '02:00' }, dependencies: [{ task: 'D' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'W'), { 'W@02:00': ['D@01:00'] });
    });

    it('a paused upstream still has instances to wait for; a one-time upstream has none', () => {
      const p = plan(graphOf(
        { id: 'P', schedule: { method: 'paused', cycle: 'day' } },
        { id: 'O', schedule: { method: 'one-time' } },
        { id: 'D', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'P' }, { task: 'O' }] },
      ), DAY);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@01:00': ['P@00:00'] });
      assert.equal(p.byTask.get('P')![0]!.kind, 'paused');
    });
  });

  describe('previous cycle', () => {
    it('OC-27: a daily task on the previous day of an hourly task: all of yesterday\'s instances, or the last if self-dependent', () => {
      const all = plan(graphOf({ id: 'H', schedule: HOURLY }, { id: 'D', schedule: { cycle: 'day' }, dependencies: [{ task: 'H', cycle: 'previous' }] }), DAY);
      const ups = upstreamOf(all, 'D')['D@00:00']!;
      assert.equal(ups.length, 24);
      assert.deepEqual([ups[0], ups[23]], ['H@2017-01-10T00:00', 'H@2017-01-10T23:00']);
      const last = plan(graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self' } }, { id: 'D', schedule: { cycle: 'day' }, dependencies: [{ task: 'H', cycle: 'previous' }] }), DAY);
      assert.deepEqual(upstreamOf(last, 'D'), { 'D@00:00': ['H@2017-01-10T23:00'] });
      assert.equal(last.byTask.get('D')![0]!.upstream[0]!.crossCycle, true);
    });

    it('day on the previous day of a day task: yesterday\'s instance', () => {
      const p = plan(graphOf({ id: 'A', schedule: { cycle: 'day' } }, { id: 'B', schedule: { cycle: 'day' }, dependencies: [{ task: 'A', cycle: 'previous' }] }), DAY);
      assert.deepEqual(upstreamOf(p, 'B'), { 'B@00:00': ['A@2017-01-10T00:00'] });
    });

    it('hour on the previous cycle of an hour task: one upstream instance back (2:00 on 1:00), the first on yesterday\'s last', () => {
      const p = plan(graphOf({ id: 'U', schedule: HOURLY }, { id: 'D', schedule: HOURLY, dependencies: [{ task: 'U', cycle: 'previous' }] }), DAY);
      const d = upstreamOf(p, 'D');
      assert.deepEqual(d['D@02:00'], ['U@01:00']);
      assert.deepEqual(d['D@00:00'], ['U@2017-01-10T23:00']);
    });

    it('hour on the previous day of a day task: yesterday\'s instance', () => {
      const p = plan(graphOf({ id: 'A', schedule: { cycle: 'day' } }, { id: 'H', schedule: SIX_HOURLY, dependencies: [{ task: 'A', cycle: 'previous' }] }), DAY);
      assert.deepEqual(Object.values(upstreamOf(p, 'H')), [['A@2017-01-10T00:00'], ['A@2017-01-10T00:00'], ['A@2017-01-10T00:00'], ['A@2017-01-10T00:00']]);
    });

    it('crossCycle children: the previous-cycle instances of its direct downstream tasks', () => {
      const p = plan(graphOf(
        { id: 'A', schedule: { cycle: 'day', crossCycle: 'children' } },
        { id: 'B', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'A' }] },
        { id: 'C', schedule: { cycle: 'day', time: '02:00' }, dependencies: [{ task: 'A' }] },
      ), DAY);
      assert.deepEqual(upstreamOf(p, 'A'), { 'A@00:00': ['B@2017-01-10T01:00', 'C@2017-01-10T02:00'] });
      assert.deepEqual(upstreamOf(p, 'B'), { 'B@01:00': ['A@00:00'] });
    });

    it('crossCycle with a list of ids: those tasks\' previous-cycle instances', () => {
      const p = plan(graphOf({ id: 'X', schedule: { cycle: 'day', time: '05:00' } }, { id: 'A', schedule: { cycle: 'day', crossCycle: ['X'] } }), DAY);
      assert.deepEqual(upstreamOf(p, 'A'), { 'A@00:00': ['X@2017-01-10T05:00'] });
    });

    it('self-dependency on the first day of the effective range has nothing before it', () => {
      const p = plan(graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self', effective: { from: DAY } } }), DAY);
      assert.deepEqual(upstreamOf(p, 'H')['H@00:00'], []);
    });

    it('a daily self-dependent task depends on yesterday\'s instance; a weekly one on yesterday\'s (dry-run) instance', () => {
      const p = plan(graphOf({ id: 'D', schedule: { cycle: 'day', crossCycle: 'self' } }, { id: 'W', schedule: { cycle: 'week', weekdays: [3], crossCycle: 'self' } }), DAY);
      assert.deepEqual(upstreamOf(p, 'D'), { 'D@00:00': ['D@2017-01-10T00:00'] });
      assert.deepEqual(upstreamOf(p, 'W'), { 'W@00:00': ['W@2017-01-10T00:00'] });
    });
  });

  it('instance ids name the task and the wall-clock time', () => {
    const p = plan(graphOf({ id: '10001', schedule: { cycle: 'day', time: '00:30' } }), DAY);
    assert.equal(p.instances[0]!.id, '10001@2017-01-11T00:30');
    assert.equal(short(p, p.instances[0]!.id), '10001@00:30');
  });
});
