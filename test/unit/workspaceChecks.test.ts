import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { findCycles } from '../../src/core/workspace/dependencyCycles';
import { PROJECT_YAML, task } from './fixtures';

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
  for (const [name, text] of Object.entries(files)) index.setFile(`/w/p/tasks/${name}`, text);
  return index;
}

function problems(index: WorkspaceIndex): string[] {
  return [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${file.replace('/w/p/tasks/', '')}:${d.line}: ${d.code}`)).sort();
}

describe('cross-file checks', () => {
  it('reports a duplicate id on every file that has it', () => {
    const index = indexOf({ 'a.task.yaml': task('1', 'a'), 'b.task.yaml': task('1', 'b') });
    assert.deepEqual(problems(index), ['a.task.yaml:1: duplicate-id', 'b.task.yaml:1: duplicate-id']);
    assert.equal(index.task('1')?.data.name, 'a');
  });

  it('reports a duplicate name within a project, not across projects', () => {
    const index = indexOf({ 'a.task.yaml': task('1', 'same'), 'b.task.yaml': task('2', 'same') });
    assert.deepEqual(problems(index), ['a.task.yaml:2: duplicate-name', 'b.task.yaml:2: duplicate-name']);
    index.setFile('/w/q/nightshift.yaml', PROJECT_YAML.replace('project: demo', 'project: other'));
    index.setFile('/w/q/tasks/c.task.yaml', task('3', 'same'));
    assert.equal(problems(index).length, 2);
  });

  it('reports unknown owners, O&M owners and task types at their lines', () => {
    const text = 'id: "1"\nname: a\ntype: Perl\nowner: mallory\nopsOwner: trudy\n';
    assert.deepEqual(problems(indexOf({ 'a.task.yaml': text })), ['a.task.yaml:3: unknown-task-type', 'a.task.yaml:4: unknown-owner', 'a.task.yaml:5: unknown-owner']);
  });

  it('reports unknown templates and template versions', () => {
    assert.deepEqual(problems(indexOf({ 'a.task.yaml': task('1', 'a', 'template: {name: nope, version: 1}\n') })), ['a.task.yaml:8: unknown-template']);
    assert.deepEqual(problems(indexOf({ 'a.task.yaml': task('1', 'a', 'template: {name: sync_tpl, version: 9}\n') })), ['a.task.yaml:8: unknown-template-version']);
  });

  it('reports a dependency on an id that does not exist, at the dependency\'s line', () => {
    const index = indexOf({ 'a.task.yaml': task('1', 'a', 'dependencies:\n  - task: "2"\n  - task: "404"\n'), 'b.task.yaml': task('2', 'b') });
    assert.deepEqual(problems(index), ['a.task.yaml:10: unknown-dependency']);
    const [d] = index.diagnostics().get('/w/p/tasks/a.task.yaml')!;
    assert.equal(d!.message, 'dependencies.1.task: no task has the id "404"');
  });

  it('reports a task that depends on itself, and unknown crossCycle ids', () => {
    assert.deepEqual(problems(indexOf({ 'a.task.yaml': task('1', 'a', 'dependencies: [{task: "1"}]\n') })), ['a.task.yaml:8: self-dependency']);
    const cross = 'id: "1"\nname: a\ntype: SQL\nschedule:\n  cycle: day\n  crossCycle: ["77"]\n';
    assert.deepEqual(problems(indexOf({ 'a.task.yaml': cross })), ['a.task.yaml:6: unknown-dependency']);
  });

  it('reports a dependency cycle once, at the dependency that closes it, with the loop spelled out', () => {
    const index = indexOf({
      'a.task.yaml': task('1', 'a', 'dependencies: [{task: "2"}]\n'),
      'b.task.yaml': task('2', 'b', 'dependencies: [{task: "3"}]\n'),
      'c.task.yaml': task('3', 'c', 'dependencies: [{task: "1"}]\n'),
      'd.task.yaml': task('4', 'd', 'dependencies: [{task: "1"}]\n'),
    });
    assert.deepEqual(problems(index), ['c.task.yaml:8: dependency-cycle']);
    assert.equal(index.diagnostics().get('/w/p/tasks/c.task.yaml')![0]!.message, 'dependencies: this dependency closes the cycle 1 → 2 → 3 → 1');
  });

  it('does not call a previous-cycle dependency loop a cycle', () => {
    const index = indexOf({
      'a.task.yaml': task('1', 'a', 'dependencies: [{task: "2"}]\n'),
      'b.task.yaml': task('2', 'b', 'dependencies: [{task: "1", cycle: previous}]\n'),
    });
    assert.deepEqual(problems(index), []);
  });
});

describe('cycle finder', () => {
  it('finds every loop, including long chains without recursion limits', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['d'], e: ['a'] };
    assert.deepEqual(findCycles(Object.keys(graph), (n) => graph[n] ?? []).map((c) => c.sort().join('')), ['abc', 'd']);
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => String(i));
    assert.deepEqual(findCycles(ids, (id) => (Number(id) + 1 < n ? [String(Number(id) + 1)] : [])), []);
    assert.equal(findCycles(ids, (id) => [String((Number(id) + 1) % n)])[0]?.length, n);
  });
});
