import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Backfill } from '../../src/core/engine/backfill';
import type { OpsDay } from '../../src/core/engine/taskInstances';
import type { BatchRecord } from '../../src/core/operations/batchRecords';
import { revertBatch } from '../../src/core/operations/batchRevert';
import { scopeOf } from '../../src/core/operations/changeScope';
import type { Creation } from '../../src/core/operations/createTask';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, pathNode, treeLabels, waitFor, workspaceRoot, writeText } from './harness';

/** The console's lifecycle through the real commands: create, submit, publish, O&M and backfill. */
describe('the lifecycle in a real VS Code', () => {
  let api: NightshiftApi;
  let root: string;
  const records: BatchRecord[] = [];
  const created: string[] = [];

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const r of records.reverse()) revertBatch(r, api.user(), root, scopeOf(api.indexer.index, {}));
    // VS Code's watcher folds a create and a delete within a few milliseconds into nothing: let the reverts land first.
    await waitFor(() => [...api.indexer.index.tasks()].find((t) => t.data.name === 'itest_created')?.data.lastSubmission === 'none', 'the reverted submission');
    // The created task was edited by hand since, which a revert rightly refuses: removed here, for the suites after this one.
    for (const f of created) rmSync(f, { force: true });
    const left = () => [...api.indexer.index.tasks()].filter((t) => t.data.name === 'itest_created').map((t) => `${t.file} exists=${existsSync(t.file)}`);
    await waitFor(() => left().length === 0, `the created task to leave the index (${created.join(', ')})`).catch((e) => {
      throw new Error(`${e}: ${left().join('; ')}`);
    });
  });

  it('Create Compute Task from a folder\'s menu writes the task and its code file, opens both, and the tree shows it', async () => {
    const folder = await pathNode(api, 'marketing_dw', 'sandbox');
    const made = (await vscode.commands.executeCommand('nightshift.createTask', folder, { type: 'SQL', name: 'itest_created', owner: 'erin', schedule: { cycle: 'day', time: '04:30' }, template: undefined })) as Creation;
    assert.ok(made.task, JSON.stringify(made.record.results));
    records.push(made.record);
    created.push(made.task.file, made.task.code);
    assert.equal(made.task.file, `${root}/marketing_dw/tasks/sandbox/itest_created.task.yaml`);
    assert.ok(existsSync(made.task.code));
    await waitFor(() => api.indexer.index.task(made.task!.id), 'the index to see the new task');
    assert.deepEqual(api.indexer.index.diagnostics().get(made.task.file) ?? [], []);
    assert.ok((await treeLabels(api, folder)).includes('itest_created'));
    const open = vscode.window.visibleTextEditors.map((e) => e.document.uri.fsPath);
    assert.ok(open.includes(made.task.file) && open.includes(made.task.code), open.join(', '));
  });

  it('Submit a batch: one succeeds (pending publish in dev-prod), one fails with its reason; Publish publishes the first', async () => {
    const mine = [...api.indexer.index.tasks()].find((t) => t.data.name === 'itest_created')!;
    // It now depends on a draft nobody submits with it: the server would refuse it.
    await writeText(vscode.Uri.file(mine.file), readFileSync(mine.file, 'utf8').replace('dependencies: []', 'dependencies:\n  - task: "20012"'));
    await waitFor(() => api.indexer.index.task(mine.data.id)?.data.dependencies.length === 1, 'the new dependency');
    const record = (await vscode.commands.executeCommand('nightshift.submitTasks', { taskIds: ['20011', mine.data.id] }, undefined, { remark: 'itest', confirm: false })) as BatchRecord;
    records.push(record);
    assert.equal(record.kind, 'submit');
    const [ok, refused] = record.results;
    assert.deepEqual([ok!.task, ok!.status, ok!.reason], ['20011', 'succeeded', 'submitted; pending publish']);
    assert.equal(refused!.status, 'failed');
    assert.match(refused!.reason, /upstream sandbox_exploration \(20012\) is draft/);
    await waitFor(() => api.indexer.index.task('20011')?.data.status === 'submitted', 'the submitted status');
    await waitFor(() => api.indexer.index.task(mine.data.id)?.data.lastSubmission === 'failed', 'the failed submission in the file');
    const published = (await vscode.commands.executeCommand('nightshift.publishPending', { project: 'marketing_dw', tasks: ['20011'], confirm: false })) as BatchRecord;
    records.push(published);
    assert.deepEqual(published.results.map((r) => `${r.task}:${r.status}`), ['20011:succeeded']);
    await waitFor(() => api.indexer.index.task('20011')?.data.published === true, 'the task to be published');
    assert.equal(parse(readFileSync(api.indexer.index.task('20011')!.file, 'utf8')).published, true);
  });

  it('Go to O&M lists a task\'s instances over a week; Backfill previews three business dates with the downstream tasks', async () => {
    const node = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_log_daily');
    const days = (await vscode.commands.executeCommand('nightshift.goToOps', node, undefined, { from: '2017-01-08', to: '2017-01-14' })) as OpsDay[];
    assert.equal(days.length, 7);
    assert.ok(days.every((d) => d.instances.length === 1), JSON.stringify(days.map((d) => d.instances.length)));
    assert.ok(days[3]!.instances[0]!.waitsFor.some((w) => w.name === 'ods_log_hourly'));
    const hourly = await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly');
    const backfill = (await vscode.commands.executeCommand('nightshift.ops.backfill', hourly, undefined, { from: '2017-01-08', to: '2017-01-10', downstream: true, exclude: [] })) as Backfill;
    assert.ok(backfill.tasks.includes('10002'));
    assert.deepEqual([...new Set(backfill.instances.map((i) => i.bizdate))], ['2017-01-08', '2017-01-09', '2017-01-10']);
    for (let i = 1; i < backfill.instances.length; i++) assert.ok(backfill.instances[i]!.step >= backfill.instances[i - 1]!.step);
  });

  it('the O&M view is redrawn when an edit changes its instances, not for an edit that leaves them as they were', async () => {
    const node = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_log_daily');
    await vscode.commands.executeCommand('nightshift.goToOps', node, undefined, { from: '2017-01-08', to: '2017-01-14' });
    let redrawn = 0;
    const listening = api.ops.onDidChangeTreeData(() => redrawn++);
    const daily = api.indexer.index.task('10002')!.file;
    const before = readFileSync(daily, 'utf8');
    try {
      // An unrelated task's description: the same instances.
      const other = [...api.indexer.index.tasks()].find((t) => t.data.id !== '10002' && t.data.description !== undefined && t.data.name === 'ods_fx_rates_di')!;
      const otherText = readFileSync(other.file, 'utf8');
      writeFileSync(other.file, otherText.replace(/^description: .*$/m, 'description: "edited, nothing scheduled changes"'));
      await waitFor(() => api.indexer.index.task(other.data.id)?.data.description === 'edited, nothing scheduled changes', 'the edit indexed');
      await api.indexer.settled();
      assert.equal(redrawn, 0);
      writeFileSync(other.file, otherText);
      // The shown task's own time: its instances move.
      writeFileSync(daily, before.replace(/time: "\d\d:\d\d"/, 'time: "05:55"'));
      await waitFor(() => redrawn > 0 && api.ops.current?.days[0]?.instances[0]?.scheduledAt.includes('05:55'), 'the view redrawn with the new time');
    } finally {
      listening.dispose();
      writeFileSync(daily, before);
      await api.indexer.settled();
    }
  });
});
