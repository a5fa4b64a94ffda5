import { strict as assert } from 'node:assert';
import { nightshift, SAMPLES } from './fixtures';

describe('nightshift list (the task list from the command line)', function () {
  // Each check runs the command line in a new process: seconds on a busy machine.
  this.timeout(60_000);

  it('filters and sorts as the panel does, and prints a table with the count', () => {
    const { code, stdout } = nightshift('list', SAMPLES, '--cycle', 'hour', '--mine', '--as', 'alice', '--sort', 'id:asc');
    assert.equal(code, 0);
    assert.match(stdout, /^ID +NAME +TYPE +CYCLE +METHOD +OWNER +STATUS +FOLDER\n10001 +ods_log_hourly .*finance_dw\/ods\/logs\n20007 +ads_spend_hourly .*\n2 of 41 tasks\n$/);
  });

  it('answers in JSON with a folder and its subfolders and a date range', () => {
    const { code, stdout } = nightshift('list', SAMPLES, '--folder', 'finance_dw/ods', '--recursive', '--modified', '2026-11-20..', '--sort', 'id:asc', '--json');
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { total: number; of: number; rows: { id: string }[] };
    assert.deepEqual([result.total, result.of], [3, 41]);
    assert.deepEqual(result.rows.map((r) => r.id), ['10001', '10019', '10025']);
  });

  it('refuses a value the filters do not know, with exit 2', () => {
    const bad = nightshift('list', SAMPLES, '--method', 'sometimes');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /methods\.0: Invalid option/);
    assert.equal(nightshift('list', SAMPLES, '--sort', 'colour').code, 2);
    assert.equal(nightshift('list', SAMPLES, '--mine').code, 2);
    assert.equal(nightshift('list', SAMPLES, '--folder', 'nowhere/x').code, 2);
  });
});
