import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileParameter } from '../../src/core/model/parameterExpression';
import { tasksUnder, type FolderNode } from '../../src/core/workspace/folderTree';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import type { Task } from '../../src/core/workspace/workspaceModel';
import { formatColumns } from '../../src/cli/textColumns';
import { copyOfSamples, nightshift, PROJECT_YAML, task, writeFiles } from './fixtures';
import { minuteTasksWorkspace } from './largeWorkspace';
import { cliBundle } from './testBundles';

describe('resource bounds', function () {
  this.timeout(60_000);

  it('a 10,000-task dependency cycle gives one short message, at the dependency that closes it, in well under a few seconds', () => {
    const n = 10_000;
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    for (let i = 0; i < n; i++) index.setFile(`/w/p/tasks/t${i}.task.yaml`, task(String(i), `t${i}`, `dependencies: [{task: "${(i + 1) % n}"}]\n`));
    const started = Date.now();
    const all = [...index.diagnostics().values()].flat();
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    assert.equal(all.length, 1);
    const [d] = all;
    // The loop from the smallest id, "0": 0 → 1 → … → 9999, and 9999 → 0 closes it.
    assert.equal(d!.file, '/w/p/tasks/t9999.task.yaml');
    assert.equal(d!.line, 8);
    assert.equal(d!.message, 'dependencies: this dependency closes the cycle 0 → 1 → 2 → 3 → … → 9998 → 9999 → 0 (a loop of 10000 tasks)');
  });

  it('text preview prints 150,000 instances (Math.max over spread rows overflowed the stack)', () => {
    // 520 × 288 = 149,760 instances, past the ~120,000 arguments the stack holds.
    const root = minuteTasksWorkspace(520);
    const out = join(root, 'preview.txt');
    const fd = openSync(out, 'w');
    try {
      const result = spawnSync(process.execPath, [cliBundle(), 'preview', root, '--date', '2024-01-02'], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
    } finally {
      closeSync(fd);
    }
    const text = readFileSync(out, 'utf8');
    assert.match(text, /^2024-01-02 \(business date 2024-01-01\): 149760 instances\nTIME {3}TASK/);
    assert.equal(text.split('\n').length, 149_760 + 3);
  });

  it('columns line up over 200,000 rows', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [String(i), 'x', 'last']);
    const lines = formatColumns([['ID', 'NAME', 'NOTE'], ...rows]);
    assert.equal(lines[0], 'ID      NAME  NOTE');
    assert.equal(lines[200_000], '199999  x     last');
  });

  it('a folder of 200,000 tasks lists them all (spread into push overflowed the stack)', () => {
    const tasks = Array.from({ length: 200_000 }, (_, i) => ({ file: `/w/p/tasks/t${i}.task.yaml` }) as Task);
    const root: FolderNode = { name: '', path: '', folders: [{ name: 'a', path: 'a', folders: [], tasks }], tasks: [] };
    assert.equal(tasksUnder(root, true).length, 200_000);
  });

  describe('parameter expressions', () => {
    const errorOf = (value: string) => {
      const result = compileParameter(value);
      return result.ok ? `(accepted: ${result.evaluate({ cycMs: Date.UTC(2024, 2, 1) })})` : result.error;
    };

    it('reject arithmetic the formats do not have', () => {
      assert.match(errorOf('${yyyymmdd-7*1*1}'), /^\$\{yyyymmdd-7\*1\*1\}: "-7\*1\*1" is neither part of a date format nor an offset/);
      assert.match(errorOf('$[yyyymmdd-1*2*3]'), /"-1\*2\*3" is neither part of a date format nor an offset/);
      assert.match(errorOf('${yyyy-mm-dd+1+}'), /"\+1\+" is neither/);
      assert.match(errorOf('$[add_months(yyyymmdd-1,-1)]'), /"-1" is neither/);
      assert.equal(compileParameter('${yyyymmdd-7*1}').ok, true);
      assert.equal(compileParameter('$[yyyy-mm-dd hh24]').ok, false);
    });

    it('reject offsets that leave the calendar', () => {
      assert.match(errorOf('$[yyyymmdd-999999999999]'), /^\$\[yyyymmdd-999999999999\]: an offset of -999999999999 days leaves the calendar/);
      assert.match(errorOf('${yyyymmdd-999999999999}'), /leaves the calendar/);
      assert.match(errorOf('${yyyymm+200000}'), /an offset of 200000 months leaves the calendar/);
      assert.match(errorOf('${yyyy-10000}'), /an offset of -10000 years leaves the calendar/);
      assert.match(errorOf('$[add_months(yyyymmdd,-99999999)]'), /leaves the calendar/);
      assert.match(errorOf('$[hh24mi-99999999999/24/60]'), /leaves the calendar/);
      assert.equal(errorOf('$[yyyymmdd-36500]'), '(accepted: 19240326)');
    });

    it('fail validate at the line and parameters --set', () => {
      const root = copyOfSamples();
      const file = 'marketing_dw/tasks/ingest/ods_campaigns_di.task.yaml';
      const before = readFileSync(join(root, file), 'utf8');
      writeFiles(root, { 'marketing_dw/tasks/ingest/more.task.yaml': task('970', 'more', 'parameters:\n  a: ${yyyymmdd-7*1*1}\n  b: $[yyyymmdd-999999999999]\n').replace('owner: alice', 'owner: erin') });
      const validate = nightshift('validate', root);
      assert.equal(validate.code, 1);
      const more = join(root, 'marketing_dw/tasks/ingest/more.task.yaml');
      assert.match(validate.stderr, new RegExp(`${more}:9: parameters\\.a: \\$\\{yyyymmdd-7\\*1\\*1\\}: "-7\\*1\\*1" is neither`));
      assert.match(validate.stderr, new RegExp(`${more}:10: parameters\\.b: .* leaves the calendar`));
      for (const value of ['${yyyymmdd-7*1*1}', '$[yyyymmdd-999999999999]']) {
        const set = nightshift('parameters', root, '--tasks', '20002', '--set', `bizdate=${value}`, '--as', 'erin');
        assert.notEqual(set.code, 0, set.stdout);
        assert.match(set.stderr, /neither part of a date format|leaves the calendar/);
      }
      assert.equal(readFileSync(join(root, file), 'utf8'), before);
    });
  });
});
