import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import type { ScheduleChangesView } from '../../src/extension/scheduleChangesView';
import type { TaskPanel } from '../../src/extension/panel/taskPanel';
import { nightshift, waitFor, workspaceRoot, writeText } from './harness';

type Comparison = NonNullable<ScheduleChangesView['current']>;

/** Compare Schedule with HEAD through the real commands, on a commit of the workspace. */
describe('Compare Schedule with HEAD in a real VS Code', () => {
  let api: NightshiftApi;
  let root: string;
  const file = () => join(root, 'finance_dw/tasks/dwd/orders/dwd_payments_di.task.yaml');
  let original = '';
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' });

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    original = readFileSync(file(), 'utf8');
  });
  after(async () => {
    await writeText(vscode.Uri.file(file()), original);
    await waitFor(() => api.indexer.index.task('10007')?.data.schedule.time === '01:10', 'the task back as it was');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Hidden, the view stops comparing again as the later suites change files (and the repository goes).
    await vscode.commands.executeCommand('workbench.action.closePanel');
    rmSync(join(root, '.git'), { recursive: true, force: true });
  });

  it('an edit moves an instance: the view groups it task → instance → what changed, and the timeline opens on it', async () => {
    await writeText(vscode.Uri.file(file()), original.replace('time: "01:10"', 'time: "03:40"'));
    await waitFor(() => api.indexer.index.task('10007')?.data.schedule.time === '03:40', 'the edit in the index');
    const c = (await vscode.commands.executeCommand('nightshift.compareScheduleWithHead', { from: '2026-12-01' })) as Comparison;
    assert.equal(c.base, 'HEAD');
    assert.equal(c.commit, git('rev-parse', 'HEAD').trim());
    const kinds = c.diff.changes.filter((x) => x.task === '10007').map((x) => `${x.kind} ${x.instance}`);
    assert.ok(kinds.includes('instance-removed 10007@2026-12-01T01:10') && kinds.includes('instance-added 10007@2026-12-01T03:40'), kinds.join(', '));
    // Its downstream task now waits for the new instance.
    assert.ok(c.diff.changes.some((x) => x.kind === 'edge-added' && x.task === '10008' && x.detail.upstream === '10007@2026-12-01T03:40'));

    const view = (await vscode.commands.executeCommand('nightshift.scheduleChanges.refresh')) as Comparison;
    assert.equal(view.from, '2026-12-01', 'compare again keeps the dates');
    const provider = api.changes;
    const tasks = provider.getChildren();
    const task = tasks.find((n) => n.kind === 'task' && n.task === '10007')!;
    assert.equal(provider.getTreeItem(task).label, 'dwd_payments_di');
    const instances = provider.getChildren(task);
    assert.deepEqual(instances.map((n) => provider.getTreeItem(n).label), ['01:10', '03:40']);
    const added = instances[1]!;
    assert.match(String(provider.getTreeItem(added).description), /instance added/);
    assert.deepEqual(provider.getChildren(added).map((n) => provider.getTreeItem(n).label), ['instance 03:40 (normal)']);

    const panel = (await vscode.commands.executeCommand('nightshift.scheduleChanges.openInstance', added)) as TaskPanel;
    assert.equal(panel?.panel.title, 'Nightshift Tasks', 'the timeline panel opens');
  });

  it('a base that is no revision is a warning, not a crash', async () => {
    const result = await vscode.commands.executeCommand('nightshift.compareScheduleWithBranch', 'no-such-branch');
    assert.equal(result, undefined);
  });
});
