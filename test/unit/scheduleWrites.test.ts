import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { configureScheduleOperation } from '../../src/core/operations/scheduleOperation';
import { modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { BASIC_PROJECT, taskYaml, workspace } from './operationFixtures';

/** The file as a YAML 1.1 reader (PyYAML, many CI tools) reads it. */
const asYaml11 = (text: string) => parse(text, { version: '1.1' }) as { schedule: { time?: string; start?: string; end?: string }; tags: unknown[] };

describe('what operations write reads the same under YAML 1.1', () => {
  it('clock times are quoted: a YAML 1.1 reader gets "14:30", not 870', async () => {
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': taskYaml('1', 'a'), 'fin/tasks/b.task.yaml': taskYaml('2', 'b') });
    const record = await ws.run(configureScheduleOperation({ basic: { method: 'normal', cycle: 'day', time: '14:30' } }), ['1']);
    assert.equal(record.results[0]!.status, 'succeeded', record.results[0]!.reason);
    const text = ws.read('fin/tasks/a.task.yaml');
    assert.match(text, /time: "14:30"/);
    assert.equal(asYaml11(text).schedule.time, '14:30');
    await ws.run(configureScheduleOperation({ basic: { method: 'normal', cycle: 'hour', start: '08:00', end: '20:59', interval: 2 } }), ['2']);
    const hourly = asYaml11(ws.read('fin/tasks/b.task.yaml')).schedule;
    assert.deepEqual([hourly.start, hourly.end], ['08:00', '20:59']);
  });

  it('spliced values too: tags like 12:30 or on stay strings', async () => {
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': taskYaml('1', 'a') });
    await ws.run(modifyTagsOperation('replace', ['12:30', 'on', 'plain']), ['1']);
    assert.deepEqual(asYaml11(ws.read('fin/tasks/a.task.yaml')).tags, ['12:30', 'on', 'plain']);
  });
});

describe('effective dates in batch scheduling', function () {
  this.timeout(60_000);
  it('schedule --effective-from/--effective-to set the dates; an end before the start is refused', async () => {
    const { nightshift } = await import('./fixtures');
    const { twoProjects } = await import('./reliabilityFixtures');
    const root = twoProjects(2);
    const run = nightshift('schedule', root, '--tasks', 't000', '--effective-from', '2027-01-01', '--effective-to', '2027-12-31', '--as', 'alice');
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /effective …\.\.… → 2027-01-01\.\.2027-12-31/);
    const { readFileSync } = await import('node:fs');
    assert.match(readFileSync(`${root}/fin/tasks/src/t000.task.yaml`, 'utf8'), /effective:\n\s+from: 2027-01-01\n\s+to: 2027-12-31/);
    // Both sides given reversed: bad usage, as the dialog refuses it.
    const bad = nightshift('schedule', root, '--tasks', 't001', '--effective-from', '2027-12-31', '--effective-to', '2027-01-01', '--as', 'alice');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /effective\.to: the effective start is after its end/);
    // One side given, past the task's other side: that task is refused.
    const past = nightshift('schedule', root, '--tasks', 't000', '--effective-from', '2028-06-01', '--as', 'alice');
    assert.equal(past.code, 1);
    assert.match(past.stdout, /the effective dates would end \(2027-12-31\) before they start \(2028-06-01\)/);
    assert.equal(nightshift('schedule', root, '--tasks', 't001', '--effective-from', 'tomorrow', '--as', 'alice').code, 2);
  });
});
