import { strict as assert } from 'node:assert';
import { WorkspaceIndex } from '../../src/core/workspace/workspaceIndex';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { findFolder, tasksUnder } from '../../src/core/workspace/folderTree';
import { PROJECT_YAML, SAMPLES, task } from './fixtures';

function messages(index: WorkspaceIndex): string[] {
  return [...index.diagnostics()].flatMap(([file, list]) => list.map((d) => `${file}:${d.line}: ${d.message}`)).sort();
}

describe('workspace index', () => {
  it('loads the sample workspace: two projects, 41 tasks, no problems', () => {
    const index = loadWorkspace(SAMPLES);
    assert.deepEqual(index.projects().map((p) => p.config.project), ['finance_dw', 'marketing_dw']);
    assert.equal(index.taskCount(), 41);
    assert.deepEqual(messages(index), []);
    assert.equal(index.lock('10014')?.holder, 'bob');
  });

  it('places a task in the folder below its project\'s task root', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    index.setFile('/w/p/tasks/a/b/t1.task.yaml', task('1', 't1'));
    index.setFile('/w/p/tasks/t2.task.yaml', task('2', 't2'));
    assert.equal(index.task('1')?.folder, 'a/b');
    assert.equal(index.task('2')?.folder, '');
    const root = index.folderTree('/w/p')!;
    assert.deepEqual(root.folders.map((f) => f.name), ['a']);
    assert.deepEqual(findFolder(root, 'a/b')?.tasks.map((t) => t.data.name), ['t1']);
    assert.equal(tasksUnder(root, true).length, 2);
    assert.equal(tasksUnder(findFolder(root, 'a')!, false).length, 0);
  });

  it('files a task that arrived before its project once the project file appears, and orphans it when it goes', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/tasks/t1.task.yaml', task('1', 't1'));
    assert.equal(index.task('1')?.projectDir, undefined);
    assert.match(messages(index)[0]!, /not inside the task root of any project/);
    const added = index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    assert.equal(index.task('1')?.projectDir, '/w/p');
    assert.ok(added.projects.has('/w/p'));
    index.deleteFile('/w/p/nightshift.yaml');
    assert.equal(index.task('1')?.projectDir, undefined);
    assert.equal(index.projects().length, 0);
  });

  it('honours the project taskRoot and the override', () => {
    const yaml = `${PROJECT_YAML}taskRoot: jobs\n`;
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', yaml);
    index.setFile('/w/p/jobs/x/t.task.yaml', task('1', 't'));
    index.setFile('/w/p/tasks/u.task.yaml', task('2', 'u'));
    assert.equal(index.task('1')?.folder, 'x');
    assert.equal(index.task('2')?.projectDir, undefined);
    const overridden = new WorkspaceIndex({ taskRootOverride: 'tasks' });
    overridden.setFile('/w/p/nightshift.yaml', yaml);
    overridden.setFile('/w/p/tasks/u.task.yaml', task('2', 'u'));
    assert.equal(overridden.task('2')?.projectDir, '/w/p');
  });

  it('updates one file in place and reports which folder changed', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    index.setFile('/w/p/tasks/f/t.task.yaml', task('1', 't'));
    const change = index.setFile('/w/p/tasks/f/t.task.yaml', task('1', 'renamed'));
    assert.equal(index.task('1')?.data.name, 'renamed');
    assert.deepEqual([...change.folders], ['/w/p\u0000f']);
    assert.deepEqual([...change.tasks], ['1']);
    assert.equal(index.taskCount(), 1);
  });

  it('forgets a task whose file breaks, and shows it again when fixed', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    index.setFile('/w/p/tasks/t.task.yaml', task('1', 't'));
    index.setFile('/w/p/tasks/t.task.yaml', 'id: "1"\nname: [broken\n');
    assert.equal(index.task('1'), undefined);
    assert.equal(messages(index).length, 1);
    index.setFile('/w/p/tasks/t.task.yaml', task('1', 't'));
    assert.ok(index.task('1'));
    assert.deepEqual(messages(index), []);
  });

  it('drops everything below a deleted folder', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    index.setFile('/w/p/tasks/a/t1.task.yaml', task('1', 't1'));
    index.setFile('/w/p/tasks/a/b/t2.task.yaml', task('2', 't2'));
    index.setFile('/w/p/tasks/ab/t3.task.yaml', task('3', 't3'));
    index.deleteFolder('/w/p/tasks/a');
    assert.deepEqual([...index.tasks()].map((t) => t.data.id), ['3']);
  });

  it('ignores files it does not index', () => {
    const index = new WorkspaceIndex();
    const change = index.setFile('/w/p/tasks/t.sql', 'select 1');
    assert.equal(change.tasks.size, 0);
    assert.equal(index.has('/w/p/tasks/t.sql'), false);
  });

  it('knows each task\'s downstream dependents', () => {
    const index = loadWorkspace(SAMPLES);
    assert.deepEqual(index.dependents('10008').map((t) => t.data.id).sort(), ['10009', '10010', '10012', '10014', '10018', '10022', '20008']);
    assert.deepEqual(index.dependents('10016').map((t) => t.data.id), ['10017']);
  });

  it('reads lock files and forgets them when deleted', () => {
    const index = new WorkspaceIndex();
    index.setFile('/w/p/nightshift.yaml', PROJECT_YAML);
    index.setFile('/w/p/.nightshift/locks/7.lock', 'holder: bob\nacquiredAt: 2026-11-01T00:00:00Z\n');
    assert.deepEqual(index.lock('7'), { taskId: '7', file: '/w/p/.nightshift/locks/7.lock', holder: 'bob', acquiredAt: '2026-11-01T00:00:00Z' });
    index.deleteFile('/w/p/.nightshift/locks/7.lock');
    assert.equal(index.lock('7'), undefined);
  });

  it('normalises Windows-style paths', () => {
    const index = new WorkspaceIndex();
    index.setFile('C:\\w\\p\\nightshift.yaml', PROJECT_YAML);
    index.setFile('C:\\w\\p\\tasks\\f\\t.task.yaml', task('1', 't'));
    assert.equal(index.task('1')?.folder, 'f');
  });
});
