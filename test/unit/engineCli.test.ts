import { strict as assert } from 'node:assert';
import { copyOfSamples, nightshift, SAMPLES, writeFiles } from './fixtures';

interface PreviewJson {
  date: string;
  bizdate: string;
  instances: { id: string; task: string; scheduledAt: string; kind: string; params: Record<string, string>; upstream: string[] }[];
}

describe('nightshift preview, param and backfill', function () {
  this.timeout(60_000);

  it('preview --json on 2017-01-11 gives the seed\'s instances, edges and parameters in the contract\'s shape', () => {
    const { code, stdout, stderr } = nightshift('preview', SAMPLES, '--date', '2017-01-11', '--json');
    assert.equal(code, 0, stderr);
    const plan = JSON.parse(stdout) as PreviewJson;
    assert.equal(plan.date, '2017-01-11');
    assert.equal(plan.bizdate, '2017-01-10');
    const of = (task: string) => plan.instances.filter((i) => i.task === task);
    assert.equal(of('10001').length, 24);
    assert.equal(of('10003').length, 48);
    assert.deepEqual(of('10004').map((i) => i.scheduledAt), ['2017-01-11T00:00', '2017-01-11T06:00', '2017-01-11T12:00', '2017-01-11T18:00']);
    const daily = of('10002')[0]!;
    assert.deepEqual(Object.keys(daily).sort(), ['id', 'kind', 'params', 'scheduledAt', 'task', 'upstream']);
    assert.deepEqual(daily, { id: '10002@2017-01-11T00:00', task: '10002', scheduledAt: '2017-01-11T00:00', kind: 'normal', params: { bizdate: '20170110', day: '2017-01-10' }, upstream: ['10001@2017-01-11T00:00'] });
    assert.deepEqual(of('10001')[0]!.upstream, ['10001@2017-01-10T23:00']);
    assert.equal(of('10001')[0]!.params.hour, '2017-01-10-23');
    assert.equal(of('10001')[23]!.params.hour, '2017-01-11-22');
    assert.equal(of('10003')[0]!.params.partition, '2017-01-10-23:30');
  });

  it('preview --bizdate is the day before; --task with --upstream restricts to the closure', () => {
    const { code, stdout } = nightshift('preview', SAMPLES, '--bizdate', '2017-01-10', '--task', '10002', '--upstream', '--json');
    assert.equal(code, 0);
    const plan = JSON.parse(stdout) as PreviewJson;
    assert.equal(plan.date, '2017-01-11');
    assert.deepEqual([...new Set(plan.instances.map((i) => i.task))].sort(), ['10001', '10002']);
  });

  it('preview prints a readable table', () => {
    const { code, stdout } = nightshift('preview', SAMPLES, '--date', '2017-01-11', '--task', '10004');
    assert.equal(code, 0);
    assert.match(stdout, /^2017-01-11 \(business date 2017-01-10\): 4 instances\nTIME +TASK/);
    assert.match(stdout, /06:00 +10004 dws_orders_stats_6h +normal +10003@2017-01-11T06:00 +window_end=2017-01-11-06:00/);
  });

  it('preview refuses bad usage with exit 2', () => {
    assert.equal(nightshift('preview', SAMPLES, '--date', '2017-02-30').code, 2);
    assert.equal(nightshift('preview', SAMPLES, '--date', '2017-01-11', '--bizdate', '2017-01-10').code, 2);
    const unknown = nightshift('preview', SAMPLES, '--date', '2017-01-11', '--task', '999');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no task has the id "999"/);
  });

  it('param prints each value on its own line', () => {
    const { code, stdout } = nightshift('param', '--at', '2017-01-11T00:00', '$[yyyy-mm-dd-hh24-1/24]', '${bdp.system.bizdate}', '$[yyyy-mm-dd-hh24:mi-30/24/60]');
    assert.equal(code, 0);
    assert.equal(stdout, '2017-01-10-23\n20170110\n2017-01-10-23:30\n');
    assert.equal(nightshift('param', '--at', '2025-11-01T02:30:45', '$[hh24miss]').stdout, '023045\n');
  });

  it('param exits 2 naming a bad expression', () => {
    const { code, stderr } = nightshift('param', '--at', '2017-01-11T00:00', '${yyyymmdd}', '${yyyy-mm-dd-1/24}');
    assert.equal(code, 2);
    assert.match(stderr, /\$\{yyyy-mm-dd-1\/24\}/);
    assert.equal(nightshift('param', '--at', 'yesterday', '$bizdate').code, 2);
  });

  it('backfill --json lists the instances over the business dates in order', () => {
    const { code, stdout } = nightshift('backfill', SAMPLES, '--task', '10001', '--from', '2017-01-09', '--to', '2017-01-10', '--downstream', '--json');
    assert.equal(code, 0);
    const b = JSON.parse(stdout) as { tasks: string[]; instances: { id: string; bizdate: string; step: number; params: Record<string, string> }[] };
    assert.ok(b.tasks.includes('10002'));
    assert.equal(b.instances[0]!.id, '10001@2017-01-10T00:00');
    assert.equal(b.instances[0]!.params.hour, '2017-01-09-23');
    const dates = b.instances.map((i) => i.bizdate);
    assert.deepEqual(dates, [...dates].sort());
    const steps = b.instances.map((i) => i.step);
    assert.deepEqual(steps, [...steps].sort((x, y) => x - y));
  });

  it('backfill refuses a range that ends before it starts (exit 2)', () => {
    const { code, stderr } = nightshift('backfill', SAMPLES, '--task', '10001', '--from', '2017-01-10', '--to', '2017-01-09');
    assert.equal(code, 2);
    assert.match(stderr, /ends \(2017-01-09\) before it starts/);
  });

  it('an invalid parameter expression is an error at its line in validate', () => {
    const root = copyOfSamples();
    writeFiles(root, { 'finance_dw/tasks/bad_param.task.yaml': 'id: "950"\nname: bad_param\ntype: SQL\nowner: alice\nparameters:\n  ok: ${bdp.system.bizdate}\n  bad: $[yyyy-1]\n' });
    const { code, stderr } = nightshift('validate', root);
    assert.equal(code, 1);
    assert.match(stderr, /bad_param\.task\.yaml:7: parameters\.bad: \$\[yyyy-1\]: a year offset in \$\[\.\.\.\] needs add_months/);
  });
});
