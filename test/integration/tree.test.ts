import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, pathNode, treeLabels, waitFor, workspaceRoot } from './harness';

describe('Compute Tasks tree in a real VS Code', () => {
  let api: NightshiftApi;
  let root: string;

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
  });

  it('activates on the sample workspace and lists both projects', async () => {
    assert.deepEqual(await treeLabels(api), ['finance_dw', 'marketing_dw']);
    const project = api.tree.getTreeItem((await api.tree.getChildren())[1]!);
    assert.match(String(project.description), /^dev-prod · maxcompute · 16 tasks$/);
  });

  it('shows the Nightshift view in its own activity-bar container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.nightshift');
    await waitFor(() => api.view.visible, 'the Compute Tasks view to be visible');
  });

  it('mirrors the folders of the task root, folders first, then tasks', async () => {
    assert.deepEqual(await treeLabels(api, await pathNode(api, 'finance_dw')), ['ads', 'dwd', 'dws', 'ods', 'tmp_scratch_query']);
    assert.deepEqual(await treeLabels(api, await pathNode(api, 'finance_dw', 'dws')), ['daily', 'reports', 'dws_customer_ltv', 'dws_risk_score']);
    assert.deepEqual(await treeLabels(api, await pathNode(api, 'finance_dw', 'ods', 'logs')), ['ods_log_hourly']);
    assert.deepEqual(await treeLabels(api, await pathNode(api, 'marketing_dw', 'campaigns')), ['ads', 'email', 'campaign_dryrun_probe']);
  });

  it('describes a task by cycle and owner, with a tooltip and a stable id', async () => {
    const node = await pathNode(api, 'finance_dw', 'ods', 'orders', 'ods_orders_sync_30min');
    const item = api.tree.getTreeItem(node);
    assert.equal(item.description, 'every 30 min · bob');
    assert.equal(item.id, node.id);
    assert.match(String(item.contextValue), /^task\b.*\+published/);
    const resolved = await api.tree.resolveTreeItem(item, node);
    assert.match((resolved!.tooltip as vscode.MarkdownString).value, /cross-cycle: self/);
  });

  it('marks paused, draft and locked tasks', async () => {
    const paused = api.tree.getTreeItem(await pathNode(api, 'marketing_dw', 'sandbox', 'sandbox_paused_job'));
    assert.equal((paused.iconPath as vscode.ThemeIcon).id, 'debug-pause');
    const draft = api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'tmp_scratch_query'));
    assert.equal((draft.iconPath as vscode.ThemeIcon).id, 'edit');
    assert.match(String(draft.contextValue), /\+draft/);
    const locked = api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'dws', 'reports', 'legacy_gl_export'));
    assert.equal((locked.iconPath as vscode.ThemeIcon).id, 'lock');
    assert.match(String(locked.contextValue), /\+locked\b/);
    assert.match(String(locked.accessibilityInformation?.label), /locked by bob/);
  });

  it('opens the task YAML when the item is clicked', async () => {
    const item = api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_log_daily'));
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/dws/daily/dws_log_daily.task.yaml'), 'the task file to open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a task file created on disk, in a new folder', async () => {
    const dir = `${root}/finance_dw/tasks/staging/fresh`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/stg_new_task.task.yaml`, 'id: "19001"\nname: stg_new_task\ntype: SQL\nowner: carol\nschedule: {cycle: day, time: "06:00"}\n');
    await waitFor(async () => (await treeLabels(api, await pathNode(api, 'finance_dw'))).includes('staging'), 'the new folder');
    assert.deepEqual(await treeLabels(api, await pathNode(api, 'finance_dw', 'staging', 'fresh')), ['stg_new_task']);
    assert.equal(api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'staging', 'fresh', 'stg_new_task')).description, 'daily · carol');
  });

  it('follows a task file changed on disk', async () => {
    const file = `${root}/finance_dw/tasks/staging/fresh/stg_new_task.task.yaml`;
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: stg_new_task', 'name: stg_renamed_task').replace('owner: carol', 'owner: dave'));
    await waitFor(async () => (await treeLabels(api, await pathNode(api, 'finance_dw', 'staging', 'fresh'))).includes('stg_renamed_task'), 'the renamed task');
    assert.equal(api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'staging', 'fresh', 'stg_renamed_task')).description, 'daily · dave');
  });

  it('drops a task file deleted on disk, and a deleted folder with everything in it', async () => {
    writeFileSync(`${root}/finance_dw/tasks/staging/other.task.yaml`, 'id: "19002"\nname: stg_other\ntype: Shell\nowner: bob\n');
    await waitFor(async () => (await treeLabels(api, await pathNode(api, 'finance_dw', 'staging'))).includes('stg_other'), 'the second staging task');
    rmSync(`${root}/finance_dw/tasks/staging/other.task.yaml`);
    await waitFor(async () => !(await treeLabels(api, await pathNode(api, 'finance_dw', 'staging'))).includes('stg_other'), 'the deleted task to vanish');
    rmSync(`${root}/finance_dw/tasks/staging`, { recursive: true });
    await waitFor(async () => !(await treeLabels(api, await pathNode(api, 'finance_dw'))).includes('staging'), 'the deleted folder to vanish');
    assert.equal(api.indexer.index.task('19001'), undefined);
  });

  it('shows a lock taken in another window', async () => {
    const lockDir = `${root}/marketing_dw/.nightshift/locks`;
    mkdirSync(lockDir, { recursive: true });
    writeFileSync(`${lockDir}/20003.lock`, 'holder: frank\nacquiredAt: 2026-11-21T08:00:00Z\n');
    const node = await pathNode(api, 'marketing_dw', 'ingest', 'dwd_clicks_daily');
    await waitFor(() => (api.tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id === 'lock', 'the lock icon');
    rmSync(`${lockDir}/20003.lock`);
    await waitFor(() => (api.tree.getTreeItem(node).iconPath as vscode.ThemeIcon).id !== 'lock', 'the lock icon to go');
  });
});
