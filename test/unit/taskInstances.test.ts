import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { buildSchedulingGraph } from '../../src/core/engine/schedulingGraph';
import { taskInstances } from '../../src/core/engine/taskInstances';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';

describe('Go to O&M: a task\'s instances over a date range', () => {
  const index = loadWorkspace(join(__dirname, '../../samples/warehouse'));
  const graph = buildSchedulingGraph(index);

  it('lists each day\'s instances with kind, time, predicted start and end, what each waits for by name, and parameters', () => {
    const days = taskInstances(graph, '10004', '2017-01-08', '2017-01-14');
    assert.deepEqual(days.map((d) => d.date), ['2017-01-08', '2017-01-09', '2017-01-10', '2017-01-11', '2017-01-12', '2017-01-13', '2017-01-14']);
    const day = days[3]!;
    assert.equal(day.bizdate, '2017-01-10');
    assert.deepEqual(day.instances.map((i) => i.scheduledAt.slice(11)), ['00:00', '06:00', '12:00', '18:00']);
    const six = day.instances[1]!;
    assert.equal(six.kind, 'normal');
    assert.match(six.start!, /^\d\d:\d\d$/);
    assert.ok(six.waitsFor.length > 0);
    // Names, not ids, wherever a person reads.
    for (const w of six.waitsFor) {
      assert.doesNotMatch(w.name, /^\d+$/);
      assert.equal(w.name, index.task(w.id.split('@')[0]!)!.data.name);
    }
    assert.deepEqual(six.params, { window_end: '2017-01-11-06:00', bizdate: '20170110' });
    assert.match(six.explanation, /^dws_orders_stats_6h starts at /);
  });

  it('refuses a reversed or too long range, and a task with no schedule, with the reason', () => {
    assert.throws(() => taskInstances(graph, '10004', '2017-01-14', '2017-01-08'), /ends \(2017-01-08\) before it starts/);
    assert.throws(() => taskInstances(graph, '10004', '2017-01-01', '2017-12-31'), /at most 62 days/);
    assert.throws(() => taskInstances(graph, 'nope', '2017-01-01', '2017-01-02'), /no task has the id "nope"/);
    const oneTime = [...index.tasks()].find((t) => t.data.schedule.method === 'one-time');
    if (oneTime) assert.throws(() => taskInstances(graph, oneTime.data.id, '2017-01-01', '2017-01-02'), /no scheduled instances/);
  });
});
