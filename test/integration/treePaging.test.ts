import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/treeNodes';
import { nightshift, pathNode, waitFor, workspaceRoot } from './harness';

/** A folder with more tasks than a page: the real tree provider pages it, and Go to a task beyond the page reveals it. */
describe('tree paging in a real VS Code', () => {
  let api: NightshiftApi;
  let dir: string;
  const COUNT = 1200;

  before(async () => {
    api = await nightshift();
    dir = join(workspaceRoot().fsPath, 'marketing_dw/tasks/paged');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < COUNT; i++) writeFileSync(join(dir, `paged_${String(i).padStart(4, '0')}.task.yaml`), `id: "8${String(i).padStart(4, '0')}1"\nname: paged_${String(i).padStart(4, '0')}\ntype: SQL\n`);
    await waitFor(() => [...api.indexer.index.tasks()].filter((t) => t.data.name.startsWith('paged_')).length === COUNT, `${COUNT} tasks in the index`, 60_000);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(workspaceRoot().fsPath, 'marketing_dw/.nightshift/locks/800001.lock'), { force: true });
    await waitFor(() => ![...api.indexer.index.tasks()].some((t) => t.data.name.startsWith('paged_')), 'the paged tasks gone', 60_000);
  });

  it('shows 500 tasks and "Load 500 more…", then the next page, then all', async () => {
    const folder = await pathNode(api, 'marketing_dw', 'paged');
    const kinds = (nodes: TreeNode[]) => ({ tasks: nodes.filter((n) => n.kind === 'task').length, more: nodes.filter((n) => n.kind === 'more') });
    let children = kinds(api.tree.getChildren(folder));
    assert.equal(children.tasks, 500);
    assert.equal(children.more.length, 1);
    const item = api.tree.getTreeItem(children.more[0]!);
    assert.equal(item.label, 'Load 500 more…');
    assert.equal(item.description, '700 of 1,200 tasks not shown');
    await vscode.commands.executeCommand('nightshift.tree.loadMore', children.more[0]);
    children = kinds(api.tree.getChildren(folder));
    assert.equal(children.tasks, 1000);
    assert.equal(api.tree.getTreeItem(children.more[0]!).label, 'Load 200 more…');
    await vscode.commands.executeCommand('nightshift.tree.loadAll', children.more[0]);
    children = kinds(api.tree.getChildren(folder));
    assert.deepEqual([children.tasks, children.more.length], [1200, 0]);
  });

  it('a multi-selection that includes "Load more…" acts on the tasks selected, not on the folder', async () => {
    const folder = await pathNode(api, 'marketing_dw', 'paged');
    const more = api.tree.getChildren(folder).find((n) => n.kind === 'more') ?? api.tree.nodes.more(folder.kind === 'folder' ? folder.projectDir : '', 'paged');
    const first = api.tree.getChildren(folder).find((n) => n.kind === 'task')!;
    const record = (await vscode.commands.executeCommand('nightshift.acquireLock', first, [first, more], { confirm: false })) as { results: { task: string }[] };
    assert.deepEqual(record.results.map((r) => r.task), ['800001']);
  });
});
