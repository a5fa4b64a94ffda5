import { strict as assert } from 'node:assert';
import { planDay } from '../../src/core/engine/dayPlan';
import { graphIn } from './engineFixtures';
import { PROJECT_YAML } from './fixtures';

/**
 * DataWorks on a DST day, as its page "Impact of daylight saving time on scheduling" (help.aliyun.com,
 * DataWorks user guide) describes it, in a zone that springs forward at 02:00 and falls back at 02:00
 * (America/New_York: 2026-03-08 and 2026-11-01).
 */
const NEW_YORK = PROJECT_YAML.replace(/timezone: .*/, 'timezone: America/New_York').concat(/timezone:/.test(PROJECT_YAML) ? '' : '\ntimezone: America/New_York\n');
const times = (date: string, task: string, graph: ReturnType<typeof graphIn>) => planDay(graph, date).byTask.get(task)!.map((i) => `${i.scheduledAt.slice(11)}${i.kind === 'normal' ? '' : ` ${i.kind}`}`);

describe('daylight saving time (DataWorks)', () => {
  const graph = graphIn(NEW_YORK, [
    { id: '1', schedule: { cycle: 'hour', interval: 1 }, parameters: { before: '$[hh24:mi-10/24/60]', hour: '$[hh24-1/24]' } },
    { id: '2', schedule: { cycle: 'minute', interval: 30 } },
    { id: '3', schedule: { cycle: 'day', time: '02:30' } },
    { id: '4', schedule: { cycle: 'day', time: '05:00' } },
    { id: '5', schedule: { cycle: 'week', time: '02:15', weekdays: [7] } },
  ]);

  it('springing forward: hour and minute cycles get no instance in the skipped hour (23 hourly instances)', () => {
    const hourly = times('2026-03-08', '1', graph);
    assert.equal(hourly.length, 23);
    assert.ok(!hourly.includes('02:00'));
    assert.equal(times('2026-03-08', '2', graph).length, 46);
    assert.equal(times('2026-03-09', '1', graph).length, 24);
  });

  it('springing forward: a day or week instance inside the skipped hour runs an hour later, as a dry-run; others run normally', () => {
    assert.deepEqual(times('2026-03-08', '3', graph), ['03:30 dry-run']);
    assert.deepEqual(times('2026-03-08', '4', graph), ['05:00']);
    assert.deepEqual(times('2026-03-08', '5', graph), ['03:15 dry-run']);
    assert.deepEqual(times('2026-03-09', '3', graph), ['02:30']);
  });

  it('springing forward: hour offsets count real time ("ten minutes before 03:00 is 01:50")', () => {
    const three = planDay(graph, '2026-03-08').byId.get('1@2026-03-08T03:00')!;
    assert.deepEqual(three.params, { before: '01:50', hour: '01' });
  });

  it('falling back: 24 hourly instances, the repeated hour kept once (its second occurrence); ten minutes before it is the first 01:50', () => {
    const hourly = times('2026-11-01', '1', graph);
    assert.equal(hourly.length, 24);
    assert.equal(hourly.filter((t) => t === '01:00').length, 1);
    const repeated = planDay(graph, '2026-11-01').byId.get('1@2026-11-01T01:00')!;
    assert.deepEqual(repeated.params, { before: '01:50', hour: '01' });
  });
});
