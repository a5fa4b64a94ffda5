import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BatchRecord } from '../../src/core/operations/batchRecords';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { scopeOf } from '../../src/core/operations/changeScope';
import { readPending } from '../../src/core/operations/pendingList';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, pathNode, waitFor, workspaceRoot } from './harness';

/** Task operations through the real commands, on the tree's own nodes, as a user's clicks pass them. */
describe('task operations in a real VS Code', () => {
  let api: NightshiftApi;
  let root: string;
  const owner = (id: string) => api.indexer.index.task(id)?.data.owner;

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
  });

  async function undo(record: BatchRecord): Promise<void> {
    const revert = revertBatch(record, api.user(), root, scopeOf(api.indexer.index, {}));
    assert.equal(revert.results.length, record.changes.length);
    assert.ok(revert.results.every((r) => r.status === 'succeeded'), JSON.stringify(revert.results));
    await api.indexer.settled();
  }

  it('multi-select in the tree, then a batch command: tags appended to both files, the index follows', async () => {
    const a = await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly');
    const b = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_log_daily');
    const record = (await vscode.commands.executeCommand('nightshift.modifyTags', a, [a, b], { mode: 'append', tags: ['itest'], confirm: false })) as BatchRecord;
    assert.deepEqual(record.results.map((r) => `${r.task}:${r.status}`), ['10001:succeeded', '10002:succeeded']);
    assert.match(readFileSync(`${root}/finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml`, 'utf8'), /tags: \[finance, logs, seed-scenario-1, itest\]/);
    await waitFor(() => api.indexer.index.task('10002')?.data.tags.includes('itest'), 'the index to see the new tag');
    await undo(record);
    await waitFor(() => !api.indexer.index.task('10001')?.data.tags.includes('itest'), 'the revert to reach the index');
  });

  it('right-click on a folder, then a batch command over all its tasks and subfolders: the tree shows the new owner', async () => {
    const folder = await pathNode(api, 'finance_dw', 'ods');
    const record = (await vscode.commands.executeCommand('nightshift.changeOwner', folder, undefined, { owner: 'carol', recursive: true, confirm: false })) as BatchRecord;
    assert.equal(record.results.length, 7);
    // Three of the seven are carol's already: skipped with that reason, not failed.
    assert.deepEqual(record.results.map((r) => r.status).sort(), ['skipped', 'skipped', 'skipped', 'succeeded', 'succeeded', 'succeeded', 'succeeded'], JSON.stringify(record.results));
    assert.ok(record.results.filter((r) => r.status === 'skipped').every((r) => r.reason === 'carol already owns it'));
    await waitFor(() => owner('10003') === 'carol' && owner('10001') === 'carol', 'the owners to change');
    const item = api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'ods', 'orders', 'ods_orders_sync_30min'));
    assert.equal(item.description, 'every 30 min · carol');
    await undo(record);
    await waitFor(() => owner('10003') === 'bob', 'the revert to reach the index');
  });

  it('a drop onto a folder moves the tasks there; onto another project\'s folder it is refused', async () => {
    const file = `${root}/finance_dw/tasks/ods/ods_ticks_5min.task.yaml`;
    const id = api.indexer.index.taskByFile(file)!.data.id;
    const across = (await vscode.commands.executeCommand('nightshift.moveTasks', { taskFiles: [file], projectDir: `${root}/marketing_dw`, folder: 'ingest' }, undefined, { confirm: false })) as BatchRecord;
    assert.equal(across.results[0]!.status, 'failed');
    assert.match(across.results[0]!.reason, /belongs to another project; use Modify Project Ownership to move it to marketing_dw/);
    const within = (await vscode.commands.executeCommand('nightshift.moveTasks', { taskFiles: [file], projectDir: `${root}/finance_dw`, folder: 'dwd' }, undefined, { confirm: false })) as BatchRecord;
    assert.equal(within.results[0]!.status, 'succeeded');
    await waitFor(() => api.indexer.index.task(id)?.folder === 'dwd', 'the index to see the moved task');
    await undo(within);
    await waitFor(() => api.indexer.index.task(id)?.folder === 'ods', 'the revert to reach the index');
  });

  it('a lock held by another user shows in the tree and blocks the change', async () => {
    const node = await pathNode(api, 'finance_dw', 'dws', 'reports', 'legacy_gl_export');
    assert.match(String(api.tree.getTreeItem(node).contextValue), /\+locked\b/);
    const file = `${root}/finance_dw/tasks/dws/reports/legacy_gl_export.task.yaml`;
    const before = readFileSync(file, 'utf8');
    const record = (await vscode.commands.executeCommand('nightshift.changeOwner', node, [node], { owner: 'carol', confirm: false })) as BatchRecord;
    assert.equal(record.results[0]!.status, 'skipped');
    assert.match(record.results[0]!.reason, /^locked by bob/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('acquiring a free lock marks the task as locked by me in the tree', async () => {
    const node = await pathNode(api, 'finance_dw', 'ods', 'ods_ticks_5min');
    const record = (await vscode.commands.executeCommand('nightshift.acquireLock', node, [node], { confirm: false })) as BatchRecord;
    assert.equal(record.results[0]!.status, 'succeeded');
    await waitFor(async () => /\+lockedByMe\b/.test(String(api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'ods', 'ods_ticks_5min')).contextValue)), 'the lock badge');
    const task = api.indexer.index.task(api.indexer.index.taskByFile(`${root}/finance_dw/tasks/ods/ods_ticks_5min.task.yaml`)!.data.id)!;
    await vscode.window.showTextDocument(vscode.Uri.file(task.file));
    await vscode.commands.executeCommand('nightshift.releaseLock');
    await waitFor(async () => !/\+locked/.test(String(api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'ods', 'ods_ticks_5min')).contextValue)), 'the lock to be released');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('unpublish goes to the pending-publish list; publishing the picked entries applies them, the rest stay pending', async () => {
    const a = await pathNode(api, 'finance_dw', 'ads', 'ads_revenue_monthly');
    const b = await pathNode(api, 'finance_dw', 'ads', 'ads_quarter_close');
    const unpublished = (await vscode.commands.executeCommand('nightshift.unpublish', a, [a, b], { remark: 'itest', confirm: false })) as BatchRecord;
    assert.deepEqual(unpublished.results.map((r) => r.status), ['succeeded', 'succeeded'], JSON.stringify(unpublished.results));
    const [first, second] = unpublished.results.map((r) => r.task);
    const project = api.indexer.index.projects().find((p) => p.config.project === 'finance_dw')!;
    assert.deepEqual(readPending(project.dir).map((e) => [e.task, e.action, e.remark]), [[first, 'unpublish', 'itest'], [second, 'unpublish', 'itest']]);
    const published = (await vscode.commands.executeCommand('nightshift.publishPending', { project: 'finance_dw', tasks: [second], confirm: false })) as BatchRecord;
    assert.deepEqual(published.results.map((r) => `${r.task}:${r.status}`), [`${second}:succeeded`]);
    await waitFor(() => api.indexer.index.task(second!)?.data.published === false, 'the published task to read as unpublished');
    assert.equal(api.indexer.index.task(first!)?.data.published, true);
    assert.deepEqual(readPending(project.dir).map((e) => e.task), [first]);
    await undo(published);
    await undo(unpublished);
    assert.deepEqual(readPending(project.dir), []);
  });
});
