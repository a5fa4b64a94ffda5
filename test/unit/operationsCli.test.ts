import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOfSamples, nightshift } from './fixtures';

describe('nightshift task operations on the command line', function () {
  this.timeout(60_000);

  it('--json prints {operation, results}; a skipped (locked) task leaves exit 0', () => {
    const root = copyOfSamples();
    const { code, stdout } = nightshift('owner', root, '--tasks', '10001,10014', '--as', 'alice', '--owner', 'carol', '--json');
    assert.equal(code, 0);
    const out = JSON.parse(stdout) as { operation: string; results: { task: string; status: string; reason: string }[] };
    assert.equal(out.operation, 'change-owner');
    assert.deepEqual(out.results.map((r) => [r.task, r.status]), [['10001', 'succeeded'], ['10014', 'skipped']]);
    assert.match(out.results[1]!.reason, /^locked by bob/);
    assert.match(readFileSync(join(root, 'finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml'), 'utf8'), /\nowner: carol\n/);
  });

  it('--dry-run previews without changing a file', () => {
    const root = copyOfSamples();
    const file = join(root, 'finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml');
    const before = readFileSync(file, 'utf8');
    const { code, stdout } = nightshift('tags', root, '--folder', 'finance_dw/ods', '--recursive', '--as', 'alice', '--mode', 'append', '--tag', 'pii', '--dry-run');
    assert.equal(code, 0);
    assert.match(stdout, /^Append Tags \(dry run: nothing changed\): 7 succeeded, 0 skipped, 0 failed\n/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('exits 1 when a task is refused, 2 on bad usage', () => {
    const root = copyOfSamples();
    const refused = nightshift('unpublish', root, '--tasks', '10001', '--as', 'alice', '--remark', 'retire');
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /10001 +failed +cannot unpublish: downstream tasks depend on it: dws_log_daily \(10002\)/);
    assert.equal(nightshift('owner', root, '--tasks', '10001', '--owner', 'carol').code, 2);
    assert.equal(nightshift('move', root, '--tasks', '10001', '--as', 'alice', '--to', 'finance_dw/bad:name').code, 2);
    assert.equal(nightshift('lock', root, '--tasks', '999999', '--as', 'alice').code, 2);
  });

  it('pending lists what unpublish submitted; publish --tasks publishes only those, the rest stay pending', () => {
    const root = copyOfSamples();
    assert.equal(nightshift('unpublish', root, '--tasks', '10010,10011', '--as', 'alice', '--remark', 'retire').code, 0);
    assert.match(nightshift('pending', root).stdout, /finance_dw {2}10010 \S+ {2}unpublish {2}by alice at \S+: retire\n/);
    assert.equal(nightshift('publish', root, '--project', 'finance_dw', '--as', 'alice', '--tasks', '10099').code, 2);
    const published = nightshift('publish', root, '--project', 'finance_dw', '--as', 'alice', '--tasks', '10011', '--json');
    assert.equal(published.code, 0);
    assert.deepEqual((JSON.parse(published.stdout) as { results: { task: string; status: string }[] }).results.map((r) => [r.task, r.status]), [['10011', 'succeeded']]);
    const left = JSON.parse(nightshift('pending', root, '--json').stdout) as { pending: { task: string }[] };
    assert.deepEqual(left.pending.map((e) => e.task), ['10010']);
  });

  it('records lists the batches and revert --last puts the last one back', () => {
    const root = copyOfSamples();
    const file = join(root, 'finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml');
    const before = readFileSync(file, 'utf8');
    nightshift('tags', root, '--tasks', '10001', '--as', 'alice', '--mode', 'replace', '--tag', 'x');
    assert.match(nightshift('records', root, '--kind', 'other').stdout, /\[other\] Replace Tags: 1 succeeded, 0 skipped, 0 failed/);
    assert.equal(nightshift('revert', root, '--last', '--as', 'alice').code, 0);
    assert.equal(readFileSync(file, 'utf8'), before);
  });
});
