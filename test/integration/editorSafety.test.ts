import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { BatchRecord } from '../../src/core/operations/batchRecords';
import type { NightshiftApi } from '../../src/extension/extension';
import { revealTask } from '../../src/extension/revealTask';
import { nightshift, pathNode, waitFor, workspaceRoot } from './harness';

/** What a user meets in the editor: unsaved edits, the active editor's task, undoing a whole batch. */
describe('batches and the editor', () => {
  let api: NightshiftApi;
  let root: string;

  before(async () => {
    api = await nightshift();
    root = workspaceRoot().fsPath;
  });
  afterEach(async () => {
    // Every unsaved buffer is reverted, each as the active editor (the command acts on that one): a
    // test's unsaved edit left behind became the next test's buffer when focus had moved elsewhere.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => !document.isDirty, `${document.uri.fsPath} reverted`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a task with unsaved changes in an editor is refused with that reason; the file and the buffer keep theirs', async () => {
    const file = `${root}/finance_dw/tasks/dws/daily/dws_balance_daily.task.yaml`;
    const onDisk = readFileSync(file, 'utf8');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# my unsaved thought\n'));
    assert.ok(editor.document.isDirty);
    const node = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_balance_daily');
    const record = (await vscode.commands.executeCommand('nightshift.modifyTags', node, [node], { mode: 'append', tags: ['collide'], confirm: false })) as BatchRecord;
    assert.equal(record.results[0]!.status, 'failed');
    assert.match(record.results[0]!.reason, /^unsaved changes in an editor/);
    assert.equal(readFileSync(file, 'utf8'), onDisk);
    assert.ok(editor.document.isDirty && editor.document.getText().startsWith('# my unsaved thought\n'));
  });

  it('a task open in a clean editor changes through that editor: one edit on its undo stack, then its save', async () => {
    // Another task than the test before's, whose unsaved buffer that test left for the revert.
    const file = `${root}/finance_dw/tasks/dws/daily/dws_revenue_daily.task.yaml`;
    const onDisk = readFileSync(file, 'utf8');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    // A clean editor on the file as it is on disk.
    await waitFor(() => !editor.document.isDirty && editor.document.getText() === onDisk, 'the editor showing the file as on disk');
    const saved: string[] = [];
    const listener = vscode.workspace.onDidSaveTextDocument((d) => saved.push(d.uri.fsPath));
    try {
      const node = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_revenue_daily');
      const record = (await vscode.commands.executeCommand('nightshift.modifyTags', node, [node], { mode: 'append', tags: ['through-editor'], confirm: false })) as BatchRecord;
      assert.equal(record.results[0]!.status, 'succeeded', record.results[0]!.reason);
      // VS Code saved it (a reload from disk fires no save), and the buffer is the file.
      assert.deepEqual(saved, [file]);
      assert.ok(!editor.document.isDirty);
      assert.equal(editor.document.getText(), readFileSync(file, 'utf8'));
      assert.match(editor.document.getText(), /through-editor/);
      // The change is the editor's own undo step: Ctrl+Z gives back the text as it was.
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.getText(), onDisk);
      await vscode.commands.executeCommand('redo');
      assert.ok(!editor.document.isDirty);
    } finally {
      listener.dispose();
      await vscode.commands.executeCommand('nightshift.undoLastBatch', { confirm: false });
    }
    assert.equal(readFileSync(file, 'utf8'), onDisk);
  });

  it('from the palette, a command acts on the active editor\'s task, not on the tree\'s selection', async () => {
    const selected = `${root}/finance_dw/tasks/dws/daily/dws_balance_daily.task.yaml`;
    assert.ok(await revealTask(api.view, api.tree, selected, false), 'the tree selection');
    assert.deepEqual(api.view.selection, [api.tree.nodes.task(selected)]);
    const file = `${root}/finance_dw/tasks/dws/daily/dws_log_daily.task.yaml`;
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    const id = api.indexer.index.taskByFile(file)!.data.id;
    const record = (await vscode.commands.executeCommand('nightshift.changeOwner', undefined, undefined, { owner: 'dave', confirm: false })) as BatchRecord;
    assert.deepEqual(record.results.map((r) => `${r.task}:${r.status}`), [`${id}:succeeded`], JSON.stringify(record.results));
    await waitFor(() => api.indexer.index.task(id)?.data.owner === 'dave', 'the new owner');
    await vscode.commands.executeCommand('nightshift.undoLastBatch', { confirm: false });
    await waitFor(() => api.indexer.index.task(id)?.data.owner === 'alice', 'the undo to reach the index');
  });

  it('"Undo Last Batch" puts back every file of the last batch', async () => {
    const a = await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly');
    const b = await pathNode(api, 'finance_dw', 'dws', 'daily', 'dws_log_daily');
    const files = [`${root}/finance_dw/tasks/ods/logs/ods_log_hourly.task.yaml`, `${root}/finance_dw/tasks/dws/daily/dws_log_daily.task.yaml`];
    const before = files.map((f) => readFileSync(f, 'utf8'));
    const record = (await vscode.commands.executeCommand('nightshift.modifyTags', a, [a, b], { mode: 'append', tags: ['undo-me'], confirm: false })) as BatchRecord;
    assert.ok(record.results.every((r) => r.status === 'succeeded'), JSON.stringify(record.results));
    assert.ok(files.every((f) => readFileSync(f, 'utf8').includes('undo-me')));
    await waitFor(() => api.indexer.index.task('10002')?.data.tags.includes('undo-me'), 'the index to see the batch');
    const revert = (await vscode.commands.executeCommand('nightshift.undoLastBatch', { confirm: false })) as BatchRecord;
    assert.ok(revert.results.every((r) => r.status === 'succeeded'), JSON.stringify(revert.results));
    assert.deepEqual(files.map((f) => readFileSync(f, 'utf8')), before);
    await waitFor(() => !api.indexer.index.task('10001')?.data.tags.includes('undo-me') && !api.indexer.index.task('10002')?.data.tags.includes('undo-me'), 'the undo to reach the index');
  });

  it('an editor open on a task that a batch moves follows it to its new place', async () => {
    const file = `${root}/finance_dw/tasks/ods/ods_ticks_5min.task.yaml`;
    await vscode.window.showTextDocument(vscode.Uri.file(file));
    const id = api.indexer.index.taskByFile(file)!.data.id;
    const record = (await vscode.commands.executeCommand('nightshift.moveTasks', { taskFiles: [file], projectDir: `${root}/finance_dw`, folder: 'dwd' }, undefined, { confirm: false })) as BatchRecord;
    try {
      assert.equal(record.results[0]!.status, 'succeeded', record.results[0]!.reason);
      const moved = `${root}/finance_dw/tasks/dwd/ods_ticks_5min.task.yaml`;
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.fsPath === moved, 'the editor to follow the file');
      const paths = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri.fsPath : ''));
      assert.ok(!paths.includes(file), 'the old path still has a tab');
    } finally {
      await vscode.commands.executeCommand('nightshift.undoLastBatch', { confirm: false });
      await waitFor(() => api.indexer.index.task(id)?.file === file, 'the undo to reach the index');
    }
  });
});
