import { strict as assert } from 'node:assert';
import { dayNumber } from '../../src/core/time/civilTime';
import { graphOf, plan, times, clockRange, EVERY_30_MIN, SIX_HOURLY } from './engineFixtures';

function kinds(schedule: Record<string, unknown>, from: string, days: number): string[] {
  const g = graphOf({ id: '1', schedule });
  const start = dayNumber(from);
  const out: string[] = [];
  for (let d = start; d < start + days; d++) {
    const p = plan(g, new Date(d * 86_400_000).toISOString().slice(0, 10));
    out.push(p.byTask.get('1')?.map((i) => i.kind).join(',') ?? '-');
  }
  return out;
}

describe('instances of a day', () => {
  it('OC-19: hourly 00:00-03:00 every hour gives 4 instances (the window is closed)', () => {
    assert.deepEqual(times(plan(graphOf({ id: '1', schedule: { cycle: 'hour', start: '00:00', end: '03:00', interval: 1 } }), '2025-11-01'), '1'), ['00:00', '01:00', '02:00', '03:00']);
  });

  it('OC-20: hourly 00:00-23:59 every 6 hours gives 00, 06, 12, 18', () => {
    assert.deepEqual(times(plan(graphOf({ id: '1', schedule: SIX_HOURLY }), '2017-01-11'), '1'), ['00:00', '06:00', '12:00', '18:00']);
  });

  it('OC-21: every 30 minutes from 00:00 to 23:59 gives 48 instances, 00:00 to 23:30', () => {
    const t = times(plan(graphOf({ id: '1', schedule: EVERY_30_MIN }), '2017-01-11'), '1');
    assert.deepEqual(t, clockRange('00:00', '23:30', 30));
    assert.equal(t.length, 48);
  });

  it('a minute interval below 5 is not scheduled; the task is excluded with the reason', () => {
    const g = graphOf({ id: '1', schedule: { cycle: 'minute', interval: 4 } });
    assert.equal(g.tasks.has('1'), false);
    assert.match(g.excluded[0]!.reason, /5 to 59 minutes/);
  });

  it('an hour window keeps its start minute: 08:15 to 12:00 every 2 hours', () => {
    assert.deepEqual(times(plan(graphOf({ id: '1', schedule: { cycle: 'hour', start: '08:15', end: '12:00', interval: 2 } }), '2025-11-01'), '1'), ['08:15', '10:15']);
  });

  it('a day cycle has one instance at its time', () => {
    assert.deepEqual(times(plan(graphOf({ id: '1', schedule: { cycle: 'day', time: '02:30' } }), '2025-11-01'), '1'), ['02:30']);
  });

  it('OC-23: a week cycle on Monday and Friday is real on those days and dry-run on the others', () => {
    // 2025-11-03 is a Monday.
    assert.deepEqual(kinds({ cycle: 'week', weekdays: [1, 5], time: '00:00' }, '2025-11-03', 7),
      ['normal', 'dry-run', 'dry-run', 'dry-run', 'normal', 'dry-run', 'dry-run']);
  });

  it('a month cycle with L runs on the last day of each month, in leap and common years', () => {
    const feb2024 = kinds({ cycle: 'month', days: ['L'], time: '00:00' }, '2024-02-27', 4);
    assert.deepEqual(feb2024, ['dry-run', 'dry-run', 'normal', 'dry-run']); // 27, 28, 29, Mar 1
    const feb2025 = kinds({ cycle: 'month', days: ['L'], time: '00:00' }, '2025-02-27', 3);
    assert.deepEqual(feb2025, ['dry-run', 'normal', 'dry-run']); // 27, 28, Mar 1
  });

  it('a month cycle on the 31st skips short months (dry-run there)', () => {
    assert.deepEqual(kinds({ cycle: 'month', days: [31], time: '00:00' }, '2025-04-29', 3), ['dry-run', 'dry-run', 'dry-run']);
    assert.deepEqual(kinds({ cycle: 'month', days: [31], time: '00:00' }, '2025-05-30', 3), ['dry-run', 'normal', 'dry-run']);
  });

  it('a year cycle runs on the first and last days of January, April, July and October', () => {
    const s = { cycle: 'year', months: [1, 4, 7, 10], days: [1, 'L'], time: '00:00' };
    assert.deepEqual(kinds(s, '2025-03-31', 2), ['dry-run', 'normal']);
    assert.deepEqual(kinds(s, '2025-04-30', 2), ['normal', 'dry-run']);
    assert.deepEqual(kinds(s, '2025-05-01', 1), ['dry-run']);
  });

  it('a year cycle on February 29 runs in leap years only', () => {
    const s = { cycle: 'year', months: [2], days: [29], time: '00:00' };
    assert.deepEqual(kinds(s, '2024-02-29', 1), ['normal']);
    assert.deepEqual(kinds(s, '2025-02-28', 2), ['dry-run', 'dry-run']);
  });

  it('dry-run, paused and one-time methods', () => {
    assert.deepEqual(kinds({ method: 'dry-run', cycle: 'day' }, '2025-11-01', 1), ['dry-run']);
    assert.deepEqual(kinds({ method: 'paused', cycle: 'hour', interval: 12 }, '2025-11-01', 1), ['paused,paused']);
    const g = graphOf({ id: '1', schedule: { method: 'one-time' } });
    assert.equal(g.tasks.has('1'), false);
    assert.match(g.excluded[0]!.reason, /one-time/);
  });

  it('effective from/to bound the days that get instances', () => {
    assert.deepEqual(kinds({ cycle: 'day', effective: { from: '2025-11-02', to: '2025-11-03' } }, '2025-11-01', 4), ['-', 'normal', 'normal', '-']);
  });

  it('in a zone without DST every day has the same instances', () => {
    const g = graphOf({ id: '1', schedule: { cycle: 'hour', interval: 1 } });
    assert.equal(plan(g, '2026-03-08').byTask.get('1')!.length, 24);
  });
});
