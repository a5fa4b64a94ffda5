import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { BatchRecord } from '../../src/core/operations/batchRecords';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { scopeOf } from '../../src/core/operations/changeScope';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, waitFor, workspaceRoot } from './harness';

const panelTabs = () =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('nightshift.taskPanel'));

/** The panel as the extension host sees it: its commands, its tab, and the task-id path its buttons use. */
describe('task-list panel in a real VS Code', () => {
  let api: NightshiftApi;

  before(async () => {
    api = await nightshift();
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Task List opens one panel; opening again reveals the same one', async () => {
    await vscode.commands.executeCommand('nightshift.openTaskList');
    await waitFor(() => panelTabs().length === 1, 'the panel tab');
    await vscode.commands.executeCommand('nightshift.openTaskList');
    assert.equal(panelTabs().length, 1);
    assert.equal(panelTabs()[0]!.label, 'Nightshift Tasks');
  });

  it('Show Day\'s Schedule on a task opens the same panel', async () => {
    await vscode.commands.executeCommand('nightshift.openTimeline', { task: '10004', date: '2017-01-11' });
    assert.equal(panelTabs().length, 1);
    assert.ok(panelTabs()[0]!.isActive);
  });

  it('a batch action from the panel names tasks by id and runs the real operation', async () => {
    const record = (await vscode.commands.executeCommand('nightshift.changeOwner', { taskIds: ['20002', '20003', 'no-such-id'] }, undefined, { owner: 'frank', confirm: false })) as BatchRecord;
    assert.deepEqual(record.results.map((r) => `${r.task}:${r.status}`), ['20002:succeeded', '20003:succeeded']);
    await waitFor(() => api.indexer.index.task('20003')?.data.owner === 'frank', 'the index to see the new owner');
    const revert = revertBatch(record, api.user(), workspaceRoot().fsPath, scopeOf(api.indexer.index, {}));
    assert.ok(revert.results.every((r) => r.status === 'succeeded'));
    await api.indexer.settled();
    await waitFor(() => api.indexer.index.task('20003')?.data.owner === 'erin', 'the revert to reach the index');
  });
});
