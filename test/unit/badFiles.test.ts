import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MAX_YAML_ALIASES } from '../../src/core/yaml/yamlSource';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { copyOfSamples, nightshift, PROJECT_YAML, task, writeFiles } from './fixtures';
import { cliBundle } from './testBundles';

const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups'];

/**
 * Runs the command line without root's privilege, which reads a chmod-000 file anyway: as uid 65534
 * through setpriv when the test runs as root, as is when it does not. Undefined (with the reason) when
 * that cannot be done here.
 */
function unprivileged(...args: string[]): { code: number | null; stdout: string; stderr: string } | string {
  const cli = cliBundle();
  const node = [process.execPath, cli, ...args];
  const root = process.getuid?.() === 0;
  if (root) {
    const probe = spawnSync('setpriv', [...NOBODY, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(cli)})`], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return `running as root, and cannot drop to uid 65534 with setpriv to read ${cli} (${probe.error?.message ?? probe.stderr.trim()})`;
  }
  const [command, ...rest] = root ? ['setpriv', ...NOBODY, ...node] : node;
  const result = spawnSync(command!, rest, { encoding: 'utf8', cwd: join(__dirname, '../..') });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A task file whose extra field repeats one anchor `count` times. */
function withAliases(id: string, count: number): string {
  return `${task(id, `aliases_${id}`)}x-base: &a x\nx-list:\n${'  - *a\n'.repeat(count)}`;
}

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
  for (const [path, text] of Object.entries(files)) index.setFile(`/w/p/${path}`, text);
  return index;
}

/** `file:line: code: message` of every problem, the file relative to the project. */
function problems(index: WorkspaceIndex): string[] {
  return [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${file.replace('/w/p/', '')}:${d.line}: ${d.code}: ${d.message}`)).sort();
}

describe('one bad file never hides the rest', () => {
  it(`more than ${MAX_YAML_ALIASES} YAML aliases is a problem at the file, naming the limit`, () => {
    const index = indexOf({ 'tasks/many.task.yaml': withAliases('1', MAX_YAML_ALIASES + 1), 'tasks/few.task.yaml': withAliases('2', 3), 'tasks/ok.task.yaml': task('3', 'ok') });
    const [problem, ...rest] = problems(index);
    assert.deepEqual(rest, []);
    assert.match(problem!, /^tasks\/many\.task\.yaml:10: yaml-limit: more than 100 YAML aliases \(the limit\)/);
    assert.equal(index.task('1'), undefined);
    assert.deepEqual([index.task('2')?.data.name, index.task('3')?.data.name], ['aliases_2', 'ok']);
  });

  it('a lock file whose name is not percent-encoding is a warning at that file; other locks still count', () => {
    const index = indexOf({ '.nightshift/locks/%E0%A4%A.lock': 'holder: bob\n', '.nightshift/locks/%ED%A0%80.lock': 'holder: eve\n', '.nightshift/locks/7.lock': 'holder: carol\n', 'tasks/t.task.yaml': task('7', 't') });
    assert.deepEqual(problems(index).map((p) => p.replace(/: this lock.*/, '')), ['.nightshift/locks/%E0%A4%A.lock:1: lock-name', '.nightshift/locks/%ED%A0%80.lock:1: lock-name']);
    assert.equal(index.lock('7')?.holder, 'carol');
    index.deleteFile('/w/p/.nightshift/locks/%E0%A4%A.lock');
    assert.equal(problems(index).length, 1);
  });

  it('an id with a lone surrogate is an error at its line, and so is a reference to one', () => {
    const index = indexOf({
      'tasks/lone.task.yaml': task('\\ud800', 'lone'),
      'tasks/ref.task.yaml': task('2', 'ref', 'dependencies:\n  - task: "\\udc00"\n'),
      'tasks/pair.task.yaml': task('\\ud83d\\ude00', 'pair'),
    });
    assert.deepEqual(problems(index).map((p) => p.replace(/ holds .*/, '')), ['tasks/lone.task.yaml:1: schema: id: "\\ud800"', 'tasks/ref.task.yaml:9: schema: dependencies.0.task: "\\udc00"']);
    assert.equal(index.task('\u{1F600}')?.data.name, 'pair');
    assert.equal(index.taskCount(), 1);
  });

  it('ids YAML reads as numbers other than plain decimals are errors at the line: quote them', () => {
    const index = indexOf({
      'tasks/a.task.yaml': task('1', 'a').replace('id: "1"', 'id: 001'),
      'tasks/b.task.yaml': task('1', 'b').replace('id: "1"', 'id: 0x1F'),
      'tasks/c.task.yaml': task('1', 'c').replace('id: "1"', 'id: 1e3'),
      'tasks/d.task.yaml': task('1', 'd').replace('id: "1"', 'id: 12345678901234567890'),
      'tasks/e.task.yaml': task('1', 'e').replace('id: "1"', 'id: 42'),
      'tasks/f.task.yaml': 'id: "5"\nname: f\ntype: SQL\nschedule:\n  cycle: day\n  crossCycle: [0o17]\ndependencies:\n  - task: 042\n',
    });
    assert.deepEqual(problems(index), [
      'tasks/a.task.yaml:1: numeric-id: id: YAML reads 001 as the number 1, not as the id "001"; quote it: "001"',
      'tasks/b.task.yaml:1: numeric-id: id: YAML reads 0x1F as the number 31, not as the id "0x1F"; quote it: "0x1F"',
      'tasks/c.task.yaml:1: numeric-id: id: YAML reads 1e3 as the number 1000, not as the id "1e3"; quote it: "1e3"',
      'tasks/d.task.yaml:1: numeric-id: id: YAML reads 12345678901234567890 as the number 12345678901234567000, not as the id "12345678901234567890"; quote it: "12345678901234567890"',
      'tasks/f.task.yaml:6: numeric-id: schedule.crossCycle.0: YAML reads 0o17 as the number 15, not as the id "0o17"; quote it: "0o17"',
      'tasks/f.task.yaml:8: numeric-id: dependencies.0.task: YAML reads 042 as the number 42, not as the id "042"; quote it: "042"',
    ]);
    assert.deepEqual([...index.tasks()].map((t) => t.data.id), ['42']);
  });

  it('the command line reports every bad file at its place and still checks the others (exit 1, not 2)', function () {
    this.timeout(60_000);
    const root = copyOfSamples();
    const bad = 'finance_dw/tasks/bad';
    writeFiles(root, {
      [`${bad}/aliases.task.yaml`]: withAliases('950', 101),
      [`${bad}/lone.task.yaml`]: task('\\ud800', 'lone'),
      [`${bad}/hex.task.yaml`]: task('1', 'hex').replace('id: "1"', 'id: 0x1F'),
      'finance_dw/.nightshift/locks/%E0%A4%A.lock': 'holder: bob\n',
    });
    const { code, stderr } = nightshift('validate', root);
    assert.equal(code, 1, stderr);
    const at = (file: string, line: number) => stderr.split('\n').find((l) => l.startsWith(`${join(root, file)}:${line}: `)) ?? `(nothing at ${file}:${line} in:\n${stderr})`;
    assert.match(at(`${bad}/aliases.task.yaml`, 10), /more than 100 YAML aliases \(the limit\)/);
    assert.match(at(`${bad}/lone.task.yaml`, 1), /lone surrogate/);
    assert.match(at(`${bad}/hex.task.yaml`, 1), /quote it: "0x1F"/);
    assert.match(at('finance_dw/.nightshift/locks/%E0%A4%A.lock', 1), /warning: .*not a task id in percent-encoding/);
    assert.match(stderr, /2 projects, 41 tasks: 3 errors, 1 warning\n$/);
    const batch = nightshift('tags', root, '--folder', 'finance_dw/', '--recursive', '--mode', 'append', '--tag', 'x', '--as', 'alice', '--dry-run');
    assert.equal(batch.code, 0, batch.stderr);
  });

  it('an unreadable file or folder is a problem at its path, and the rest are still checked (EACCES, run without root privilege)', function () {
    this.timeout(60_000);
    const root = copyOfSamples();
    chmodSync(dirname(root), 0o755); // the scratch folder is private to its creator; uid 65534 must get in
    const bad = 'finance_dw/tasks/bad';
    writeFiles(root, { [`${bad}/secret.task.yaml`]: task('960', 'secret'), [`${bad}/closed/inside.task.yaml`]: task('961', 'inside') });
    chmodSync(join(root, bad, 'secret.task.yaml'), 0o000);
    chmodSync(join(root, bad, 'closed'), 0o000);
    try {
      const result = unprivileged('validate', root);
      if (typeof result === 'string') {
        console.log(`      skipped: ${result}`);
        return this.skip();
      }
      assert.equal(result.code, 1, result.stderr);
      const lines = result.stderr.split('\n');
      assert.ok(lines.includes(`${join(root, bad, 'secret.task.yaml')}:1: cannot be read (EACCES: permission denied); it is left out until it can be read`), result.stderr);
      assert.ok(lines.includes(`${join(root, bad, 'closed')}:1: cannot be read (EACCES: permission denied); it is left out until it can be read`), result.stderr);
      assert.match(result.stderr, /2 projects, 41 tasks: 2 errors, 0 warnings\n$/);
    } finally {
      chmodSync(join(root, bad, 'closed'), 0o755);
    }
  });
});
