import { strict as assert } from 'node:assert';
import { planBackfill } from '../../src/core/engine/backfill';
import { graphOf, HOURLY } from './engineFixtures';

describe('backfill (data population)', () => {
  it('OC-13: a daily 00:00 task backfilled for business date 2025-03-15: ${} sees the business date, $[] the next day', () => {
    const g = graphOf({ id: 'D', schedule: { cycle: 'day', time: '00:00' }, parameters: { biz: '${yyyymmdd}', cyc: '$[yyyymmddhh24miss]', gmt: '$gmtdate' } });
    const b = planBackfill(g, { task: 'D', from: '2025-03-15', to: '2025-03-15' });
    assert.deepEqual(b.instances.map((i) => [i.id, i.bizdate, i.params]), [['D@2025-03-16T00:00', '2025-03-15', { biz: '20250315', cyc: '20250316000000', gmt: '20250316' }]]);
  });

  it('the seed\'s data population: business date 2017-01-10 gives 48 minute instances and 4 six-hourly instances on 2017-01-11', () => {
    const g = graphOf(
      { id: 'M', schedule: { cycle: 'minute', interval: 30, crossCycle: 'self' }, parameters: { p: '$[yyyy-mm-dd-hh24:mi-30/24/60]' } },
      { id: 'S', schedule: { cycle: 'hour', interval: 6 }, dependencies: [{ task: 'M' }] },
    );
    const b = planBackfill(g, { task: 'M', from: '2017-01-10', to: '2017-01-10', downstream: true });
    assert.equal(b.instances.filter((i) => i.task === 'M').length, 48);
    assert.deepEqual(b.instances.filter((i) => i.task === 'S').map((i) => i.scheduledAt), ['2017-01-11T00:00', '2017-01-11T06:00', '2017-01-11T12:00', '2017-01-11T18:00']);
    const m = b.instances.filter((i) => i.task === 'M');
    assert.equal(m[0]!.params.p, '2017-01-10-23:30');
    assert.equal(m[47]!.params.p, '2017-01-11-23:00');
  });

  it('OC-32/33: business dates run one after another; a self-dependent task\'s instances in sequence within a date', () => {
    const g = graphOf({ id: 'H', schedule: { ...HOURLY, crossCycle: 'self' } });
    const b = planBackfill(g, { task: 'H', from: '2025-11-01', to: '2025-11-02' });
    assert.equal(b.instances.length, 48);
    assert.deepEqual(b.instances.map((i) => i.step), Array.from({ length: 48 }, (_, k) => k));
    assert.deepEqual(b.instances[24]!.upstream, ['H@2025-11-02T23:00']);
    assert.equal(b.instances[24]!.id, 'H@2025-11-03T00:00');
  });

  it('without self-dependency the instances of a date run together, and the next date waits', () => {
    const g = graphOf({ id: 'H', schedule: HOURLY });
    const b = planBackfill(g, { task: 'H', from: '2025-11-01', to: '2025-11-03' });
    assert.deepEqual([...new Set(b.instances.map((i) => `${i.bizdate}:${i.step}`))], ['2025-11-01:0', '2025-11-02:1', '2025-11-03:2']);
  });

  it('with --downstream, downstream tasks come after what they wait for; without it, only the task', () => {
    const g = graphOf(
      { id: 'A', schedule: { cycle: 'day', time: '03:00' } },
      { id: 'B', schedule: { cycle: 'day', time: '01:00' }, dependencies: [{ task: 'A' }] },
      { id: 'C', schedule: { cycle: 'day', time: '02:00' }, dependencies: [{ task: 'B' }] },
      { id: 'Z', schedule: { cycle: 'day', time: '00:00' } },
    );
    const b = planBackfill(g, { task: 'A', from: '2025-11-01', to: '2025-11-01', downstream: true });
    assert.deepEqual(b.instances.map((i) => [i.task, i.step, i.upstream]), [
      ['A', 0, []], ['B', 1, ['A@2025-11-02T03:00']], ['C', 2, ['B@2025-11-02T01:00']],
    ]);
    assert.deepEqual(planBackfill(g, { task: 'B', from: '2025-11-01', to: '2025-11-01' }).instances.map((i) => [i.task, i.upstream]), [['B', []]]);
  });

  it('OC-34: excluded tasks get dry-run backfill instances', () => {
    const g = graphOf({ id: 'A', schedule: { cycle: 'day' } }, { id: 'B', schedule: { cycle: 'day' }, dependencies: [{ task: 'A' }] });
    const b = planBackfill(g, { task: 'A', from: '2025-11-01', to: '2025-11-01', downstream: true, exclude: new Set(['B']) });
    assert.deepEqual(b.instances.map((i) => [i.task, i.kind]), [['A', 'normal'], ['B', 'dry-run']]);
  });

  it('refuses an unknown or one-time task, bad dates and a range that ends before it starts', () => {
    const g = graphOf({ id: 'A', schedule: { cycle: 'day' } }, { id: 'O', schedule: { method: 'one-time' } });
    assert.throws(() => planBackfill(g, { task: 'nope', from: '2025-11-01', to: '2025-11-01' }), /no task has the id "nope"/);
    assert.throws(() => planBackfill(g, { task: 'O', from: '2025-11-01', to: '2025-11-01' }), /one-time/);
    assert.throws(() => planBackfill(g, { task: 'A', from: '2025-02-30', to: '2025-03-01' }), /"2025-02-30" is not a date/);
    assert.throws(() => planBackfill(g, { task: 'A', from: '2025-11-02', to: '2025-11-01' }), /ends \(2025-11-01\) before it starts/);
  });
});
